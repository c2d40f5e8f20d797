// Standalone emulator: `npm run emulator` serves the demo data on EMULATOR_PORT (default 53100).
// EMULATOR_SEED ("demo", "empty" or JSON such as {"appointments":10000,"days":90}) and EMULATOR_LATENCY_MS tune it;
// EMULATOR_MAIL_PER_MINUTE (default 30) and EMULATOR_MAIL_MAX_CONCURRENT (default 4) set Exchange's mail limits.
import { startEmulator } from "./index";
import type { EmulatorOptions } from "./types";

function optionalNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 1) throw new Error(`${name} must be a number >= 1, not "${raw}"`);
  return value;
}

const port = Number(process.env.EMULATOR_PORT ?? 53100);
const host = process.env.EMULATOR_HOST ?? "127.0.0.1";
const rawSeed = process.env.EMULATOR_SEED ?? "demo";
const seed = (rawSeed.trim().startsWith("{") ? JSON.parse(rawSeed) : rawSeed) as EmulatorOptions["seed"];
const latencyMs = Number(process.env.EMULATOR_LATENCY_MS ?? 0);
const mailPerMinute = optionalNumber("EMULATOR_MAIL_PER_MINUTE");
const mailMaxConcurrent = optionalNumber("EMULATOR_MAIL_MAX_CONCURRENT");
const { url, close } = await startEmulator({ port, host, seed, latencyMs, mailPerMinute, mailMaxConcurrent });
console.log(`Graph Bookings emulator listening: ${url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void close().then(() => process.exit(0));
  });
}
