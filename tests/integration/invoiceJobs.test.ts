// Covers large creates as durable jobs (PRODUCT.md §4.13): more than 500 bookings answer 202 with a job whose progress
// GET /api/jobs/:id shows; the job invoices each attendee once with totals equal to the list's; a large preview writes
// nothing and agrees with the job; Idempotency-Key answers are the user's own; jobs are tenant-scoped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREATE_IN_REQUEST_MAX } from "../../api/src/features/invoices/createInvoices";
import { client } from "../factories/http";
import { expectInvoiceInvariants } from "../factories/invoiceInvariants";
import { waitForJob } from "../factories/jobs";
import { seedBookings } from "../factories/seedBookings";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

const cents = (s: string) => Math.round(Number(s) * 100);

describe.each(testStores())("large creates on %s", (store) => {
  let server: TestServer;
  const api = async (tenantId: string, userId = "user-a") => client(server.url, await server.token({ tenantId, userId }));
  beforeAll(async () => {
    server = await startTestServer({ store, demo: false });
    for (const [tenantId, bookings] of [["t-big", 1_500], ["t-keys", 20], ["t-other", 10]] as const) {
      await seedBookings(server.api.ctx.db, { tenantId, bookings, customers: 40, prefix: tenantId });
    }
  });
  afterAll(() => server?.close());

  it("answers 202 with a job for more than 500 bookings; the job invoices each one once, as the preview said", async () => {
    const a = await api("t-big");
    const before = (await a.get("/api/bookings/uninvoiced?limit=1")).body.totals;
    expect(before.count).toBe(1_500);
    expect(1_500).toBeGreaterThan(CREATE_IN_REQUEST_MAX);

    const preview = await a.post("/api/invoices/preview", { filter: {} });
    expect(preview.status).toBe(200);
    expect(preview.body.totals).toMatchObject({ invoices: 40, lines: 1_500 });
    expect(preview.body.listed).toBe(40);
    expect(await count("invoice_lines")).toBe(0);

    const res = await a.post("/api/invoices", { filter: {} });
    expect(res.status).toBe(202);
    expect(res.headers.get("location")).toBe(`/api/jobs/${res.body.jobId}`);
    expect(res.body.job).toMatchObject({ id: res.body.jobId, kind: "createInvoices", status: "queued", total: 1_500, done: 0, failed: 0 });

    const job = await waitForJob(a, res.body.jobId);
    expect(job).toMatchObject({ status: "succeeded", total: 1_500, done: 1_500, failed: 0, errors: [] });
    expect(job.result).toEqual({ ...preview.body.totals, skipped: [], skippedCount: 0 });
    expect(cents(job.result.net)).toBe(cents(before.amount)); // prices exclude tax here: the list's amount is the net
    expect((await a.get("/api/bookings/uninvoiced?limit=1")).body.totals.count).toBe(0);
    const lines = await server.api.ctx.db.query<{ n: number; amount: string }>("SELECT count(*)::int AS n, sum(amount)::text AS amount FROM invoice_lines WHERE tenant_id = 't-big'");
    expect(lines.rows[0]).toEqual({ n: 1_500, amount: expect.any(String) });
    expect(cents(lines.rows[0]!.amount)).toBe(cents(before.amount));
    expect(await expectInvoiceInvariants(server.api.ctx.db)).toBe(1_500);
  });

  it("gives a user the first answer for their key again, and another user never that answer", async () => {
    const ids = (await (await api("t-keys")).get("/api/bookings/uninvoiced?limit=3")).body.items.map((b: any) => b.id);
    const first = await (await api("t-keys", "user-a")).post("/api/invoices", { bookingIds: ids }, { "Idempotency-Key": "same-key" });
    expect(first.status).toBe(201);
    const again = await (await api("t-keys", "user-a")).post("/api/invoices", { bookingIds: ids }, { "Idempotency-Key": "same-key" });
    expect(again).toMatchObject({ status: 201, body: first.body });
    // Another user of the tenant with the same key and body is a request of their own: the bookings are invoiced now.
    const other = await (await api("t-keys", "user-b")).post("/api/invoices", { bookingIds: ids }, { "Idempotency-Key": "same-key" });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("ALREADY_INVOICED");
    expect([...other.body.error.bookingIds].sort()).toEqual([...ids].sort());
  });

  it("purges keys older than 24 hours", async () => {
    const db = server.api.ctx.db;
    await db.query("UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE tenant_id = 't-keys'");
    const { purgeExpiredKeys } = await import("../../api/src/features/invoices/idempotency.repository");
    expect(await purgeExpiredKeys(db)).toBe(1);
    expect((await db.query("SELECT 1 FROM idempotency_keys WHERE tenant_id = 't-keys'")).rows).toEqual([]);
  });

  it("answers 404 for another tenant's job and for an id that cannot be one", async () => {
    const res = await (await api("t-big")).post("/api/invoices", { filter: {}, skipConflicts: true });
    expect(res.status).toBe(201); // nothing is left to invoice: the selection is empty, so no job
    const other = await api("t-other");
    const mine = (await server.api.ctx.db.query<{ id: string }>("SELECT id FROM jobs WHERE tenant_id = 't-big' LIMIT 1")).rows[0]!.id;
    expect((await (await api("t-big")).get(`/api/jobs/${mine}`)).status).toBe(200);
    expect((await other.get(`/api/jobs/${mine}`)).body.error).toMatchObject({ code: "NOT_FOUND" });
    expect((await other.get("/api/jobs/not-a-job")).status).toBe(404);
  });

  const count = async (table: string) => (await server.api.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
});
