// `npm start`: reads the environment, starts the API (and the demo emulator when no Graph URL is set), stops gracefully on SIGTERM/SIGINT.
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
  // Stop accepting, let in-flight requests and a running scheduled sync finish (up to the grace period), close the store.
  const stop = async (signal: string) => {
    // npm forwards Ctrl+C that the terminal already delivered, so a repeated signal is not a request to hurry.
    if (stopping) return;
    stopping = true;
    api.ctx.logger.info({ signal, graceSeconds: config.shutdownGraceSeconds }, "shutting down");
    try {
      await api.close({ graceMs: config.shutdownGraceSeconds * 1000 });
    } catch (err) {
      api.ctx.logger.error({ err }, "shutdown failed");
      process.exit(1);
    }
    api.ctx.logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
