// A sync under test: the real use case, a real store and the emulator, with Graph calls recorded and retry sleeps kept short.
import { DEMO_BUSINESS_ID, startEmulator, type EmulatorOptions } from "../../api/emulator/index";
import { createBookingsGraph } from "../../api/src/features/graph/graphClient";
import { saveSetup } from "../../api/src/features/setup/saveSetup";
import { ZSetupInput } from "../../api/src/features/setup/setup.schema";
import { syncTenant, type SyncDeps } from "../../api/src/features/sync/syncTenant";
import type { SyncRun } from "../../api/src/features/sync/sync.types";
import { openDb, type Db } from "../../api/src/shared/db";
import { migrate } from "../../api/src/shared/migrate";
import { testStore } from "./testServer";

export const TENANT = "tenant-sync";

/** Everything a sync test needs. */
export interface SyncHarness {
  db: Db;
  deps: SyncDeps;
  emulator: Awaited<ReturnType<typeof startEmulator>>;
  /** Every URL the Graph client sent, in order. */
  urls: string[];
  /** Every retry delay the Graph client asked for, in ms. */
  delays: number[];
  setup(input?: Record<string, unknown>): Promise<void>;
  sync(): Promise<SyncRun>;
  rows<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Starts the emulator and a migrated store; `setup()` saves a setup for TENANT against the demo business. */
export async function startSyncHarness(
  opts: { store?: "pglite" | "postgres"; emulator?: EmulatorOptions; maxConcurrent?: number; maxRetries?: number } = {},
): Promise<SyncHarness> {
  const emulator = await startEmulator({ seed: "demo", ...opts.emulator, port: 0, host: "127.0.0.1" });
  const { store, dropStore } = testStore(opts.store ?? "pglite", {}, { migrated: true });
  const db = await openDb(store);
  await migrate(db);
  const urls: string[] = [];
  const delays: number[] = [];
  const graph = createBookingsGraph({
    baseUrl: emulator.url,
    getToken: async () => "test-token",
    maxConcurrent: opts.maxConcurrent,
    retry: { baseDelayMs: 20, maxDelayMs: 60_000, maxRetries: opts.maxRetries ?? 8 },
    // Record what the client asked to wait, but wait only a moment: the tests check the decision, not the clock.
    sleep: async (ms) => {
      delays.push(ms);
      await new Promise((r) => setTimeout(r, 2));
    },
    fetch: (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    },
  });
  const deps: SyncDeps = { db, graph, now: () => new Date() };
  return {
    db,
    deps,
    emulator,
    urls,
    delays,
    async setup(input = {}) {
      await saveSetup(deps, TENANT, "admin", ZSetupInput.parse({ businessId: DEMO_BUSINESS_ID, customerTemplate: { taxRate: 21 }, ...input }));
    },
    sync: () => syncTenant(deps, TENANT, "manual"),
    rows: async (sql, params = []) => (await db.query(sql, params)).rows as any[],
    async close() {
      await db.close();
      await emulator.close();
      await dropStore();
    },
  };
}
