// Composition root: store, migrations, auth, Graph (or the built-in emulator), the app and the HTTP server.
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import { createApp } from "./app";
import type { AppContext } from "./appContext";
import type { Config } from "./config";
import { prepareDemoTenant } from "./demo";
import { loadLocalKeys } from "./features/auth/localKeys";
import { createTokenVerifier } from "./features/auth/tokenVerifier";
import { createBookingsGraph, type BookingsGraph } from "./features/graph/graphClient";
import { startScheduler } from "./features/sync/scheduler";
import { priceEveryAttendee } from "./features/bookings/priceAttendees";
import { openDb, storeOptionsFor, type StoreOptions } from "./shared/db";
import { AppError } from "./shared/errors";
import { createLogger } from "./shared/logger";
import { migrate } from "./shared/migrate";
import { DEMO_BUSINESS_ID, startEmulator } from "../emulator/index";

/** Where the built tab lives. */
export const TAB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../tabs/dist");

/** A running API with what tests and the CLI need to reach and stop it. */
export interface RunningApi {
  url: string;
  ctx: AppContext;
  /** Base URL of the built-in emulator when one was started. */
  emulatorUrl?: string;
  close(): Promise<void>;
}

/** Starts everything the configuration asks for; with no GRAPH_BASE_URL in local mode, the demo emulator too. */
export async function startApi(config: Config, overrides: { store?: StoreOptions; logger?: Logger; host?: string } = {}): Promise<RunningApi> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const emulator = config.graphBaseUrl ? undefined : await startEmulator({ seed: "demo", port: 0 });
  const graphBaseUrl = config.graphBaseUrl ?? emulator!.url;
  const db = await openDb(overrides.store ?? storeOptionsFor(config));
  const applied = await migrate(db);
  if (applied.length) logger.info({ applied }, "applied migrations");
  // Migration 003 gave attendees a stored priced line; price what an older version synced.
  if (applied.includes("003")) await priceEveryAttendee(db);
  const localKeys = config.authMode === "local" ? await loadLocalKeys(config.dataDir) : undefined;
  const verifyToken = localKeys
    ? createTokenVerifier({ mode: "local", keys: localKeys })
    : createTokenVerifier({ mode: "entra", clientId: config.entra.clientId!, jwksUrl: config.entra.jwksUrl, authorityHost: config.entra.authorityHost });
  const ctx: AppContext = { db, logger, verifyToken, localKeys, graphFor: graphResolver(config, graphBaseUrl, !!emulator), now: () => new Date(), tabDir: TAB_DIR };

  if (emulator) {
    const run = await prepareDemoTenant({ db, graph: ctx.graphFor(""), now: ctx.now, log: logger }, DEMO_BUSINESS_ID);
    logger.info({ status: run.status, counts: run.counts }, "demo tenant synced from the built-in Bookings emulator");
  }
  const server = http.createServer(createApp(ctx));
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new Error(`Port ${config.port} is already in use: stop the other server or set PORT to a free port.`) : err),
    );
    server.listen(config.port, overrides.host ?? "0.0.0.0", resolve);
  }).catch(async (err) => {
    await db.close();
    await emulator?.close();
    throw err;
  });
  const { port } = server.address() as AddressInfo;
  const stopScheduler = config.syncTickSeconds > 0 ? startScheduler({ ...ctx, log: logger }, config.syncTickSeconds * 1000) : undefined;
  return {
    url: `http://localhost:${port}`,
    ctx,
    emulatorUrl: emulator?.url,
    async close() {
      await stopScheduler?.();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      await emulator?.close();
    },
  };
}

function graphResolver(config: Config, baseUrl: string, isEmulator: boolean): (tenantId: string) => BookingsGraph {
  if (config.authMode === "entra") {
    return () => {
      throw new AppError("GRAPH_ERROR", "Graph access with Entra ID app tokens is not available in this build yet.");
    };
  }
  // Local mode reads one Graph endpoint for every tenant; the emulator accepts any bearer token.
  const token = config.graphToken ?? (isEmulator ? "local-emulator-token" : undefined);
  const graph = createBookingsGraph({ baseUrl, getToken: async () => token, maxConcurrent: config.graphMaxConcurrency });
  return () => graph;
}
