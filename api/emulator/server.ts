// Standalone emulator: `npm run emulator` serves the demo data on EMULATOR_PORT (default 53100).
import { startEmulator } from "./index";

const port = Number(process.env.EMULATOR_PORT ?? 53100);
const host = process.env.EMULATOR_HOST ?? "127.0.0.1";
const { url, close } = await startEmulator({ port, host });
console.log(`Graph Bookings emulator listening: ${url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void close().then(() => process.exit(0));
  });
}
