// Covers bulk invoicing (PRODUCT.md §4.2–4.5): list filters, sort and totals; preview = create; select-all by filter;
// grouping; Idempotency-Key; skipConflicts; linking customers; cancelled bookings on drafts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { DEMO_TENANT_ID } from "../../api/src/demo";
import { ZInvoiceWarning } from "../../api/src/features/invoices/invoice.schema";
import { client } from "../factories/http";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

const cents = (s: string) => Math.round(Number(s) * 100);

describe.each(testStores())("bulk invoicing on %s", (store) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  beforeAll(async () => {
    server = await startTestServer({ store });
    admin = client(server.url, await server.token());
  });
  afterAll(() => server?.close());

  async function all(query = "", sort = "date"): Promise<any[]> {
    const items: any[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await admin.get(`/api/bookings/uninvoiced?limit=23&sort=${sort}${query}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }
  const count = async (table: string) => (await server.api.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  describe("the uninvoiced list", () => {
    it.each(["date", "-date", "amount", "-amount", "customer", "-customer", "service", "-service"])("pages every booking exactly once sorted by %s", async (sort) => {
      const byDate = await all();
      const sorted = await all("", sort);
      expect(sorted.map((b) => b.id).sort()).toEqual(byDate.map((b) => b.id).sort());
      const key = (b: any) =>
        sort.endsWith("amount") ? cents(b.amount) : sort.endsWith("customer") ? (b.customers[0]?.name ?? "").toLowerCase() : sort.endsWith("service") ? b.serviceName.toLowerCase() : b.start;
      const keys = sorted.map(key);
      const expected = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(keys).toEqual(sort.startsWith("-") ? expected.reverse() : expected);
    });

    it("filters by price type and flags, with totals over the whole filtered set", async () => {
      const everything = await all();
      for (const [query, pred] of [
        ["&priceType=hourly,fixedPrice", (b: any) => ["hourly", "fixedPrice"].includes(b.priceType)],
        ["&flag=needsPrice", (b: any) => b.flags.includes("needsPrice")],
        ["&flag=review", (b: any) => b.flags.includes("review")],
        ["&flag=noCustomer", (b: any) => b.flags.includes("noCustomer")],
      ] as const) {
        const filtered = await all(query);
        const expected = everything.filter(pred);
        expect(filtered.map((b) => b.id), query).toEqual(expected.map((b) => b.id));
        expect(expected.length, query).toBeGreaterThan(0);
        const totals = (await admin.get(`/api/bookings/uninvoiced?limit=1${query}`)).body.totals;
        expect(totals.count).toBe(expected.length);
        expect(cents(totals.amount)).toBe(expected.reduce((s, b) => s + cents(b.amount), 0));
      }
    });

    it("rejects an unknown price type, flag or sort, and a cursor from another sort order", async () => {
      const page = (await admin.get("/api/bookings/uninvoiced?limit=2&sort=amount")).body;
      for (const q of ["priceType=cheap", "flag=shiny", "sort=random", `cursor=${page.nextCursor}&sort=date`]) {
        const res = await admin.get(`/api/bookings/uninvoiced?${q}`);
        expect(res.status, q).toBe(400);
      }
    });
  });

  describe("preview and create", () => {
    it("previews exactly what create then makes, writing nothing", async () => {
      const chosen = (await all("&priceType=hourly,fixedPrice")).filter((b) => !b.flags.includes("noCustomer")).slice(0, 12);
      const picks = chosen.map((b) => b.id);
      const before = [await count("invoices"), await count("invoice_lines"), await count("customers")];
      const preview = await admin.post("/api/invoices/preview", { bookingIds: picks });
      expect(preview.status).toBe(200);
      expect([await count("invoices"), await count("invoice_lines"), await count("customers")]).toEqual(before);
      expect(preview.body.invoices.every((i: any) => i.id === null)).toBe(true);
      const created = await admin.post("/api/invoices", { bookingIds: picks });
      expect(created.status).toBe(201);
      const strip = (inv: any) => ({ customer: inv.customer, total: inv.total, lines: inv.lines.map((l: any) => [l.bookingId, l.quantity, l.unitPrice, l.amount]) });
      expect(created.body.invoices.map(strip)).toEqual(preview.body.invoices.map(strip));
      expect(created.body.totals).toEqual(preview.body.totals);
      expect(created.body.totals.lines).toBe(chosen.reduce((n, b) => n + b.customers.length, 0));
    });

    it("creates for every booking matching a filter, skipping the unlinkable with a reason", async () => {
      const service = (await all("&priceType=startingAt"))[0].serviceId;
      const matching = await all(`&serviceId=${encodeURIComponent(service)}`);
      const res = await admin.post("/api/invoices", { filter: { serviceId: service } });
      expect(res.status).toBe(201);
      const invoiced = new Set(res.body.invoices.flatMap((i: any) => i.lines.map((l: any) => l.bookingId)));
      const unlinkable = matching.filter((b) => b.customers.length > 0 && b.customers.every((c: any) => !c.customerId && !c.email));
      expect(invoiced.size).toBe(matching.length - unlinkable.length);
      expect(res.body.skipped).toEqual(unlinkable.map((b) => expect.objectContaining({ bookingId: b.id, reason: "noCustomer" })));
      // Drafts of a "starting at" service warn once per price flag, as a sentence and as a code with the line count.
      const reviewed = res.body.invoices.filter((i: any) => i.lines.some((l: any) => l.flags.includes("review")));
      expect(reviewed.length).toBeGreaterThan(0);
      for (const inv of res.body.invoices) {
        const n = inv.lines.filter((l: any) => l.flags.includes("review")).length;
        const details = inv.warningDetails.filter((w: any) => w.code === "reviewPrice");
        expect(details).toEqual(n ? [{ code: "reviewPrice", message: `${n} line${n === 1 ? " has" : "s have"} a "starting at" price: check the final amount.`, count: n }] : []);
        expect(inv.warningDetails.map((w: any) => w.message)).toEqual(inv.warnings);
        expect(ZInvoiceWarning.array().parse(inv.warningDetails)).toEqual(inv.warningDetails);
      }
      expect((await admin.get(`/api/bookings/uninvoiced?serviceId=${encodeURIComponent(service)}`)).body.totals.count).toBe(unlinkable.length);
    });

    it("warns on previewed drafts whose lines need a price, with the code and count next to the sentence", async () => {
      const picks = (await all("&flag=needsPrice")).filter((b) => b.customers.every((c: any) => c.customerId)).slice(0, 6);
      expect(picks.length).toBeGreaterThan(0);
      const res = await admin.post("/api/invoices/preview", { bookingIds: picks.map((b) => b.id) });
      expect(res.status).toBe(200);
      for (const inv of res.body.invoices) {
        const n = inv.lines.filter((l: any) => l.flags.includes("needsPrice")).length;
        const sentence = `${n} line${n === 1 ? "" : "s"} need${n === 1 ? "s" : ""} a price: the service has no fixed price in Bookings.`;
        expect(inv.warnings).toEqual([sentence]);
        expect(inv.warningDetails).toEqual([{ code: "needsPrice", message: sentence, count: n }]);
      }
    });

    it.each([
      ["booking", (bs: any[]) => bs.reduce((n, b) => n + b.customers.length, 0)],
      ["customerMonth", (bs: any[]) => new Set(bs.flatMap((b) => b.customers.map((c: any) => `${c.customerId}|${b.start.slice(0, 7)}`))).size],
      ["customer", (bs: any[]) => new Set(bs.flatMap((b) => b.customers.map((c: any) => c.customerId))).size],
    ])("groups drafts per %s", async (groupBy, expectedCount) => {
      const picks = (await all("&priceType=fixedPrice")).filter((b) => b.customers.every((c: any) => c.customerId)).slice(0, 15);
      const res = await admin.post("/api/invoices/preview", { bookingIds: picks.map((b) => b.id), groupBy });
      expect(res.body.invoices).toHaveLength(expectedCount(picks));
    });

    it("answers a repeated Idempotency-Key with the first answer, and a reused key for another body with 422", async () => {
      const [a, b] = (await all("&priceType=hourly")).filter((x) => !x.flags.includes("noCustomer"));
      const key = randomUUID();
      const first = await admin.post("/api/invoices", { bookingIds: [a.id] }, { "Idempotency-Key": key });
      const invoicesAfterFirst = await count("invoices");
      const again = await admin.post("/api/invoices", { bookingIds: [a.id] }, { "Idempotency-Key": key });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await count("invoices")).toBe(invoicesAfterFirst);
      const other = await admin.post("/api/invoices", { bookingIds: [b.id] }, { "Idempotency-Key": key });
      expect(other.status).toBe(422);
      expect(other.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
      const bad = await admin.post("/api/invoices", { bookingIds: [b.id] }, { "Idempotency-Key": "has space" });
      expect(bad.status).toBe(400);
    });

    it("with skipConflicts lists already invoiced bookings in skipped instead of failing", async () => {
      const [a, b] = (await all("&priceType=hourly")).filter((x) => !x.flags.includes("noCustomer"));
      await admin.post("/api/invoices", { bookingIds: [a.id] });
      const strict = await admin.post("/api/invoices", { bookingIds: [a.id, b.id] });
      expect(strict.status).toBe(409);
      expect(strict.body.error.bookingIds).toEqual([a.id]);
      const lenient = await admin.post("/api/invoices", { bookingIds: [a.id, b.id], skipConflicts: true });
      expect(lenient.status).toBe(201);
      expect(lenient.body.skipped).toEqual([{ bookingId: a.id, reason: "alreadyInvoiced" }]);
      expect(lenient.body.invoices.flatMap((i: any) => i.lines.map((l: any) => l.bookingId))).toEqual([b.id]);
    });

    it("rejects a body with both or neither of bookingIds and filter", async () => {
      for (const body of [{}, { bookingIds: ["x"], filter: {} }, { filter: { flag: "nope" } }]) {
        const res = await admin.post("/api/invoices", body);
        expect(res.status).toBe(400);
      }
    });
  });

  describe("customer linking", () => {
    it("links a noCustomer attendee by hand, after which the booking can be invoiced", async () => {
      const [booking] = await all("&flag=noCustomer");
      const attendee = booking.customers.find((c: any) => !c.customerId);
      const customer = (await admin.get("/api/customers")).body.find((c: any) => c.active);
      expect((await admin.post(`/api/bookings/${encodeURIComponent(booking.id)}/link-customer`, { attendee: "nobody", customerId: customer.id })).body.error.code).toBe("NOT_FOUND");
      expect((await admin.post(`/api/bookings/${encodeURIComponent(booking.id)}/link-customer`, { attendee: attendee.attendee, customerId: "not-a-customer" })).body.error.code).toBe("BAD_REQUEST");
      const linked = await admin.post(`/api/bookings/${encodeURIComponent(booking.id)}/link-customer`, { attendee: attendee.attendee, customerId: customer.id });
      expect(linked.status).toBe(200);
      expect(linked.body.customers.find((c: any) => c.attendee === attendee.attendee)).toMatchObject({ customerId: customer.id, name: customer.name });
      const res = await admin.post("/api/invoices", { bookingIds: [booking.id] });
      expect(res.status).toBe(201);
      expect(res.body.invoices.map((i: any) => i.customerId)).toContain(customer.id);
      const again = await admin.post(`/api/bookings/${encodeURIComponent(booking.id)}/link-customer`, { attendee: attendee.attendee, customerId: customer.id });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("ALREADY_INVOICED");
    });
  });

  describe("a booking cancelled after it was put on a draft", () => {
    it("shows under flag=cancelled-on-draft, warns on the draft, and blocks finalizing until its line is removed", async () => {
      const [booking] = (await all("&priceType=fixedPrice")).filter((b) => b.customers.length === 1 && b.customers[0].customerId);
      const draft = (await admin.post("/api/invoices", { bookingIds: [booking.id] })).body.invoices[0];
      server.emulator.controls.removeAppointment(DEMO_BUSINESS_ID, booking.id);
      expect((await admin.post("/api/sync")).body.counts["appointments.cancelled"]).toBe(1);
      const flagged = await all("&flag=cancelled-on-draft");
      expect(flagged.map((b) => b.id)).toEqual([booking.id]);
      expect(flagged[0].flags).toContain("cancelled-on-draft");
      const view = (await admin.get(`/api/invoices/${draft.id}`)).body;
      expect(view.warnings[0]).toMatch(/was cancelled in Bookings/);
      expect(view.warningDetails).toEqual([
        { code: "cancelledBooking", message: view.warnings[0], bookingId: booking.id, lineId: view.lines[0].id, description: view.lines[0].description },
      ]);
      expect(view.lines[0].flags).toContain("cancelled");
      const fin = await admin.post(`/api/invoices/${draft.id}/finalize`);
      expect(fin).toMatchObject({ status: 409, body: { error: { code: "NOT_READY", problems: [{ code: "cancelledBooking", lineIds: [view.lines[0].id] }] } } });
      expect(fin.body.error.message).toContain("bill a booking that was cancelled in Bookings");
      expect((await admin.del(`/api/invoices/${draft.id}`)).status).toBe(204);
      expect(await all("&flag=cancelled-on-draft")).toEqual([]);
    });
  });

  it("never shows one tenant's bookings or customers to another", async () => {
    const other = client(server.url, await server.token({ tenantId: `${DEMO_TENANT_ID}-other` }));
    expect((await other.get("/api/bookings/uninvoiced")).body.totals.count).toBe(0);
    expect((await other.get("/api/customers")).body).toEqual([]);
    const mine = (await all())[0];
    expect((await other.post(`/api/bookings/${encodeURIComponent(mine.id)}/link-customer`, { attendee: "x", customerId: "y" })).body.error.code).toBe("NOT_FOUND");
    // Not set up yet: refused before any booking is looked up.
    expect(await other.post("/api/invoices", { bookingIds: [mine.id] })).toMatchObject({ status: 404, body: { error: { code: "NOT_CONFIGURED" } } });
    // Set up on the same Bookings business: this tenant's booking is still not the other's to bill, and nothing is made.
    expect((await other.put("/api/setup", { businessId: DEMO_BUSINESS_ID })).status).toBe(200);
    const invoicesBefore = await count("invoices");
    expect(await other.post("/api/invoices", { bookingIds: [mine.id] })).toMatchObject({
      status: 201,
      body: { invoices: [], skipped: [{ bookingId: mine.id, reason: "notFound" }], totals: { invoices: 0, lines: 0, total: "0.00" } },
    });
    expect(await count("invoices")).toBe(invoicesBefore);
    expect((await all()).map((b) => b.id)).toContain(mine.id);
  });
});
