// Covers large draft edits (PATCH /api/invoices/:id): at most 1,000 line changes per request, applied in one statement
// whatever their number, with exact amounts and totals; duplicate line ids are refused with the id named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TENANT_ID } from "../../api/src/demo";
import { editDraft } from "../../api/src/features/invoices/editDraft";
import { ZEditInvoice } from "../../api/src/features/invoices/invoice.schema";
import type { Db, Queryable } from "../../api/src/shared/db";
import { Decimal } from "../../api/src/shared/money";
import { client } from "../factories/http";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";
import { billEveryItemAt } from "../factories/vat";

/** A store that records every statement run inside its transactions. */
function countingStore(db: Db): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const counted = (tx: Queryable): Queryable => ({
    query: (sql, params) => (statements.push(sql), tx.query(sql, params)),
    exec: (sql) => (statements.push(sql), tx.exec(sql)),
  });
  return { db: { ...db, transaction: (fn) => db.transaction((tx) => fn(counted(tx))) }, statements };
}

const money = (q: string, u: string) => new Decimal(q).times(u).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
// A unit price as the API shows it in euros: at least two decimals, finer ones kept.
const price = (u: string) => new Decimal(u).toFixed(Math.max(2, new Decimal(u).decimalPlaces()));

describe.each(testStores())("large draft edits on %s", (store) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  beforeAll(async () => {
    server = await startTestServer({ store });
    admin = client(server.url, await server.token());
    await billEveryItemAt(admin, "21");
  });
  afterAll(() => server?.close());

  /** A draft of one booking, grown to `n` lines in the store (one booking may carry many attendee lines). */
  async function draftWithLines(n: number): Promise<any> {
    const items = (await admin.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items;
    const pick = items.find((b: any) => b.customers.length === 1 && b.customers[0].customerId);
    const created = await admin.post("/api/invoices", { bookingIds: [pick.id] });
    expect(created.status).toBe(201);
    const id = created.body.invoices[0].id;
    await server.api.ctx.db.query(
      `INSERT INTO invoice_lines (tenant_id, invoice_id, position, booking_id, attendee_key, description, service_date, quantity, unit_price, amount, tax_category, tax_rate, price_type)
       SELECT l.tenant_id, l.invoice_id, l.position + g, l.booking_id, 'bulk-' || g, 'Bulk line ' || g, l.service_date, 1, 10 + g % 7, 10 + g % 7, l.tax_category, l.tax_rate, l.price_type
       FROM invoice_lines l, generate_series(1, $2::int) g WHERE l.invoice_id = $1`,
      [id, n - 1],
    );
    const invoice = (await admin.get(`/api/invoices/${id}`)).body;
    expect(invoice.lines).toHaveLength(n);
    return invoice;
  }

  it("applies 1,000 line edits, or edits and removals, with as many statements as one edit; amounts and totals exact", async () => {
    const d = await draftWithLines(1_600);
    expect(new Set(d.lines.map((l: any) => l.taxRate))).toEqual(new Set(["21"]));
    const editOf = (round: number) => (l: any, i: number) => ({
      id: l.id,
      quantity: ["1", "1.5", "0.3333", "2.25"][(i + round) % 4]!,
      unitPrice: `${(i + round) % 50}.${String((i * 37 + round) % 10_000).padStart(4, "0")}`,
      ...(i % 3 === round ? { description: `Edited ${i} in round ${round}` } : {}),
    });
    const first = d.lines.slice(0, 1_000).map(editOf(0));
    const second = d.lines.slice(0, 400).map(editOf(1));
    const removed = d.lines.slice(1_000, 1_500).map((l: any) => l.id);
    const patch = async (body: unknown) => {
      const counted = countingStore(server.api.ctx.db);
      const invoice = await editDraft({ db: counted.db, now: server.api.ctx.now }, DEMO_TENANT_ID, d.id, ZEditInvoice.parse(body));
      const count = (pattern: RegExp) => counted.statements.filter((s) => pattern.test(s)).length;
      return { invoice, total: counted.statements.length, updates: count(/UPDATE\s+invoice_lines/i), deletes: count(/DELETE\s+FROM\s+invoice_lines/i) };
    };

    const one = await patch({ lines: [{ id: d.lines[1_599].id, unitPrice: "12.00" }] });
    const many = await patch({ lines: first });
    const mixed = await patch({ lines: second, removeLines: removed });
    expect([one.updates, one.deletes, many.updates, many.deletes, mixed.updates, mixed.deletes]).toEqual([1, 0, 1, 0, 1, 1]);
    // Nothing but the one DELETE grows with the number of lines changed.
    expect([many.total, mixed.total]).toEqual([one.total, one.total + 1]);

    const stored = (await admin.get(`/api/invoices/${d.id}`)).body;
    expect(stored).toEqual(mixed.invoice);
    expect(stored.lines).toHaveLength(1_100);
    const byId = new Map(stored.lines.map((l: any) => [l.id, l]));
    const latest = [...second, ...first.slice(400)];
    for (const [i, e] of latest.entries()) {
      const description = (i < 400 ? second[i]!.description : undefined) ?? first[i]!.description ?? d.lines[i].description;
      expect(byId.get(e.id), `line ${i}`).toMatchObject({ quantity: e.quantity, unitPrice: price(e.unitPrice), amount: money(e.quantity, e.unitPrice), description });
    }
    for (const id of removed) expect(byId.has(id)).toBe(false);
    expect(byId.get(d.lines[1_599].id)).toMatchObject({ unitPrice: "12.00", amount: "12.00" });
    for (const l of d.lines.slice(1_500, 1_599)) expect(byId.get(l.id)).toEqual(l);
    const net = stored.lines.reduce((sum: Decimal, l: any) => sum.plus(l.amount), new Decimal(0));
    const tax = net.times("0.21").toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    expect([stored.net, stored.tax, stored.total]).toEqual([net.toFixed(2), tax.toFixed(2), net.plus(tax).toFixed(2)]);
    const removedBack = await server.api.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM invoice_lines WHERE tenant_id = $1 AND id IN (SELECT unnest($2::uuid[]))",
      [DEMO_TENANT_ID, removed],
    );
    expect(removedBack.rows).toEqual([{ n: 0 }]);
  });

  it("refuses more than 1,000 line changes in one PATCH, edits and removals together, and changes nothing", async () => {
    const d = await draftWithLines(1_200);
    const edit = (l: any) => ({ id: l.id, unitPrice: "1.00" });
    for (const body of [
      { lines: d.lines.slice(0, 1_001).map(edit) },
      { removeLines: d.lines.slice(0, 1_001).map((l: any) => l.id) },
      { lines: d.lines.slice(0, 600).map(edit), removeLines: d.lines.slice(600, 1_001).map((l: any) => l.id) },
    ]) {
      const res = await admin.send("PATCH", `/api/invoices/${d.id}`, body);
      expect([res.status, res.body.error.code]).toEqual([400, "BAD_REQUEST"]);
      expect(res.body.error.message).toMatch(/at most 1000 line changes per request \(lines and removeLines together\); send the rest in another PATCH/);
    }
    expect((await admin.get(`/api/invoices/${d.id}`)).body).toEqual(d);
    const ok = await admin.send("PATCH", `/api/invoices/${d.id}`, { lines: d.lines.slice(0, 600).map(edit), removeLines: d.lines.slice(600, 1_000).map((l: any) => l.id) });
    expect(ok.status).toBe(200);
    expect(ok.body.lines).toHaveLength(800);
    expect(ok.body.lines.slice(0, 600).map((l: any) => l.amount)).toEqual(Array(600).fill("1.00"));
  });

  it("refuses a line given twice, or both edited and removed, naming it, and changes nothing", async () => {
    const d = await draftWithLines(3);
    const [a, b] = d.lines;
    const cases: [unknown, string][] = [
      [{ lines: [{ id: a.id, quantity: "2" }, { id: b.id, quantity: "3" }, { id: a.id, unitPrice: "5" }] }, `lines.2.id: line ${a.id} is changed more than once in this request; give each line one change`],
      [{ removeLines: [b.id, b.id] }, `removeLines.1: line ${b.id} is changed more than once in this request; give each line one change`],
      [{ lines: [{ id: a.id, quantity: "2" }], removeLines: [a.id] }, `removeLines.0: line ${a.id} is both edited (lines) and removed (removeLines); give each line one change`],
    ];
    for (const [body, message] of cases) {
      const res = await admin.send("PATCH", `/api/invoices/${d.id}`, body);
      expect([res.status, res.body.error]).toEqual([400, { code: "BAD_REQUEST", message }]);
    }
    expect((await admin.get(`/api/invoices/${d.id}`)).body).toEqual(d);
  });
});
