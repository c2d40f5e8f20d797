// Covers tenant isolation (PRODUCT.md §5) over every route of the OpenAPI document: tenant B sees none of tenant A's
// data, A's ids answer B exactly as unknown ids do (404 where the route takes an id), and B's attempts leave A unchanged.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { waitForJob } from "../factories/jobs";
import { client, type TestResponse } from "../factories/http";
import { OTHER_BUSINESS_ID, setUpTenant, snapshotOf, startTenantPair, TINY_JPEG, type SeededTenant } from "../factories/tenantPair";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

interface World {
  server: TestServer;
  /** The demo tenant, whose data B must never reach. */
  a: SeededTenant;
  /** The probing tenant, on its own Bookings business. */
  b: SeededTenant;
  /** B's uninvoiced totals before A created its invoices. */
  bTotals: unknown;
  /** A payment of A's final invoice, recorded before the snapshot: B must neither see nor undo it. */
  aPaymentId: string;
  /** A local Workflows webhook receiver; A's setup posts to /a-hook/. */
  hooks: Hooks;
}

interface Hooks {
  origin: string;
  /** JSON bodies received under /<key>/. */
  received(key: string): any[];
  close(): Promise<void>;
}

async function startHooks(): Promise<Hooks> {
  const seen: { path: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => (seen.push({ path: req.url ?? "", body }), res.writeHead(202).end()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: (key) => seen.filter((r) => r.path.startsWith(`/${key}/`)).map((r) => JSON.parse(r.body)),
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
type Probe = (w: World) => Promise<void>;

const ids = (list: { id: string }[]) => list.map((x) => x.id);
const disjoint = (mine: string[], theirs: string[]) => mine.filter((id) => theirs.includes(id));

/** A's id must be answered exactly like an id that never existed: 404 NOT_FOUND with the same message. */
function expectLikeUnknown(forA: TestResponse, forUnknown: TestResponse): void {
  expect(forA.status).toBe(404);
  expect(forA.body.error.code).toBe("NOT_FOUND");
  expect(forA.body).toEqual(forUnknown.body);
}

/** Sends the same request for each of A's invoices (a draft and the final one) and for an unknown id. */
async function perInvoice(w: World, send: (id: string) => Promise<TestResponse>): Promise<void> {
  const unknown = await send(randomUUID());
  for (const id of [w.a.draftIds[0]!, w.a.finalId]) expectLikeUnknown(await send(id), unknown);
}

const emptyCreate = (bookingIds: string[]) => ({
  invoices: [],
  skipped: bookingIds.map((bookingId) => ({ bookingId, reason: "notFound" })),
  totals: { invoices: 0, lines: 0, currency: null, net: "0.00", tax: "0.00", total: "0.00", taxBreakdown: [] },
});

// B's own logo: the 1 × 1 JPEG with a comment segment, so its size differs from A's.
const JPEG_WITH_COMMENT = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x06]), Buffer.from("B's "), Buffer.from(TINY_JPEG, "base64").subarray(2)]).toString("base64");

