// Covers payments that arrive together (PRODUCT.md §4.9) on both stores: two payments ordered with latches queue on the
// invoice's row lock, so together they never exceed what is outstanding; a burst over HTTP grants one; an
// Idempotency-Key records a retried or double-clicked payment once and refuses the key for another request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TENANT_ID, DEMO_USER_ID } from "../../api/src/demo";
import { recordPayment } from "../../api/src/features/invoices/recordPayment";
import { dateIn } from "../../api/src/shared/businessDates";
import type { Db, Queryable } from "../../api/src/shared/db";
import { client } from "../factories/http";
import { DEMO_ZONE, finalInvoice } from "../factories/payments";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

/** A gate a test opens once; `promise` resolves from then on. */
function latch<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

/** What each transaction of the store below did, in order: "1 locked", "1 paid", "2 locked" … */
interface Watched {
  db: Db;
  events: string[];
}

/**
 * The store with its transactions numbered from 1: `onBegin(n)` runs when transaction n is asked for, before the store
 * starts it (PGlite then makes it wait for the one before), `firstQuery(n, tx)` inside it before its first statement,
 * and `afterLock(n)` right after its SELECT … FOR UPDATE answered, holding the lock until it resolves.
 */
function watchedStore(db: Db, hooks: { onBegin?: (n: number) => void; firstQuery?: (n: number, tx: Queryable) => Promise<void>; afterLock?: (n: number) => Promise<void> }): Watched {
  const events: string[] = [];
  let count = 0;
  const transaction: Db["transaction"] = (fn) => {
    const n = ++count;
    hooks.onBegin?.(n);
    return db.transaction(async (tx) => {
      await hooks.firstQuery?.(n, tx);
      return fn({
        exec: (sql) => tx.exec(sql),
        async query(sql, params) {
          const result = await tx.query(sql, params);
          if (/FOR UPDATE/.test(sql)) {
            events.push(`${n} locked`);
            await hooks.afterLock?.(n);
          }
          if (/INSERT INTO invoice_payments/.test(sql)) events.push(`${n} paid`);
          return result as never;
        },
      });
    });
  };
  return { db: { ...db, transaction }, events };
}

// Resolves once PostgreSQL shows backend `pid` waiting for a lock another backend holds (asked, not slept on).
async function untilBlocked(db: Db, pid: number): Promise<void> {
  for (;;) {
    const { rows } = await db.query<{ blocked: boolean }>("SELECT cardinality(pg_blocking_pids($1)) > 0 AS blocked", [pid]);
    if (rows[0]!.blocked) return;
  }
}

describe.each(testStores())("concurrent payments on %s", (store) => {
  let server: TestServer;
  let api: ReturnType<typeof client>;
  const today = () => dateIn(DEMO_ZONE, server.api.ctx.now());
  const who = { tenantId: DEMO_TENANT_ID, userId: DEMO_USER_ID, name: "Test User", roles: [] };

  beforeAll(async () => {
    server = await startTestServer({ store });
    api = client(server.url, await server.token());
  });
  afterAll(() => server?.close());

  it("queues a second payment behind the first one's lock, which then sees nothing left to pay", async () => {
    const inv = await finalInvoice(api);
    const firstLocked = latch();
    const releaseFirst = latch();
    const secondAsked = latch();
    const secondPid = latch<number>();
    const watched = watchedStore(server.api.ctx.db, {
      onBegin: (n) => n === 2 && secondAsked.open(),
      // PostgreSQL: the second transaction's backend, to see it wait; PGlite runs one transaction at a time anyway.
      firstQuery: async (n, tx) => {
        if (n === 2 && store === "postgres") secondPid.open((await tx.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid);
      },
      afterLock: async (n) => {
        if (n !== 1) return;
        firstLocked.open();
        await releaseFirst.promise;
      },
    });
    const deps = { db: watched.db, now: server.api.ctx.now };
    const body = { amount: inv.total, date: today(), method: "bankTransfer" as const };
    const first = recordPayment(deps, who, inv.id, body);
    await firstLocked.promise;
    const second = recordPayment(deps, who, inv.id, body).then(
      () => "recorded",
      (err: { code?: string; details?: unknown }) => ({ code: err.code, details: err.details }),
    );
    await secondAsked.promise;
    if (store === "postgres") await untilBlocked(server.api.ctx.db, await secondPid.promise);
    releaseFirst.open();
    expect(await first).toMatchObject({ paid: inv.total, outstanding: "0.00", paymentStatus: "paid" });
    expect(await second).toEqual({ code: "PAYMENT_EXCEEDS_OUTSTANDING", details: { outstanding: "0.00" } });
    // The second took the lock only after the first had paid (and committed).
    expect(watched.events).toEqual(["1 locked", "1 paid", "2 locked"]);
    expect((await api.get(`/api/invoices/${inv.id}`)).body.payments).toHaveLength(1);
  });

  it("grants one of several payments of the whole amount sent at once", async () => {
    const inv = await finalInvoice(api);
    const answers = await Promise.all([1, 2, 3, 4].map(() => api.post(`/api/invoices/${inv.id}/payments`, { amount: inv.total, date: today() })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(answers.filter((r) => r.status === 409).every((r) => r.body.error.code === "PAYMENT_EXCEEDS_OUTSTANDING")).toBe(true);
    expect((await api.get(`/api/invoices/${inv.id}`)).body).toMatchObject({ paid: inv.total, outstanding: "0.00", payments: [expect.any(Object)] });
  });

  it("records a retried payment with the same Idempotency-Key once and answers it again", async () => {
    const inv = await finalInvoice(api);
    const key = { "Idempotency-Key": `pay-${inv.id}` };
    const body = { amount: "5.00", date: today(), method: "cash" };
    const first = await api.post(`/api/invoices/${inv.id}/payments`, body, key);
    expect(first.status).toBe(200);
    const retry = await api.post(`/api/invoices/${inv.id}/payments`, body, key);
    expect(retry).toMatchObject({ status: 200, body: first.body });
    expect((await api.get(`/api/invoices/${inv.id}`)).body.payments).toHaveLength(1);
    // Another amount, or the same body for another invoice, under that key is another request.
    expect(await api.post(`/api/invoices/${inv.id}/payments`, { ...body, amount: "6.00" }, key)).toMatchObject({ status: 422, body: { error: { code: "IDEMPOTENCY_KEY_REUSED" } } });
    const other = await finalInvoice(api);
    expect((await api.post(`/api/invoices/${other.id}/payments`, body, key)).body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    // Without the key, the same body is a second payment.
    expect((await api.post(`/api/invoices/${inv.id}/payments`, body)).body.payments).toHaveLength(2);
  });

  it("records a double click (the same key twice at once) once, and answers both alike", async () => {
    const inv = await finalInvoice(api);
    const key = { "Idempotency-Key": `double-${inv.id}` };
    const body = { amount: "7.25", date: today() };
    const [a, b] = await Promise.all([1, 2].map(() => api.post(`/api/invoices/${inv.id}/payments`, body, key)));
    expect([a!.status, b!.status]).toEqual([200, 200]);
    expect(a!.body).toEqual(b!.body);
    expect(a!.body.payments.map((p: any) => p.amount)).toEqual(["7.25"]);
    expect((await api.get(`/api/invoices/${inv.id}`)).body.paid).toBe("7.25");
  });
});
