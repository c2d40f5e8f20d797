// Composition root: store, migrations, auth, Graph (or the built-in emulator), the app and the HTTP server.
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { INetworkModule } from "@azure/msal-node";
import type { Logger } from "pino";
import { createApp } from "./app";
import type { AppContext } from "./appContext";
import type { Config } from "./config";
import { prepareDemoTenant } from "./demo";
import { loadLocalKeys } from "./features/auth/localKeys";
import { createGraphTokens, type GraphTokens } from "./features/auth/graphTokens";
import { createTokenVerifier } from "./features/auth/tokenVerifier";
import { entraGraphResolver, type GraphAccess } from "./features/graph/entraGraph";
import { createBookingsGraph, type BookingsGraph } from "./features/graph/graphClient";
import { createMailGraph, type MailGraph } from "./features/graph/mailClient";
import { runSendInvoicesJob, SEND_INVOICES_JOB } from "./features/delivery/sendInvoicesJob";
import { createGraphActivitySender } from "./features/notifications/activityFeed";
import { createNotifier } from "./features/notifications/notifier";
import type { WorkflowsMessage } from "./features/notifications/notificationCard";
import { postJson } from "./features/notifications/postJson";
import { publicOnlyFetch } from "./features/notifications/publicFetch";
import { startScheduler } from "./features/sync/scheduler";
import { CREATE_INVOICES_JOB, runCreateInvoicesJob } from "./features/invoices/createInvoicesJob";
import { createJobQueue } from "./features/jobs/jobQueue";
import { migrateStore } from "./migrateStore";
import { openDb, storeOptionsFor, type StoreOptions } from "./shared/db";
import { answerClientErrors } from "./shared/clientErrors";
import { trackRequests } from "./shared/drainServer";
import { createLogger } from "./shared/logger";
import { DEMO_BUSINESS_ID, startEmulator } from "../emulator/index";

/** Where the built tab lives. */
export const TAB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../tabs/dist");

/** A running API with what tests and the CLI need to reach and stop it. */
export interface RunningApi {
  url: string;
  ctx: AppContext;
  /** Base URL of the built-in emulator when one was started. */
  emulatorUrl?: string;
  /** Stops everything; with `graceMs`, in-flight requests (and a scheduled sync) get that long to finish first. */
  close(opts?: { graceMs?: number }): Promise<void>;
}

/** What callers (tests, the CLI) may supply instead of the defaults. */
export interface StartOverrides {
  store?: StoreOptions;
  logger?: Logger;
  host?: string;
  /** entra mode: msal's HTTP transport (tests route it to a fake Entra ID). */
  entraNetwork?: INetworkModule;
  /** entra mode: the Graph HTTP transport (tests record what reaches Graph). */
  graphFetch?: typeof fetch;
}