/** One probe per route of the OpenAPI document, run as tenant B; a route missing here fails the coverage test. */
const MATRIX: Record<string, Probe> = {
  "GET /api/health": async ({ b }) => {
    expect((await b.api.get("/api/health")).body).toEqual({ ok: true });
  },
  "GET /api/health/ready": async ({ server, b }) => {
    expect((await b.api.get("/api/health/ready")).body).toEqual({ ok: true, store: server.api.ctx.db.kind });
  },
  "POST /api/dev/token": async ({ server, a, b }) => {
    const res = await client(server.url).post("/api/dev/token", { tenantId: b.tenantId, userId: "someone-else" });
    const mine = await client(server.url, res.body.token).get("/api/invoices?limit=200");
    expect(ids(mine.body.items).sort()).toEqual([...b.draftIds, b.finalId].sort());
    expect(disjoint(ids(mine.body.items), [...a.draftIds, a.finalId])).toEqual([]);
  },
  "GET /api/openapi.json": async ({ a, b }) => {
    expect((await b.api.get("/api/openapi.json")).body).toEqual((await a.api.get("/api/openapi.json")).body);
  },
  "GET /api/businesses": async ({ server, b }) => {
    // Read from Graph, not from stored data: in local mode every tenant reads the same Graph.
    const res = await b.api.get("/api/businesses");
    expect(res.body.map((x: any) => x.id).sort()).toEqual(server.emulator.controls.businesses().map((x) => x.id).sort());
  },
  "GET /api/setup": async ({ b }) => {
    expect((await b.api.get("/api/setup")).body).toMatchObject({ businessId: OTHER_BUSINESS_ID, businessName: "Fabrikam Physio" });
  },
  "PUT /api/setup": async ({ b }) => {
    const res = await b.api.put("/api/setup", { businessId: OTHER_BUSINESS_ID, customerTemplate: { taxRate: 21 }, syncIntervalMinutes: 30 });
    expect(res.body).toMatchObject({ businessId: OTHER_BUSINESS_ID, syncIntervalMinutes: 30 });
  },
  "GET /api/setup/logo": async ({ b }) => {
    expect((await b.api.get("/api/setup/logo")).status).toBe(404);
  },
  "PUT /api/setup/logo": async ({ b }) => {
    const own = await b.api.put("/api/setup/logo", { contentType: "image/jpeg", data: JPEG_WITH_COMMENT });
    expect([own.status, own.body.bytes]).toEqual([200, Buffer.from(JPEG_WITH_COMMENT, "base64").length]);
    expect((await b.api.send("DELETE", "/api/setup/logo")).status).toBe(204);
  },
  "DELETE /api/setup/logo": async ({ b }) => {
    expect((await b.api.send("DELETE", "/api/setup/logo")).status).toBe(404);
  },
  "POST /api/sync": async ({ a, b }) => {
    const run = await b.api.post("/api/sync");
    expect(run.body.status).toBe("succeeded");
    expect(ids((await a.api.get("/api/sync/runs")).body)).not.toContain(run.body.id);
  },
  "GET /api/sync/runs": async ({ a, b }) => {
    const mine = ids((await b.api.get("/api/sync/runs")).body);
    expect(mine.length).toBeGreaterThan(0);
    expect(disjoint(mine, ids((await a.api.get("/api/sync/runs")).body))).toEqual([]);
  },
  "GET /api/customers": async ({ a, b }) => {
    const mine = (await b.api.get("/api/customers")).body;
    expect(mine.length).toBe(b.customerIds.length);
    expect(disjoint(ids(mine), a.customerIds)).toEqual([]);
    const theirEmails = new Set((await a.api.get("/api/customers")).body.map((c: any) => c.email));
    expect(mine.filter((c: any) => theirEmails.has(c.email))).toEqual([]);
  },
  "PATCH /api/customers/{id}": async ({ a, b }) => {
    const before = (await a.api.get("/api/customers")).body;
    for (const id of a.customerIds) {
      const res = await b.api.send("PATCH", `/api/customers/${id}`, { companyName: "changed by another tenant" });
      expect(res).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND", message: "No such customer." } } });
    }
    expect((await a.api.get("/api/customers")).body).toEqual(before);
  },
  "GET /api/items": async ({ a, b }) => {
    const mine = (await b.api.get("/api/items")).body;
    const theirs = (await a.api.get("/api/items")).body;
    expect(mine.length).toBe(theirs.length);
    expect(disjoint(ids(mine), ids(theirs))).toEqual([]);
    expect(disjoint(mine.map((i: any) => i.bookingsServiceId), a.serviceIds)).toEqual([]);
  },
  "PATCH /api/items/{id}": async ({ a, b }) => {
    const before = (await a.api.get("/api/items")).body;
    for (const item of before) {
      const res = await b.api.send("PATCH", `/api/items/${item.id}`, { taxCategory: "Z" });
      expect(res).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND", message: "No such service item." } } });
    }
    expect((await a.api.get("/api/items")).body).toEqual(before);
  },
  "GET /api/staff": async ({ a, b }) => {
    const mine = ids((await b.api.get("/api/staff")).body);
    expect(mine.length).toBeGreaterThan(0);
    expect(disjoint(mine, ids((await a.api.get("/api/staff")).body))).toEqual([]);
  },
  "GET /api/bookings/uninvoiced": async ({ a, b, bTotals }) => {
    const page = (await b.api.get("/api/bookings/uninvoiced?limit=500")).body;
    expect(page.totals).toEqual(bTotals);
    expect(disjoint(ids(page.items), a.bookingIds)).toEqual([]);
    expect(page.items.flatMap((x: any) => x.customers.map((c: any) => c.customerId)).filter((id: string) => a.customerIds.includes(id))).toEqual([]);
    // The review queue's suggestions name B's customers only, though A's have the same names and phone numbers.
    const queue = (await b.api.get("/api/bookings/uninvoiced?flag=noCustomer&include=linkOptions&limit=500")).body.items;
    const suggested = queue.flatMap((x: any) => x.customers.flatMap((c: any) => (c.suggestions ?? []).map((s: any) => s.customerId)));
    expect(disjoint(suggested, a.customerIds)).toEqual([]);
    const dayAfterLast = new Date(Date.parse(page.items.at(-1).end) + 86_400_000).toISOString().slice(0, 10);
    const range = `from=${page.items[0].start.slice(0, 10)}&to=${dayAfterLast}`;
    expect((await b.api.get(`/api/bookings/uninvoiced?limit=500&${range}`)).body.totals).toEqual(bTotals);
    for (const filter of [`customerId=${a.customerIds[0]}`, `serviceId=${encodeURIComponent(a.serviceIds[0]!)}`]) {
      const none = (await b.api.get(`/api/bookings/uninvoiced?${filter}`)).body;
      expect(none, filter).toEqual({ items: [], nextCursor: null, totals: { count: 0, amount: "0.00", currency: null, tax: "0.00" } });
    }
    const theirCursor = (await a.api.get("/api/bookings/uninvoiced?limit=2")).body.nextCursor;
    expect(disjoint(ids((await b.api.get(`/api/bookings/uninvoiced?limit=500&cursor=${theirCursor}`)).body.items), a.bookingIds)).toEqual([]);
  },
  "POST /api/bookings/{id}/link-customer": async ({ a, b }) => {
    const link = (bookingId: string, body: object) => b.api.post(`/api/bookings/${encodeURIComponent(bookingId)}/link-customer`, body);
    const mineCustomer = b.customerIds[0]!;
    expectLikeUnknown(await link(a.open.bookingId, { attendee: a.open.attendee, customerId: mineCustomer }), await link("AAMkADunknown=", { attendee: a.open.attendee, customerId: mineCustomer }));
    const theirs = await link(b.open.bookingId, { attendee: b.open.attendee, customerId: a.customerIds[0] });
    expectLikeUnknown(theirs, await link(b.open.bookingId, { attendee: b.open.attendee, customerId: randomUUID() }));
    const still = (await b.api.get("/api/bookings/uninvoiced?limit=500")).body.items.find((x: any) => x.id === b.open.bookingId);
    expect(a.customerIds).not.toContain(still.customers[0].customerId);
    // A new customer for A's attendee, for all of that person's bookings: answered as for an unknown booking, and A has no new customer.
    const theirCustomers = (await a.api.get("/api/customers")).body.length;
    const newCustomer = { attendee: a.open.attendee, newCustomer: { name: "Someone Else", phone: "+31 6 0000 0000" }, applyToAll: true };
    expectLikeUnknown(await link(a.open.bookingId, newCustomer), await link("AAMkADunknown=", newCustomer));
    expect((await a.api.get("/api/customers")).body.length).toBe(theirCustomers);
  },
  "POST /api/invoices/preview": async ({ a, b }) => {
    const res = await b.api.post("/api/invoices/preview", { bookingIds: a.invoicedBookingIds });
    // Unknown bookings are skipped as notFound (the product's answer for any unknown id), never billed.
    expect(res).toMatchObject({ status: 200, body: emptyCreate(a.invoicedBookingIds) });
    const byFilter = await b.api.post("/api/invoices/preview", { filter: { customerId: a.customerIds[0] } });
    expect(byFilter.body).toEqual({ invoices: [], listed: 0, skipped: [], totals: emptyCreate([]).totals });
  },
  "POST /api/invoices": async ({ a, b }) => {
    const before = ids((await b.api.get("/api/invoices?limit=200")).body.items);
    // A's exact request under A's Idempotency-Key: B must neither replay A's answer nor bill A's bookings.
    const res = await b.api.post("/api/invoices", a.createBody, { "Idempotency-Key": a.idempotencyKey });
    expect(res).toMatchObject({ status: 201, body: emptyCreate(a.invoicedBookingIds) });
    const byFilter = await b.api.post("/api/invoices", { filter: { serviceId: a.serviceIds[0] } });
    expect(byFilter.body.invoices).toEqual([]);
    expect(ids((await b.api.get("/api/invoices?limit=200")).body.items)).toEqual(before);
  },
  "GET /api/invoices": async ({ a, b }) => {
    const theirs = [...a.draftIds, a.finalId];
    expect(disjoint(ids((await b.api.get("/api/invoices?limit=200")).body.items), theirs)).toEqual([]);
    expect((await b.api.get(`/api/invoices?customerId=${a.customerIds[0]}`)).body).toEqual({ items: [], nextCursor: null });
    expect(ids((await b.api.get("/api/invoices?status=final")).body.items)).toEqual([b.finalId]);
    const theirCursor = (await a.api.get("/api/invoices?limit=1")).body.nextCursor;
    expect(disjoint(ids((await b.api.get(`/api/invoices?cursor=${theirCursor}`)).body.items), theirs)).toEqual([]);
  },
  "GET /api/invoices/export.csv": async (w) => {
    const { a, b } = w;
    await perInvoice(w, (id) => b.api.get(`/api/invoices/export.csv?ids=${id}`));
    expectLikeUnknown(await b.api.get(`/api/invoices/export.csv?ids=${b.finalId},${a.finalId}`), await b.api.get(`/api/invoices/export.csv?ids=${b.finalId},${randomUUID()}`));
  },
  "POST /api/invoices/export.xlsx": async (w) => {
    const { a, b } = w;
    await perInvoice(w, (id) => b.api.post("/api/invoices/export.xlsx", { ids: [id] }));
    expectLikeUnknown(await b.api.post("/api/invoices/export.xlsx", { ids: [b.finalId, a.finalId] }), await b.api.post("/api/invoices/export.xlsx", { ids: [b.finalId, randomUUID()] }));
  },
  "POST /api/invoices/pdfs.zip": async ({ a, b }) => {
    // The 404 names the ids it did not find: A's are named exactly as unknown ones are, and nothing is zipped.
    const missing = async (invoiceIds: string[], named: string) => {
      const res = await b.api.post("/api/invoices/pdfs.zip", { invoiceIds });
      expect([res.status, res.body]).toEqual([404, { error: { code: "NOT_FOUND", message: "1 of the selected invoices does not exist (see invoiceIds).", invoiceIds: [named] } }]);
    };
    for (const id of [randomUUID(), a.draftIds[0]!, a.finalId]) await missing([id], id);
    const unknown = randomUUID();
    await missing([b.finalId, unknown], unknown);
    await missing([b.finalId, a.finalId], a.finalId);
    const own = await b.api.post("/api/invoices/pdfs.zip", { invoiceIds: [b.finalId] });
    expect([own.status, own.headers.get("content-type")]).toEqual([200, "application/zip"]);
  },
  "GET /api/insights": async ({ a, b, bTotals }) => {
    // B's figures are B's alone: its awaiting total is its list's, its one final invoice is all it has invoiced and
    // has outstanding, and none of A's services or staff members is named.
    const mine = (await b.api.get("/api/insights")).body;
    // The list's totals, but for its VAT estimate, which the insights do not give.
    expect(mine.awaiting.totals).toEqual([{ ...(bTotals as object), tax: undefined }]);
    const bFinal = (await b.api.get(`/api/invoices/${b.finalId}`)).body;
    expect(mine.outstanding).toEqual([{ currency: bFinal.currency, count: 1, amount: bFinal.outstanding, overdue: { count: 0, amount: "0.00" } }]);
    expect(mine.invoiced.filter((m: any) => m.invoices > 0)).toEqual([expect.objectContaining({ month: bFinal.issueDate.slice(0, 7), invoices: 1, creditNotes: 0, net: bFinal.net, total: bFinal.total })]);
    expect(disjoint(mine.awaiting.byService.map((s: any) => s.serviceId), a.serviceIds)).toEqual([]);
    const theirStaff = ids((await a.api.get("/api/staff")).body);
    expect(disjoint(mine.awaiting.byStaff.map((s: any) => s.staffId), theirStaff)).toEqual([]);
  },
  "GET /api/jobs/{id}": async ({ server, a, b }) => {
    // A job of A's (recorded as a large create records it); B sees it as an unknown id, A sees it.
    const { insertJob } = await import("../../api/src/features/jobs/job.repository");
    const job = await insertJob(server.api.ctx.db, a.tenantId, { kind: "createInvoices", createdBy: "someone", input: {}, total: 1 });
    expect((await a.api.get(`/api/jobs/${job.id}`)).body).toMatchObject({ id: job.id, status: "queued" });
    expectLikeUnknown(await b.api.get(`/api/jobs/${job.id}`), await b.api.get(`/api/jobs/${randomUUID()}`));
  },
  "POST /api/notifications/test": async ({ a, b, hooks }) => {
    // B has no webhook: neither "the stored one" nor A's masked URL may reach A's webhook.
    const aMasked = (await a.api.get("/api/setup")).body.notifications.webhookUrl;
    expect(aMasked).toMatch(/…/);
    for (const body of [{}, { webhookUrl: aMasked }]) {
      const res = await b.api.post("/api/notifications/test", body);
      expect([res.status, res.body.error.code]).toEqual([400, "BAD_REQUEST"]);
    }
    expect(hooks.received("a-hook")).toEqual([]);
    expect((await b.api.post("/api/notifications/test", { webhookUrl: `${hooks.origin}/b-hook/x` })).body).toEqual({ delivered: true, status: 202 });
    const card = hooks.received("b-hook")[0].attachments[0].content;
    const bookings = card.body.find((e: any) => e.type === "FactSet").facts.find((f: any) => f.title === "Bookings").value;
    const [mine, theirs] = await Promise.all([b.api.get("/api/bookings/uninvoiced?limit=1"), a.api.get("/api/bookings/uninvoiced?limit=1")]);
    expect(bookings).toBe(String(mine.body.totals.count));
    expect(bookings).not.toBe(String(theirs.body.totals.count));
  },
  "GET /api/invoices/{id}": (w) => perInvoice(w, (id) => w.b.api.get(`/api/invoices/${id}`)),
  "PATCH /api/invoices/{id}": async (w) => {
    await perInvoice(w, (id) => w.b.api.send("PATCH", `/api/invoices/${id}`, { notes: "changed by another tenant" }));
    // A's line ids on B's own draft are not lines of it.
    const theirLine = (await w.a.api.get(`/api/invoices/${w.a.draftIds[0]}`)).body.lines[0].id;
    for (const body of [{ lines: [{ id: theirLine, unitPrice: "0" }] }, { removeLines: [theirLine] }]) {
      const res = await w.b.api.send("PATCH", `/api/invoices/${w.b.draftIds[0]}`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/not a line of this invoice/);
    }
  },
  "DELETE /api/invoices/{id}": (w) => perInvoice(w, (id) => w.b.api.del(`/api/invoices/${id}`)),
  "POST /api/invoices/{id}/finalize": (w) => perInvoice(w, (id) => w.b.api.post(`/api/invoices/${id}/finalize`)),
  "POST /api/invoices/{id}/credit-notes": (w) => perInvoice(w, (id) => w.b.api.post(`/api/invoices/${id}/credit-notes`, { reason: "credited by another tenant" })),
  "GET /api/invoices/{id}/pdf": (w) => perInvoice(w, (id) => w.b.api.get(`/api/invoices/${id}/pdf`)),
  "GET /api/invoices/{id}/ubl": (w) => perInvoice(w, (id) => w.b.api.get(`/api/invoices/${id}/ubl`)),
  "POST /api/invoices/{id}/payments": async (w) => {
    const { a, b } = w;
    const mine = (await b.api.get(`/api/invoices/${b.finalId}`)).body;
    // A valid payment (of B's own outstanding amount, under A's Idempotency-Key) for A's invoices: answered as for unknown ids.
    const body = { amount: mine.outstanding, date: mine.issueDate };
    await perInvoice(w, (id) => b.api.post(`/api/invoices/${id}/payments`, body, { "Idempotency-Key": a.idempotencyKey }));
    expect(ids((await b.api.get("/api/invoices?paymentStatus=open,partiallyPaid,paid,overdue&limit=200")).body.items)).toEqual([b.finalId]);
    expect((await b.api.get(`/api/invoices/${b.finalId}`)).body).toEqual(mine);
  },
  "POST /api/invoices/send": async ({ server, a, b }) => {
    // B sends A's documents: answered as unknown ids, nothing is queued or mailed; by filter B reaches its own alone.
    const bSetup = (await b.api.get("/api/setup")).body;
    await b.api.put("/api/setup", { ...bSetup, delivery: { ...bSetup.delivery, enabled: true } });
    const unknown = randomUUID();
    const theirs = await b.api.post("/api/invoices/send", { invoiceIds: [a.finalId, a.draftIds[0], unknown] });
    expect(theirs.status).toBe(202);
    expect(theirs.body).toMatchObject({ queued: 0, skipped: [a.finalId, a.draftIds[0], unknown].map((invoiceId) => ({ invoiceId, reason: "notFound" })) });
    const mine = await b.api.post("/api/invoices/send", { filter: {} });
    expect(mine.body.queued).toBe(1);
    const job = await waitForJob(b.api, mine.body.jobId);
    expect(job).toMatchObject({ status: "succeeded", done: 1 });
    const bFinal = (await b.api.get(`/api/invoices/${b.finalId}`)).body;
    expect(server.emulator.controls.mail().map((m) => m.to)).toEqual([[bFinal.customer.email]]);
    expect((await a.api.get(`/api/invoices/${a.finalId}`)).body.delivery.status).toBe("notSent");
    server.emulator.controls.clearMail();
  },
  "POST /api/invoices/remind": async ({ server, a, b }) => {
    // A's invoices named by B are unknown ids; "every overdue invoice" of B holds none of A's.
    const bSetup = (await b.api.get("/api/setup")).body;
    await b.api.put("/api/setup", { ...bSetup, delivery: { ...bSetup.delivery, enabled: true } });
    const theirs = await b.api.post("/api/invoices/remind", { invoiceIds: [a.finalId, a.draftIds[0]] });
    expect(theirs.status).toBe(202);
    expect(theirs.body).toMatchObject({ queued: 0, skipped: [a.finalId, a.draftIds[0]].map((invoiceId) => ({ invoiceId, reason: "notFound" })) });
    const all = await b.api.post("/api/invoices/remind", {});
    expect(all.body.skipped.map((s: any) => s.invoiceId)).not.toContain(a.finalId);
    await waitForJob(b.api, all.body.jobId);
    expect(server.emulator.controls.mail().filter((m) => m.extendedProperties && JSON.stringify(m).includes(a.finalId))).toEqual([]);
    expect((await a.api.get(`/api/invoices/${a.finalId}`)).body.reminders).toEqual([]);
  },
  "POST /api/setup/delivery/test": async ({ server, a, b }) => {
    // B's test message is made of B's settings only: A's reply-to address (set before the snapshot) never shows in it.
    expect((await a.api.get("/api/setup")).body.delivery.replyTo).toBe("only-a@tenant-a.example");
    expect((await b.api.post("/api/setup/delivery/test", { to: "b-admin@tenant-b.example" })).status).toBe(200);
    const [sent] = server.emulator.controls.mail();
    expect(sent!.to).toEqual(["b-admin@tenant-b.example"]);
    expect(JSON.stringify(sent)).not.toContain("only-a@tenant-a.example");
    server.emulator.controls.clearMail();
  },
  "DELETE /api/invoices/{id}/payments/{paymentId}": async (w) => {
    await perInvoice(w, (id) => w.b.api.del(`/api/invoices/${id}/payments/${w.aPaymentId}`));
    // A's payment on B's own invoice is no payment of it.
    expect(await w.b.api.del(`/api/invoices/${w.b.finalId}/payments/${w.aPaymentId}`)).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND", message: "No such payment." } } });
  },
};

