// `npm start`: reads the environment, starts the API (and the demo emulator when no Graph URL is set), stops cleanly.
import { loadConfig } from "./config";
import { startApi } from "./bootstrap";
import { DEMO_TENANT_ID } from "./demo";

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const api = await startApi(config);
  const where = config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.dataDir}`;
  const graph = api.emulatorUrl ? `built-in Bookings emulator (${api.emulatorUrl}), demo tenant ${DEMO_TENANT_ID}` : config.graphBaseUrl;
  console.log(`\nBookings Invoicing is running at ${api.url}/  (started in ${Date.now() - started} ms)\n  store: ${where}\n  graph: ${graph}\n  auth:  ${config.authMode}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    api.ctx.logger.info({ signal }, "shutting down");
    await api.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
