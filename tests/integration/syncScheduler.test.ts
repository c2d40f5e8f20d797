// Covers the background scheduler and the one-sync-per-tenant rule: due tenants, the interval, background sync off,
// concurrent syncs refused, and two API processes on one PostgreSQL never syncing a tenant at the same time.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID, startEmulator } from "../../api/emulator/index";
import { findDueTenants, runDueSyncs } from "../../api/src/features/sync/scheduler";
import { openDb, type Db } from "../../api/src/shared/db";
import { migrate } from "../../api/src/shared/migrate";
import { startSyncHarness, TENANT, type SyncHarness } from "../factories/syncHarness";
import { testStores } from "../factories/testServer";
import { startServerProcess, stopServerProcess, type ServerProcess } from "../factories/serverProcess";

const MINUTE = 60_000;

describe.each(testStores())("scheduler on %s", (store) => {
  let h: SyncHarness;
  afterEach(() => h?.close());

  it("syncs a due tenant once per interval, and never one with background sync off", async () => {
    h = await startSyncHarness({ store });
    await h.setup({ syncIntervalMinutes: 30 });
    await h.db.query("INSERT INTO tenant_setup (tenant_id, business_id, settings) VALUES ('tenant-off', $1, '{\"backgroundSync\": false}')", [DEMO_BUSINESS_ID]);
    let now = new Date();
    const deps = { db: h.db, graphFor: () => h.deps.graph, now: () => now };
    const first = await runDueSyncs(deps);
    expect(first.map((r) => [r.trigger, r.status])).toEqual([["schedule", "succeeded"]]);
    expect(await runDueSyncs(deps)).toEqual([]);
    now = new Date(Date.now() + 29 * MINUTE);
    expect(await findDueTenants(h.db, now)).toEqual([]);
    now = new Date(Date.now() + 31 * MINUTE);
    expect(await findDueTenants(h.db, now)).toEqual([TENANT]);
    const runs = await h.rows("SELECT tenant_id, count(*)::int AS n FROM sync_runs GROUP BY 1", []);
    expect(runs).toEqual([{ tenant_id: TENANT, n: 1 }]);
  });

  it("refuses a second sync of the same tenant while one runs", async () => {
    h = await startSyncHarness({ store, emulator: { latencyMs: 5 } });
    await h.setup();
    const results = await Promise.allSettled([h.sync(), h.sync()]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(rejected.reason).toMatchObject({ code: "SYNC_IN_PROGRESS" });
    expect(h.emulator.controls.stats().throttled).toBe(0);
  });

  it("closes a run left 'running' by a dead process as failed before the next one starts", async () => {
    h = await startSyncHarness({ store });
    await h.setup();
    await h.db.query("INSERT INTO sync_runs (tenant_id, trigger, status) VALUES ($1, 'schedule', 'running')", [TENANT]);
    await h.sync();
    const runs = await h.rows("SELECT status, errors->0->>'message' AS message, errors->0->>'code' AS code FROM sync_runs WHERE tenant_id = $1 ORDER BY started_at", [TENANT]);
    expect(runs).toEqual([
      { status: "failed", message: "The sync stopped before it finished (the server restarted or lost its database connection).", code: "abandoned" },
      { status: "succeeded", message: null, code: null },
    ]);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("several API processes on one PostgreSQL", () => {
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_multi_${randomUUID().slice(0, 8)}`;
  const children: ServerProcess[] = [];
  let admin: Db | undefined;
  afterEach(async () => {
    await Promise.all(children.splice(0).map((c) => stopServerProcess(c)));
    await admin?.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    // and the job queue's tables beside it (jobQueue.ts)
    await admin?.exec(`DROP SCHEMA IF EXISTS "${schema}_pgboss" CASCADE`);
    await admin?.close();
  });

  it("two pools scheduling the same tenant at the same moment run one sync", async () => {
    admin = await openDb({ kind: "postgres", url, schema });
    await migrate(admin);
    const [a, b] = [await openDb({ kind: "postgres", url, schema }), await openDb({ kind: "postgres", url, schema })];
    const h = await startSyncHarness({ store: "postgres" });
    const deps = (db: Db) => ({ db, graphFor: () => h.deps.graph, now: () => new Date() });
    await admin.query("INSERT INTO tenant_setup (tenant_id, business_id, currency) VALUES ('tenant-multi', $1, 'EUR')", [DEMO_BUSINESS_ID]);
    const [ra, rb] = await Promise.all([runDueSyncs(deps(a)), runDueSyncs(deps(b))]);
    expect(ra.length + rb.length).toBe(1);
    expect((await admin.query("SELECT count(*)::int AS n FROM sync_runs")).rows).toEqual([{ n: 1 }]);
    await Promise.all([a.close(), b.close(), h.close()]);
  });

  it("two API servers with background sync on: one sync at a time, one answers 409 to a concurrent sync now", async () => {
    const emulator = await startEmulator({ seed: "demo", latencyMs: 15, port: 0 });
    admin = await openDb({ kind: "postgres", url, schema });
    const dbUrl = `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const servers = await Promise.all(
      [0, 1].map(() => startServerProcess({ DATABASE_URL: dbUrl, GRAPH_BASE_URL: emulator.url, GRAPH_TOKEN: "t", SYNC_TICK_SECONDS: "1" })),
    );
    children.push(...servers);
    // Both migrated the same schema at once (the migration lock serialises them); now give them a tenant.
    await admin.query("INSERT INTO tenant_setup (tenant_id, business_id, currency) VALUES ('tenant-multi', $1, 'EUR')", [DEMO_BUSINESS_ID]);
    await waitFor(async () => (await admin!.query("SELECT 1 FROM sync_runs WHERE status <> 'running'")).rows.length > 0, 30_000);
    // Make the tenant due again for both schedulers' next ticks: exactly one of them may sync it.
    await admin.query("UPDATE sync_runs SET started_at = started_at - interval '1 day', finished_at = finished_at - interval '1 day'");
    await waitFor(async () => (await admin!.query("SELECT 1 FROM sync_runs WHERE status <> 'running'")).rows.length > 1, 30_000);
    const runs = (await admin.query<{ status: string }>("SELECT status FROM sync_runs ORDER BY started_at")).rows;
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
    expect(emulator.controls.stats().throttled).toBe(0);
    expect(emulator.controls.stats().maxInFlight).toBeLessThanOrEqual(3);

    await admin.query("UPDATE tenant_setup SET settings = '{\"backgroundSync\": false}'");
    const tokens = await Promise.all(servers.map((s) => s.token("tenant-multi")));
    const syncNow = async (i: number) => (await fetch(`${servers[i]!.url}/api/sync`, { method: "POST", headers: { authorization: `Bearer ${tokens[i]}` } })).status;
    // The first server's sync is held at its appointment reads, so it holds the tenant's sync lock while the second asks.
    const hold = emulator.controls.hold("calendarView");
    const first = syncNow(0);
    await hold.reached;
    expect(await syncNow(1)).toBe(409);
    hold.release();
    expect(await first).toBe(200);
    await Promise.all([emulator.close()]);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 200));
  }
}
