// Standalone emulator: `npm run emulator` serves the demo data on EMULATOR_PORT (default 53100).
// EMULATOR_SEED ("demo", "empty" or JSON such as {"appointments":10000,"days":90}) and EMULATOR_LATENCY_MS tune it.
import { startEmulator } from "./index";
import type { EmulatorOptions } from "./types";

const port = Number(process.env.EMULATOR_PORT ?? 53100);
const host = process.env.EMULATOR_HOST ?? "127.0.0.1";
const rawSeed = process.env.EMULATOR_SEED ?? "demo";
const seed = (rawSeed.trim().startsWith("{") ? JSON.parse(rawSeed) : rawSeed) as EmulatorOptions["seed"];
const latencyMs = Number(process.env.EMULATOR_LATENCY_MS ?? 0);
const { url, close } = await startEmulator({ port, host, seed, latencyMs });
console.log(`Graph Bookings emulator listening: ${url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void close().then(() => process.exit(0));
  });
}