/** Starts everything the configuration asks for; with no GRAPH_BASE_URL in local mode, the demo emulator too. */
export async function startApi(config: Config, overrides: StartOverrides = {}): Promise<RunningApi> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const emulator = config.graphBaseUrl ? undefined : await startEmulator({ seed: "demo", port: 0, mailPerMinute: config.mail.perMinute });
  const graphBaseUrl = config.graphBaseUrl ?? emulator!.url;
  const db = await openDb(overrides.store ?? storeOptionsFor(config), { onBackgroundError: (err) => logger.warn({ err }, "database connection lost; the pool reconnects on the next query") });
  const applied = await migrateStore(db);
  if (applied.length) logger.info({ applied }, "applied migrations");
  const localKeys = config.authMode === "local" ? await loadLocalKeys(config.dataDir) : undefined;
  const verifyToken = localKeys
    ? createTokenVerifier({ mode: "local", keys: localKeys })
    : createTokenVerifier({ mode: "entra", clientId: config.entra.clientId!, jwksUrl: config.entra.jwksUrl, authorityHost: config.entra.authorityHost, appIdUri: config.entra.appIdUri, tenantId: config.entra.tenantId });
  // entra mode: one msal token source for the Graph readers and the activity feed, so each token is fetched once.
  const tokens = config.authMode === "entra" ? graphTokensFor(config, overrides, logger) : undefined;
  const ctx: AppContext = { db, logger, verifyToken, localKeys, graphFor: graphResolver(config, graphBaseUrl, !!emulator, overrides, tokens), now: () => new Date(), tabDir: TAB_DIR };
  // `now` is read through ctx so that a replaced clock (tests) also reaches the notifier.
  const sendActivity = tokens && createGraphActivitySender({ graphBaseUrl, getToken: (tenantId) => tokens.forApp(tenantId), fetch: overrides.graphFetch });
  // In entra mode (production) webhooks are posted to public addresses only; local mode also reaches this machine.
  const postWebhook = tokens ? (url: string, message: WorkflowsMessage) => postJson(url, message, { fetch: publicOnlyFetch }) : undefined;
  ctx.notifier = createNotifier({ db, log: logger, now: () => ctx.now(), appId: config.teamsAppId, sendActivity, postWebhook });
  // Durable jobs: this process runs every kind, and resumes those a stopped or killed process left behind.
  ctx.mailFor = mailResolver(config, graphBaseUrl, !!emulator, overrides, tokens);
  const mailFor = ctx.mailFor;
  ctx.jobs = await createJobQueue(
    db,
    {
      [CREATE_INVOICES_JOB]: (job) => runCreateInvoicesJob({ db }, job),
      [SEND_INVOICES_JOB]: (job) => runSendInvoicesJob({ db, mailFor, now: () => ctx.now(), reconcileMs: config.mail.reconcileMs, log: logger }, job),
    },
    logger,
  );
  await ctx.jobs.start();

  if (emulator) {
    const run = await prepareDemoTenant({ db, graph: ctx.graphFor(""), now: ctx.now, log: logger }, DEMO_BUSINESS_ID);
    logger.info({ status: run.status, counts: run.counts }, "demo tenant synced from the built-in Bookings emulator");
  }
  ctx.rateLimits = config.rateLimits;
  ctx.trustProxy = config.trustProxy;
  const server = http.createServer(createApp(ctx));
  answerClientErrors(server);
  const requests = trackRequests(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new Error(`Port ${config.port} is already in use: stop the other server or set PORT to a free port.`) : err),
    );
    server.listen(config.port, overrides.host ?? config.host, resolve);
  }).catch(async (err) => {
    await ctx.jobs?.stop();
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
    async close({ graceMs = 0 } = {}) {
      if (graceMs > 0) logger.info({ inFlight: requests.inFlight(), graceMs }, "stopped accepting requests; waiting for those in flight");
      const schedulerStopped = stopScheduler?.();
      const [{ forced }] = await Promise.all([requests.drain(graceMs), graceMs > 0 ? settleWithin(schedulerStopped, graceMs) : schedulerStopped]);
      if (forced && graceMs > 0) logger.warn({ graceMs }, "requests still running after the grace period were cut off");
      await (graceMs > 0 ? settleWithin(ctx.notifier?.idle(), graceMs) : ctx.notifier?.idle());
      await ctx.jobs?.stop(graceMs);
      await db.close();
      await emulator?.close();
    },
  };
}

function graphResolver(
  config: Config,
  baseUrl: string,
  isEmulator: boolean,
  overrides: StartOverrides,
  tokens: GraphTokens | undefined,
): (tenantId: string, access?: GraphAccess) => BookingsGraph {
  if (tokens) return entraGraphResolver({ tokens, baseUrl, maxConcurrent: config.graphMaxConcurrency, fetch: overrides.graphFetch });
  // Local mode reads one Graph endpoint for every tenant; the emulator accepts any bearer token.
  const token = config.graphToken ?? (isEmulator ? "local-emulator-token" : undefined);
  const graph = createBookingsGraph({ baseUrl, getToken: async () => token, maxConcurrent: config.graphMaxConcurrency });
  return () => graph;
}

// Mail goes out app-only (Mail.Send, scoped to the sender mailbox by RBAC for Applications; README): a send job runs
// without a signed-in user. One client per tenant, so its pacing per mailbox covers every job of the tenant.
function mailResolver(config: Config, baseUrl: string, isEmulator: boolean, overrides: StartOverrides, tokens: GraphTokens | undefined): (tenantId: string) => MailGraph {
  const options = { baseUrl, fetch: overrides.graphFetch, perMinute: config.mail.perMinute, concurrent: config.mail.maxConcurrency, timeoutMs: config.mail.timeoutMs };
  if (!tokens) {
    const token = config.graphToken ?? (isEmulator ? "local-emulator-token" : undefined);
    const mail = createMailGraph({ ...options, getToken: async () => token });
    return () => mail;
  }
  const clients = new Map<string, MailGraph>();
  return (tenantId) => {
    let mail = clients.get(tenantId);
    if (!mail) clients.set(tenantId, (mail = createMailGraph({ ...options, getToken: () => tokens.forApp(tenantId) })));
    return mail;
  };
}

// On-behalf-of tokens for interactive calls, app-only ones for syncs and the activity feed (TeamsActivity.Send).
function graphTokensFor(config: Config, overrides: StartOverrides, logger: Logger): GraphTokens {
  const { clientId, clientSecret, authorityHost } = config.entra;
  return createGraphTokens({ clientId: clientId!, clientSecret: clientSecret!, authorityHost, networkClient: overrides.entraNetwork, logger });
}

// Waits for `promise`, but no longer than `ms` (work that outlives the grace period is abandoned).
async function settleWithin(promise: Promise<unknown> | undefined, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise?.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