describe.each(testStores())("tenant isolation on %s", (store) => {
  let w: World;
  let before: Record<string, string>;
  beforeAll(async () => {
    const server = await startTestServer({ store });
    // A frozen clock: a booking ending mid-test would change "uninvoiced" and blur the before/after comparison.
    const frozen = new Date();
    server.api.ctx.now = () => new Date(frozen);
    const { a, b } = await startTenantPair(server);
    const hooks = await startHooks();
    const aSetup = (await a.api.get("/api/setup")).body;
    await a.api.put("/api/setup", { ...aSetup, notifications: { enabled: false, webhookUrl: `${hooks.origin}/a-hook/secret-of-a` }, delivery: { ...aSetup.delivery, replyTo: "only-a@tenant-a.example" } });
    const aFinal = (await a.api.get(`/api/invoices/${a.finalId}`)).body;
    const paid = await a.api.post(`/api/invoices/${a.finalId}/payments`, { amount: "1.00", date: aFinal.issueDate, method: "cash" });
    if (paid.status !== 200) throw new Error(`payment of A's invoice: ${paid.status} ${JSON.stringify(paid.body)}`);
    w = { server, a, b, bTotals: undefined, hooks, aPaymentId: paid.body.payments[0].id };
    w.bTotals = (await b.api.get("/api/bookings/uninvoiced?limit=1")).body.totals;
    before = await snapshotOf(server, a);
  }, 120_000);
  afterAll(async () => {
    await w?.hooks.close();
    await w?.server.close();
  });

  it("covers every route of the OpenAPI document", async () => {
    const doc = (await w.a.api.get("/api/openapi.json")).body;
    const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.filter((r) => !(r in MATRIX)), "routes without an isolation probe").toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r)), "probes of routes the document lacks").toEqual([]);
  });

  it.each(Object.keys(MATRIX))("%s keeps tenant A's data from tenant B", async (route) => {
    await MATRIX[route]!(w);
  });

  it("keeps a tenant's invoicing apart from another tenant on the same Bookings business", async () => {
    const c = await setUpTenant(w.server, "tenant-c-same-business", DEMO_BUSINESS_ID);
    const list = (await c.get("/api/bookings/uninvoiced?limit=500")).body.items;
    expect(ids(list)).toEqual(expect.arrayContaining(w.a.invoicedBookingIds));
    const customers = ids((await c.get("/api/customers")).body);
    expect(disjoint(customers, w.a.customerIds)).toEqual([]);
    const created = await c.post("/api/invoices", w.a.createBody, { "Idempotency-Key": w.a.idempotencyKey });
    expect(created.status).toBe(201);
    expect(created.body.invoices.map((i: any) => i.lines[0].bookingId).sort()).toEqual([...w.a.invoicedBookingIds].sort());
    expect(created.body.invoices.every((i: any) => customers.includes(i.customerId))).toBe(true);
    expect(disjoint(ids(created.body.invoices), [...w.a.draftIds, w.a.finalId])).toEqual([]);
  });

  it("leaves tenant A's data byte-for-byte unchanged", async () => {
    const after = await snapshotOf(w.server, w.a);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const path of Object.keys(before)) expect(after[path], path).toBe(before[path]);
  });
});
