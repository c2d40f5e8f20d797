// Starts the real API (createApp + a real store + the Graph emulator on a port) for integration and browser tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { pino } from "pino";
import { startApi, type RunningApi, type StartOverrides } from "../../api/src/bootstrap";
import { loadConfig } from "../../api/src/config";
import { DEMO_TENANT_ID, DEMO_USER_ID, prepareDemoTenant } from "../../api/src/demo";
import { issueDevToken } from "../../api/src/features/auth/devToken";
import type { SyncRun } from "../../api/src/features/sync/sync.types";
import type { StoreOptions } from "../../api/src/shared/db";
import type { PostgresOptions } from "../../api/src/shared/postgresStore";
import { secretsKeyFor } from "../../api/src/shared/secrets";
import { DEMO_BUSINESS_ID, startEmulator, type EmulatorOptions } from "../../api/emulator/index";

/** Rate limits no test reaches unless it sets its own (tests/integration/hardening.test.ts does). */
export const HIGH_RATE_LIMITS = { RATE_LIMIT_PER_IP: "1000000", RATE_LIMIT_PER_TENANT: "1000000" };

/** The stores the store-dependent tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testStores(): ("pglite" | "postgres")[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/** A running test server. */
export interface TestServer {
  url: string;
  api: RunningApi;
  emulator: Awaited<ReturnType<typeof startEmulator>>;
  /** The first sync of the demo tenant (absent with `demo: false`). */
  firstSync?: SyncRun;
  /** A bearer token for a user of a tenant; admin by default. */
  token(opts?: { tenantId?: string; userId?: string; admin?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/** Starts emulator + API; by default the demo tenant is set up and synced. `env` adds to the test configuration
 * (e.g. AUTH_MODE=entra; then token() is unavailable), `overrides` to what startApi receives, `postgres` to the
 * PostgreSQL store's options (a URL through a proxy, short timeouts). */
export async function startTestServer(
  opts: {
    store?: "pglite" | "postgres";
    demo?: boolean;
    emulator?: EmulatorOptions;
    env?: Record<string, string>;
    overrides?: Omit<StartOverrides, "store" | "host">;
    postgres?: PostgresOverrides;
  } = {},
): Promise<TestServer> {
  const emulator = await startEmulator({ seed: "demo", ...opts.emulator, port: 0, host: "127.0.0.1" });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bi-test-"));
  const { store, dropStore } = testStore(opts.store ?? "pglite", opts.postgres, { migrated: true });
  const config = loadConfig({ PORT: "0", DATA_DIR: dataDir, GRAPH_BASE_URL: emulator.url, GRAPH_TOKEN: "test-token", LOG_LEVEL: "silent", SYNC_TICK_SECONDS: "0", ...HIGH_RATE_LIMITS, ...opts.env });
  // Sealed as `npm start` seals: with SECRETS_KEY when the test sets one, else the key file in the test's DATA_DIR.
  const api = await startApi(config, { logger: pino({ level: "silent" }), ...opts.overrides, store: { ...store, secretsKey: secretsKeyFor(config) }, host: "127.0.0.1" });
  const graph = api.ctx.graphFor(DEMO_TENANT_ID);
  const firstSync = opts.demo === false ? undefined : await prepareDemoTenant({ db: api.ctx.db, graph, now: api.ctx.now }, DEMO_BUSINESS_ID);
  return {
    url: api.url.replace("localhost", "127.0.0.1"),
    api,
    emulator,
    firstSync,
    token: ({ tenantId = DEMO_TENANT_ID, userId = DEMO_USER_ID, admin = true } = {}) =>
      issueDevToken(api.ctx.localKeys!, { tenantId, userId, name: "Test User", roles: admin ? ["Invoicing.Admin"] : [] }),
    async close() {
      await api.close();
      await emulator.close();
      await dropStore();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The migrated database the run's global setup dumped (tests/pgliteTemplate.ts); undefined outside a vitest worker. */
export function pgliteTemplate(): string | undefined {
  try {
    return inject("pgliteTemplate");
  } catch {
    return undefined;
  }
}

/** What a test may change of the PostgreSQL store's options; the schema stays the test's own. */
export type PostgresOverrides = Partial<Omit<PostgresOptions, "schema">>;

/** Store options for a test: in-memory PGlite, or a fresh schema on TEST_DATABASE_URL that dropStore removes. */
export function testStore(kind: "pglite" | "postgres", postgres: PostgresOverrides = {}, opts: { migrated?: boolean } = {}): { store: StoreOptions; dropStore: () => Promise<void> } {
  // A store the caller migrates to the latest version starts from the run's migrated template (PGlite's initdb is slow);
  // one that a migration test takes through older versions starts empty.
  if (kind === "pglite") return { store: { kind: "pglite", ...(opts.migrated ? { startFrom: pgliteTemplate() } : {}) }, dropStore: async () => undefined };
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: cannot run the PostgreSQL variant");
  // Each server gets its own schema, so test files can run in parallel on one database.
  const schema = `t_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  return {
    store: { kind: "postgres", url, schema, poolSize: 5, ...postgres },
    async dropStore() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      // and the job queue's tables beside it (jobQueue.ts)
      await client.query(`DROP SCHEMA IF EXISTS "${schema}_pgboss" CASCADE`);
      await client.end();
    },
  };
}
