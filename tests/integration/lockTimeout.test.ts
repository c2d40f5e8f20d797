// Covers bounded lock waits on PostgreSQL: a request that waits on a row lock longer than the store's lock_timeout fails
// with 55P03 and answers 503 STORE_BUSY with Retry-After, instead of hanging or a 500; once the row is free it succeeds.
// A starting server waits for another's migration past that bound.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { DEMO_TENANT_ID } from "../../api/src/demo";
import { openDb } from "../../api/src/shared/db";
import { migrate } from "../../api/src/shared/migrate";
import { client } from "../factories/http";
import { startTestServer, testStore, type TestServer } from "../factories/testServer";

const LOCK_TIMEOUT_MS = 300;
const PG_URL = process.env.TEST_DATABASE_URL;
const MIGRATION_LOCK_KEY = 7_202_611_240; // migrate.ts

describe.skipIf(!PG_URL)("a row lock held past lock_timeout", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ store: "postgres", postgres: { lockTimeoutMs: LOCK_TIMEOUT_MS } });
  });
  afterAll(() => server?.close());

  it("answers 503 STORE_BUSY after the bound, and 200 once the row is free", async () => {
    const api = client(server.url, await server.token());
    const { db } = server.api.ctx;
    let locked!: () => void;
    let finish!: () => void;
    const rowLocked = new Promise<void>((resolve) => (locked = resolve));
    const finished = new Promise<void>((resolve) => (finish = resolve));
    // Another writer holds the tenant's setup row (a long transaction elsewhere) until the test lets it go.
    const holder = db.transaction(async (tx) => {
      const { rowCount } = await tx.query("SELECT 1 FROM tenant_setup WHERE tenant_id = $1 FOR UPDATE", [DEMO_TENANT_ID]);
      expect(rowCount).toBe(1);
      locked();
      await finished;
    });
    await rowLocked;

    const t0 = Date.now();
    const busy = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID });
    const waited = Date.now() - t0;
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("5");
    expect(busy.body).toEqual({
      error: { code: "STORE_BUSY", message: "The data is busy with another change right now. Please try again in a few seconds.", retryAfterSeconds: 5 },
    });
    expect(waited).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS);
    expect(waited).toBeLessThan(5_000);

    finish();
    await holder;
    const saved = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID });
    expect(saved.status).toBe(200);
    expect(saved.body.businessId).toBe(DEMO_BUSINESS_ID);
  });
});

describe.skipIf(!PG_URL)("a migration that runs longer than lock_timeout in another process", () => {
  it("is waited for by a starting server, which then finds nothing left to do", async () => {
    const appName = `bi-migwait-${randomUUID().slice(0, 8)}`;
    const other = new pg.Client({ connectionString: PG_URL });
    await other.connect();
    const { store, dropStore } = testStore("postgres", { url: `${PG_URL}${PG_URL!.includes("?") ? "&" : "?"}application_name=${appName}`, lockTimeoutMs: LOCK_TIMEOUT_MS });
    const db = await openDb(store);
    try {
      await migrate(db); // this schema is migrated; the other process is busy with a migration of its own
      await other.query("BEGIN");
      await other.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      const starting = migrate(db);
      const until = Date.now() + 15_000;
      for (;;) {
        // Waiting on the migration lock for twice the request bound, and still waiting.
        const { rows } = await other.query(
          `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock' AND clock_timestamp() - query_start > $2::interval`,
          [appName, `${LOCK_TIMEOUT_MS * 2} milliseconds`],
        );
        if (rows.length) break;
        if (Date.now() > until) throw new Error("the starting server never waited on the migration lock");
        await new Promise((r) => setTimeout(r, 25));
      }
      await other.query("COMMIT");
      expect(await starting).toEqual([]);
    } finally {
      await other.query("ROLLBACK").catch(() => undefined);
      await other.end();
      await db.close();
      await dropStore();
    }
  });
});
