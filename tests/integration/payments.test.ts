// Covers payments of invoices (PRODUCT.md §4.9) through the HTTP API on both stores: open → partly paid → paid with exact
// decimals, overpayment, drafts and credit notes refused, a credit note lowering what is left, overdue from midnight in
// the business's time zone, the list's paymentStatus filter, the Overview's outstanding, the PDF, undo, another tenant,
// and bad input answered with 400s that name the field.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { addDays, dateIn } from "../../api/src/shared/businessDates";
import { client } from "../factories/http";
import { pdfText } from "../factories/pdfText";
import { DEMO_ZONE, finalInvoice, startOfDayIn } from "../factories/payments";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

const minus = (a: string, ...b: string[]) => b.reduce((acc, x) => acc.minus(x), new Decimal(a)).toFixed(2);

describe.each(testStores())("payments on %s", (store) => {
  let server: TestServer;
  let api: ReturnType<typeof client>;
  // The clock every test starts from; today is its date in Amsterdam.
  const start = new Date();
  const today = dateIn(DEMO_ZONE, start);
  const at = (instant: Date) => (server.api.ctx.now = () => new Date(instant));
  const pay = (id: string, body: object, headers?: Record<string, string>) => api.post(`/api/invoices/${id}/payments`, body, headers);
  const get = async (id: string) => (await api.get(`/api/invoices/${id}`)).body;

  beforeAll(async () => {
    server = await startTestServer({ store });
    api = client(server.url, await server.token());
  });
  beforeEach(() => at(start));
  afterAll(() => server?.close());

  it("records a partial then the rest: open → partiallyPaid → paid, and nothing more", async () => {
    const inv = await finalInvoice(api);
    expect(inv).toMatchObject({ payments: [], paid: "0.00", outstanding: inv.total, paymentStatus: "open" });
    const part = await pay(inv.id, { amount: "10.00", date: today, method: "card" });
    expect(part.status, JSON.stringify(part.body)).toBe(200);
    expect(part.body).toMatchObject({ id: inv.id, paid: "10.00", outstanding: minus(inv.total, "10.00"), paymentStatus: "partiallyPaid" });
    expect(part.body.payments).toEqual([{ id: expect.any(String), amount: "10.00", date: today, method: "card", recordedAt: start.toISOString(), recordedBy: "Test User" }]);
    // The answer is the invoice as GET shows it.
    expect(await get(inv.id)).toEqual(part.body);
    const rest = await pay(inv.id, { amount: part.body.outstanding, date: today });
    expect(rest.body).toMatchObject({ paid: inv.total, outstanding: "0.00", paymentStatus: "paid" });
    expect(rest.body.payments.map((p: any) => [p.amount, p.method])).toEqual([["10.00", "card"], [part.body.outstanding, "bankTransfer"]]);
    const more = await pay(inv.id, { amount: "0.01", date: today });
    expect(more).toMatchObject({ status: 409, body: { error: { code: "PAYMENT_EXCEEDS_OUTSTANDING", message: "The payment is more than is left to pay on this invoice: 0.00 EUR is outstanding.", outstanding: "0.00" } } });
  });

  it("adds amounts exactly, as decimal strings or JSON numbers", async () => {
    const inv = await finalInvoice(api);
    await pay(inv.id, { amount: "0.1", date: today });
    const second = await pay(inv.id, { amount: 0.2, date: today });
    expect(second.body).toMatchObject({ paid: "0.30", outstanding: minus(inv.total, "0.30") });
    expect(second.body.payments.map((p: any) => p.amount)).toEqual(["0.10", "0.20"]);
    const { rows } = await server.api.ctx.db.query<{ paid: string }>("SELECT sum(amount)::text AS paid FROM invoice_payments WHERE invoice_id = $1", [inv.id]);
    expect(rows[0]!.paid).toBe("0.3000");
    // A float that is not the decimal it looks like is refused rather than rounded.
    expect((await pay(inv.id, { amount: 0.1 + 0.2, date: today })).body.error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("amount: ") });
  });

  it("refuses more than is outstanding, naming what is", async () => {
    const inv = await finalInvoice(api);
    const over = new Decimal(inv.total).plus("0.01").toFixed(2);
    const res = await pay(inv.id, { amount: over, date: today });
    expect(res).toMatchObject({ status: 409, body: { error: { code: "PAYMENT_EXCEEDS_OUTSTANDING", message: `The payment is more than is left to pay on this invoice: ${inv.total} EUR is outstanding.`, outstanding: inv.total } } });
    expect((await get(inv.id)).payments).toEqual([]);
  });

  it("pays only final invoices: a draft and a credit note are refused", async () => {
    const booking = (await api.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.find((b: any) => b.customers.length === 1 && b.customers[0].customerId);
    const draft = (await api.post("/api/invoices", { bookingIds: [booking.id] })).body.invoices[0];
    expect(draft).toMatchObject({ paymentStatus: null, payments: [], paid: "0.00" });
    expect(await pay(draft.id, { amount: "1.00", date: today })).toMatchObject({ status: 409, body: { error: { code: "NOT_FINAL" } } });
    const inv = await finalInvoice(api);
    const cn = (await api.post(`/api/invoices/${inv.id}/credit-notes`, { reason: "Charged twice" })).body;
    expect(cn).toMatchObject({ kind: "creditNote", paymentStatus: null, outstanding: "0.00" });
    expect(await pay(cn.id, { amount: "1.00", date: today })).toMatchObject({ status: 409, body: { error: { code: "NOT_AN_INVOICE" } } });
    // Credited in full, the invoice has nothing left to pay.
    expect(await get(inv.id)).toMatchObject({ outstanding: "0.00", paymentStatus: "paid" });
    expect((await pay(inv.id, { amount: "0.01", date: today })).body.error.code).toBe("PAYMENT_EXCEEDS_OUTSTANDING");
    // The database refuses a payment of a draft whatever code path writes it.
    const insert = server.api.ctx.db.query(
      "INSERT INTO invoice_payments (tenant_id, invoice_id, amount, paid_on, method, recorded_at, recorded_by) SELECT tenant_id, id, 1, current_date, 'cash', now(), 'x' FROM invoices WHERE id = $1",
      [draft.id],
    );
    await expect(insert).rejects.toMatchObject({ code: "P0001", hint: "not_payable" });
  });

  it("lowers what is left by a credit note, then takes payment of the rest", async () => {
    const inv = await finalInvoice(api, 2);
    const [a] = inv.lines;
    const cn = (await api.post(`/api/invoices/${inv.id}/credit-notes`, { reason: "Discount", lines: [{ lineId: a.id }] })).body;
    const left = minus(inv.total, cn.total);
    expect(await get(inv.id)).toMatchObject({ credited: cn.total, outstanding: left, paymentStatus: "open" });
    expect((await pay(inv.id, { amount: inv.total, date: today })).body.error).toMatchObject({ code: "PAYMENT_EXCEEDS_OUTSTANDING", outstanding: left });
    expect((await pay(inv.id, { amount: left, date: today })).body).toMatchObject({ paid: left, outstanding: "0.00", paymentStatus: "paid" });
  });

  it("turns an invoice overdue at midnight in the business's time zone, not UTC's, in the invoice, the list and the Overview", async () => {
    const inv = await finalInvoice(api);
    await pay(inv.id, { amount: "1.00", date: today });
    const overdue = startOfDayIn(DEMO_ZONE, addDays(inv.dueDate, 1));
    // Amsterdam is ahead of UTC: at its midnight the UTC date is still the due date.
    expect(overdue.toISOString().slice(0, 10)).toBe(inv.dueDate);
    const listed = async (status: string) => (await api.get(`/api/invoices?paymentStatus=${status}&limit=200`)).body.items.map((i: any) => i.id);
    at(new Date(overdue.getTime() - 1));
    expect((await get(inv.id)).paymentStatus).toBe("partiallyPaid");
    expect(await listed("partiallyPaid")).toContain(inv.id);
    expect(await listed("overdue")).not.toContain(inv.id);
    // The Overview's overdue is what the list calls overdue (other tests' invoices fall due that day too).
    const overdueOf = async () => {
      const items = (await api.get("/api/invoices?paymentStatus=overdue&limit=200")).body.items;
      return { count: items.length, amount: items.reduce((s: Decimal, i: any) => s.plus(i.outstanding), new Decimal(0)).toFixed(2) };
    };
    expect((await api.get("/api/insights")).body.outstanding[0].overdue).toEqual(await overdueOf());
    at(overdue);
    expect((await get(inv.id)).paymentStatus).toBe("overdue");
    expect(await listed("overdue")).toContain(inv.id);
    expect(await listed("partiallyPaid")).not.toContain(inv.id);
    const after = await overdueOf();
    expect(after.count).toBeGreaterThan(0);
    expect((await api.get("/api/insights")).body.outstanding[0].overdue).toEqual(after);
    // Paid in full, it is paid however late.
    await pay(inv.id, { amount: minus(inv.total, "1.00"), date: addDays(inv.dueDate, 1) });
    expect((await get(inv.id)).paymentStatus).toBe("paid");
  });

  it("dates payments in the business's calendar: not after its today, not before the issue date", async () => {
    const inv = await finalInvoice(api);
    // 00:30 in Amsterdam on the issue date is still the day before in UTC; the issue date is today there.
    at(new Date(startOfDayIn(DEMO_ZONE, inv.issueDate).getTime() + 30 * 60_000));
    expect((await pay(inv.id, { amount: "1.00", date: inv.issueDate })).status).toBe(200);
    const tomorrow = await pay(inv.id, { amount: "1.00", date: addDays(inv.issueDate, 1) });
    expect(tomorrow).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST", message: `date: a payment cannot be dated after today (${inv.issueDate} in the business's time zone).` } } });
    const early = await pay(inv.id, { amount: "1.00", date: addDays(inv.issueDate, -1) });
    expect(early.body.error.message).toBe(`date: a payment cannot be dated before the invoice's issue date (${inv.issueDate}).`);
  });

  it("filters the list by payment status, as each invoice states it, and the Overview subtracts payments", async () => {
    const paid = await finalInvoice(api);
    await pay(paid.id, { amount: paid.total, date: today });
    const part = await finalInvoice(api);
    await pay(part.id, { amount: "5.00", date: today });
    const open = await finalInvoice(api);
    const all = (await api.get("/api/invoices?status=final&kind=invoice&limit=200")).body.items;
    for (const status of ["open", "partiallyPaid", "paid", "overdue"]) {
      const items = (await api.get(`/api/invoices?paymentStatus=${status}&limit=200`)).body.items;
      expect(items.map((i: any) => i.id).sort(), status).toEqual(all.filter((i: any) => i.paymentStatus === status).map((i: any) => i.id).sort());
    }
    const some = (await api.get("/api/invoices?paymentStatus=open,partiallyPaid&status=final&limit=200")).body.items.map((i: any) => i.id);
    expect(some).toEqual(expect.arrayContaining([part.id, open.id]));
    expect(some).not.toContain(paid.id);
    // Drafts and credit notes have no payment status, so a filter never lists them.
    expect((await api.get("/api/invoices?paymentStatus=open,partiallyPaid,paid,overdue&limit=200")).body.items.every((i: any) => i.kind === "invoice" && i.status === "final")).toBe(true);
    const left = all.filter((i: any) => new Decimal(i.outstanding).gt(0));
    const [eur] = (await api.get("/api/insights")).body.outstanding;
    expect({ count: eur.count, amount: eur.amount }).toEqual({ count: left.length, amount: left.reduce((s: Decimal, i: any) => s.plus(i.outstanding), new Decimal(0)).toFixed(2) });
    expect(left.map((i: any) => i.id)).not.toContain(paid.id);
  });

  it.each([
    ["late", "paymentStatus: use open, partiallyPaid, paid, overdue, separated by commas"],
    ["", "paymentStatus: give one or more of open, partiallyPaid, paid, overdue"],
  ])("refuses the paymentStatus filter %j", async (value, message) => {
    const res = await api.get(`/api/invoices?paymentStatus=${value}`);
    expect([res.status, res.body.error.message]).toEqual([400, expect.stringContaining(message)]);
  });

  it("says in the PDF what was received, and that nothing is left once paid", async () => {
    const inv = await finalInvoice(api);
    const pdf = async () => (await pdfText(new Uint8Array(await (await fetch(`${server.url}/api/invoices/${inv.id}/pdf`, { headers: { authorization: `Bearer ${await server.token()}` } })).arrayBuffer()))).join(" ");
    await pay(inv.id, { amount: "10.00", date: today });
    const part = await pdf();
    expect(part).toContain("Received so far: €10.00.");
    expect(part).toContain(`Please pay €${minus(inv.total, "10.00")} by`);
    await pay(inv.id, { amount: minus(inv.total, "10.00"), date: today });
    const paid = await pdf();
    expect(paid).toContain("This invoice has been paid: nothing is left to pay. Thank you.");
    expect(paid).not.toContain("Please pay");
  });

  it("puts what was paid and the payment status in the exports", async () => {
    const inv = await finalInvoice(api);
    await pay(inv.id, { amount: "2.50", date: today });
    const csv = await (await fetch(`${server.url}/api/invoices/export.csv?ids=${inv.id}`, { headers: { authorization: `Bearer ${await server.token()}` } })).text();
    const [header, row] = csv.replace(/^\ufeff/, "").split("\r\n");
    expect(header!.split(",").slice(-2)).toEqual(["invoice_paid", "payment_status"]);
    expect(row!.split(",").slice(-2)).toEqual(["2.50", "partiallyPaid"]);
  });

  it("undoes a payment, and answers 404 for one it does not have", async () => {
    const inv = await finalInvoice(api);
    const first = (await pay(inv.id, { amount: "3.00", date: today })).body.payments[0];
    const second = (await pay(inv.id, { amount: "4.00", date: today, method: "cash" })).body.payments[1];
    const undone = await api.del(`/api/invoices/${inv.id}/payments/${first.id}`);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ paid: "4.00", outstanding: minus(inv.total, "4.00"), paymentStatus: "partiallyPaid", payments: [second] });
    expect(await get(inv.id)).toEqual(undone.body);
    const again = await api.del(`/api/invoices/${inv.id}/payments/${first.id}`);
    expect(again).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND", message: "No such payment." } } });
    const other = await finalInvoice(api);
    expect((await api.del(`/api/invoices/${other.id}/payments/${second.id}`)).body.error.message).toBe("No such payment.");
    expect((await api.del(`/api/invoices/${inv.id}/payments/not-a-uuid`)).status).toBe(404);
    expect((await api.del(`/api/invoices/${randomUUID()}/payments/${second.id}`)).body.error.message).toBe("No such invoice.");
    expect((await api.del(`/api/invoices/${inv.id}/payments/${second.id}`)).body).toMatchObject({ paid: "0.00", paymentStatus: "open", payments: [] });
  });

  it("answers another tenant's invoice and payment as unknown ones", async () => {
    const inv = await finalInvoice(api);
    const paid = (await pay(inv.id, { amount: "1.00", date: today })).body;
    const other = client(server.url, await server.token({ tenantId: "tenant-payments-other" }));
    for (const res of [await other.post(`/api/invoices/${inv.id}/payments`, { amount: "1.00", date: today }), await other.del(`/api/invoices/${inv.id}/payments/${paid.payments[0].id}`)]) {
      expect(res).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND", message: "No such invoice." } } });
    }
    expect(await get(inv.id)).toEqual(paid);
  });

  it.each([
    [{ date: "2026-03-02" }, 'amount: give the amount paid as a decimal above 0, such as "62.50"'],
    [{ amount: "0", date: "2026-03-02" }, "amount: give the amount paid as a decimal above 0"],
    [{ amount: "-5.00", date: "2026-03-02" }, "amount: give the amount paid as a decimal above 0"],
    [{ amount: "ten", date: "2026-03-02" }, "amount: give the amount paid as a decimal above 0"],
    [{ amount: -1, date: "2026-03-02" }, "amount: give the amount paid as a decimal above 0"],
    [{ amount: 1e21, date: "2026-03-02" }, "amount: give the amount paid as a decimal above 0"],
    [{ amount: "1.005", date: "{today}" }, "amount: EUR amounts have at most 2 decimals."],
    [{ amount: "1.00" }, "date: give the day it was paid, such as 2026-03-16"],
    [{ amount: "1.00", date: "2026-13-01" }, "date: give the day it was paid"],
    [{ amount: "1.00", date: "16-03-2026" }, "date: give the day it was paid"],
    [{ amount: "1.00", date: "{today}", method: "cheque" }, "method: use one of bankTransfer, card, cash, other"],
    [{ amount: "1.00", date: "{today}", note: "x" }, 'Unrecognized key: "note"'],
  ])("refuses %j with a 400 naming the field", async (body, message) => {
    const inv = (await api.get("/api/invoices?paymentStatus=open&limit=1")).body.items[0] ?? (await finalInvoice(api));
    const res = await pay(inv.id, JSON.parse(JSON.stringify(body).replace("{today}", today)));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect(await api.post(`/api/invoices/${inv.id}/payments`, "{not json")).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
  });
});
