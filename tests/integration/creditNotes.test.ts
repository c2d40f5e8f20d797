// Covers credit notes (PRODUCT.md §4.7) through the HTTP API: a full credit, partial credits per line, never more than
// was invoiced (also under concurrent requests), the own gapless CN series, credited and outstanding on the invoice,
// rebill returning the attendee to the list and a new invoice for it, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { dateIn } from "../../api/src/shared/businessDates";
import { client } from "../factories/http";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";
import { billEveryItemAt } from "../factories/vat";

const sum = (values: string[]) => values.reduce((acc, v) => acc.plus(v), new Decimal(0)).toFixed(2);

describe.each(testStores())("credit notes on %s", (store) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let year: number;
  beforeAll(async () => {
    server = await startTestServer({ store });
    admin = client(server.url, await server.token());
    await billEveryItemAt(admin, "21");
    // The demo business's year: credit notes are numbered in its time zone.
    year = Number(dateIn("Europe/Amsterdam", new Date()).slice(0, 4));
  });
  afterAll(() => server?.close());

  /** A final invoice of `n` fixed-price bookings of one customer that no test used yet. */
  async function finalInvoice(n: number): Promise<any> {
    const items = (await admin.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.filter((b: any) => b.customers.length === 1 && b.customers[0].customerId);
    const byCustomer = new Map<string, any[]>();
    for (const b of items) byCustomer.set(b.customers[0].customerId, [...(byCustomer.get(b.customers[0].customerId) ?? []), b]);
    const picks = [...byCustomer.values()].find((l) => l.length >= n)!.slice(0, n);
    const draft = (await admin.post("/api/invoices", { bookingIds: picks.map((b) => b.id) })).body.invoices[0];
    const final = await admin.post(`/api/invoices/${draft.id}/finalize`);
    expect(final.status).toBe(200);
    return final.body;
  }
  const credit = (id: string, body: object) => admin.post(`/api/invoices/${id}/credit-notes`, body);
  const listed = async () => new Set((await admin.get("/api/bookings/uninvoiced?limit=500")).body.items.map((b: any) => b.id));

  it("credits a whole invoice with a final credit note of its own series, and the invoice shows it", async () => {
    const inv = await finalInvoice(2);
    expect(inv).toMatchObject({ kind: "invoice", credited: "0.00", outstanding: inv.total });
    const res = await credit(inv.id, { reason: "Appointment charged twice" });
    expect(res.status).toBe(201);
    const cn = res.body;
    expect(cn).toMatchObject({
      kind: "creditNote", status: "final", number: `CN-${year}-00001`, dueDate: null, creditedInvoiceId: inv.id, creditedInvoiceNumber: inv.number,
      creditReason: "Appointment charged twice", customerId: inv.customerId, net: inv.net, tax: inv.tax, total: inv.total,
      taxBreakdown: inv.taxBreakdown, credited: "0.00", outstanding: "0.00",
    });
    expect(cn.lines.map((l: any) => [l.creditedLineId, l.amount, l.taxCategory, l.taxRate])).toEqual(inv.lines.map((l: any) => [l.id, l.amount, l.taxCategory, l.taxRate]));
    expect((await admin.get(`/api/invoices/${inv.id}`)).body).toMatchObject({ credited: inv.total, outstanding: "0.00" });
    // Nothing is left, and without rebill the bookings stay off the list.
    expect(await credit(inv.id, { reason: "again" })).toMatchObject({ status: 409, body: { error: { code: "OVER_CREDIT" } } });
    const open = await listed();
    for (const l of inv.lines) expect(open.has(l.bookingId)).toBe(false);
    // A credit note is as immutable as an invoice.
    expect((await admin.send("PATCH", `/api/invoices/${cn.id}`, { notes: "x" })).body.error.code).toBe("NOT_DRAFT");
    expect((await admin.del(`/api/invoices/${cn.id}`)).status).toBe(409);
    await expect(server.api.ctx.db.query("UPDATE invoice_lines SET amount = 1 WHERE invoice_id = $1", [cn.id])).rejects.toMatchObject({ code: "P0001" });
    expect(await credit(cn.id, { reason: "credit the credit" })).toMatchObject({ status: 409, body: { error: { code: "NOT_FINAL" } } });
  });

  it("credits per line, part of one, never more than is left, and numbers the series without gaps", async () => {
    const inv = await finalInvoice(2);
    const [a, b] = inv.lines;
    const first = await credit(inv.id, { reason: "Discount", lines: [{ lineId: a.id, amount: "10.00" }] });
    expect(first).toMatchObject({ status: 201, body: { number: `CN-${year}-00002`, net: "10.00", tax: "2.10", total: "12.10" } });
    expect(await credit(inv.id, { reason: "Too much", lines: [{ lineId: a.id, amount: new Decimal(a.amount).minus(9.99).toFixed(2) }] })).toMatchObject({ status: 409, body: { error: { code: "OVER_CREDIT" } } });
    const rest = await credit(inv.id, { reason: "The rest", lines: [{ lineId: a.id }, { lineId: b.id }] });
    expect(rest).toMatchObject({ status: 201, body: { number: `CN-${year}-00003` } });
    const after = (await admin.get(`/api/invoices/${inv.id}`)).body;
    expect(after).toMatchObject({ credited: inv.total, outstanding: "0.00" });
    expect(sum([first.body.total, rest.body.total])).toBe(inv.total);
    expect(sum([first.body.tax, rest.body.tax])).toBe(inv.tax);
  });

  it("grants one credit of the whole invoice when several ask for it at once", async () => {
    const inv = await finalInvoice(1);
    const answers = await Promise.all([1, 2, 3, 4].map((i) => credit(inv.id, { reason: `Request ${i}` })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(answers.filter((r) => r.status === 409).every((r) => r.body.error.code === "OVER_CREDIT")).toBe(true);
    expect((await admin.get(`/api/invoices/${inv.id}`)).body).toMatchObject({ credited: inv.total, outstanding: "0.00" });
  });

  it("returns the credited attendee to the list with rebill, to be invoiced again", async () => {
    const inv = await finalInvoice(2);
    const [a, b] = inv.lines;
    const res = await credit(inv.id, { reason: "Wrong customer", lines: [{ lineId: a.id }], rebill: true });
    expect(res.status).toBe(201);
    const open = await listed();
    expect(open.has(a.bookingId)).toBe(true);
    expect(open.has(b.bookingId)).toBe(false);
    // The final invoice itself is unchanged; the booking is billed on a new draft.
    expect((await admin.get(`/api/invoices/${inv.id}`)).body).toMatchObject({ total: inv.total, lines: inv.lines.map((l: any) => expect.objectContaining({ id: l.id, amount: l.amount })) });
    const again = await admin.post("/api/invoices", { bookingIds: [a.bookingId] });
    expect(again.status).toBe(201);
    expect(again.body.invoices[0].lines[0]).toMatchObject({ bookingId: a.bookingId, amount: a.amount });
    expect((await listed()).has(a.bookingId)).toBe(false);
    // The database keeps the rule: one line that bills an attendee. A second one is refused, the released one is not counted.
    const dup = server.api.ctx.db.query(
      `INSERT INTO invoice_lines (tenant_id, invoice_id, position, booking_id, attendee_key, description, service_date, quantity, unit_price, amount, tax_category, tax_rate, price_type)
       SELECT tenant_id, $2, 99, booking_id, attendee_key, description, service_date, quantity, unit_price, amount, tax_category, tax_rate, price_type FROM invoice_lines WHERE id = $1`,
      [b.id, again.body.invoices[0].id],
    );
    await expect(dup).rejects.toMatchObject({ code: "23505", constraint: "invoice_lines_booking_attendee_uq" });
    // Once billed again, the credited line cannot come back a second time.
    expect(await credit(inv.id, { reason: "again", lines: [{ lineId: a.id }], rebill: true })).toMatchObject({ status: 409, body: { error: { code: "OVER_CREDIT" } } });
  });

  it.each([
    [{}, "reason: "],
    [{ reason: "  " }, "reason: give the reason"],
    [{ reason: "x", lines: [] }, "lines: give at least one line"],
    [{ reason: "x", lines: [{ lineId: "nope" }] }, "lines.0.lineId: give the id of a line"],
    [{ reason: "x", lines: [{ lineId: "0b6f5d4e-0000-4000-8000-000000000009" }] }, "lines.0.lineId: not a line of this invoice."],
    [{ reason: "x", lines: [{ lineId: "0b6f5d4e-0000-4000-8000-000000000009", amount: "ten" }] }, "lines.0.amount: use a decimal string"],
    [{ reason: "x", rebill: "yes" }, "rebill: "],
    [{ reason: "x", extra: 1 }, 'Unrecognized key: "extra"'],
  ])("refuses %j with a 400 naming the field", async (body, message) => {
    const inv = (await admin.get("/api/invoices?status=final&kind=invoice&limit=1")).body.items[0];
    const res = await credit(inv.id, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it("lists credit notes apart from invoices with kind", async () => {
    const notes = (await admin.get("/api/invoices?kind=creditNote&limit=200")).body.items;
    expect(notes.length).toBeGreaterThanOrEqual(5);
    expect(notes.every((n: any) => n.kind === "creditNote" && n.number.startsWith(`CN-${year}-`))).toBe(true);
    expect((await admin.get("/api/invoices?kind=invoice&limit=200")).body.items.every((n: any) => n.kind === "invoice")).toBe(true);
    expect((await admin.get("/api/invoices?kind=credit")).status).toBe(400);
  });

  it("credits only final invoices of the tenant", async () => {
    const booking = (await admin.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.find((b: any) => b.customers.length === 1 && b.customers[0].customerId);
    const draft = (await admin.post("/api/invoices", { bookingIds: [booking.id] })).body.invoices[0];
    expect(await credit(draft.id, { reason: "x" })).toMatchObject({ status: 409, body: { error: { code: "NOT_FINAL" } } });
    expect((await credit("0b6f5d4e-0000-4000-8000-000000000009", { reason: "x" })).status).toBe(404);
    const final = (await admin.get("/api/invoices?status=final&kind=invoice&limit=1")).body.items[0];
    const other = client(server.url, await server.token({ tenantId: "tenant-other" }));
    expect((await other.post(`/api/invoices/${final.id}/credit-notes`, { reason: "x" })).status).toBe(404);
  });
});
