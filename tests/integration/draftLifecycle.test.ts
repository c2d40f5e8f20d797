// Covers a draft's life: edit with recomputed totals, removing lines, finalize with a gapless number, immutability
// (in the API and in the database), PDF and CSV export, and prices that include tax.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";
import { DEMO_TENANT_ID } from "../../api/src/demo";
import { billEveryItemAt } from "../factories/vat";

describe.each(testStores())("draft lifecycle on %s", (store) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  beforeAll(async () => {
    server = await startTestServer({ store });
    admin = client(server.url, await server.token());
    await billEveryItemAt(admin, "21");
  });
  afterAll(() => server?.close());

  /** A fresh draft with `n` fixed-price bookings of one customer. */
  async function draft(n = 2): Promise<any> {
    const items = (await admin.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.filter((b: any) => b.customers.length === 1 && b.customers[0].customerId);
    const byCustomer = new Map<string, any[]>();
    for (const b of items) byCustomer.set(b.customers[0].customerId, [...(byCustomer.get(b.customers[0].customerId) ?? []), b]);
    const picks = [...byCustomer.values()].find((l) => l.length >= n)!.slice(0, n);
    const res = await admin.post("/api/invoices", { bookingIds: picks.map((b) => b.id) });
    expect(res.status).toBe(201);
    return res.body.invoices[0];
  }

  it("edits lines, due date and notes of a draft and recomputes its totals", async () => {
    const d = await draft(2);
    const [l1, l2] = d.lines;
    const res = await admin.send("PATCH", `/api/invoices/${d.id}`, {
      dueDate: "2027-01-31",
      notes: "Thank you!",
      lines: [{ id: l1.id, unitPrice: "100.00", description: "Assessment (extended)" }, { id: l2.id, quantity: "2" }],
    });
    expect(res.status).toBe(200);
    const e = res.body;
    expect(e).toMatchObject({ dueDate: "2027-01-31", notes: "Thank you!" });
    expect(e.lines.find((l: any) => l.id === l1.id)).toMatchObject({ unitPrice: "100.00", amount: "100.00", description: "Assessment (extended)" });
    const l2after = e.lines.find((l: any) => l.id === l2.id);
    expect(l2after.amount).toBe((Number(l2.unitPrice) * 2).toFixed(2));
    const net = 100 + Number(l2.unitPrice) * 2;
    expect(e.net).toBe(net.toFixed(2));
    expect(e.tax).toBe((Math.round(net * 21) / 100).toFixed(2));
    expect(e.total).toBe((Number(e.net) + Number(e.tax)).toFixed(2));
  });

  it("removes a line (its booking returns to the list) but never the last one", async () => {
    const d = await draft(2);
    const [l1, l2] = d.lines;
    const res = await admin.send("PATCH", `/api/invoices/${d.id}`, { removeLines: [l1.id] });
    expect(res.body.lines.map((l: any) => l.id)).toEqual([l2.id]);
    const list = (await admin.get("/api/bookings/uninvoiced?limit=500")).body.items.map((b: any) => b.id);
    expect(list).toContain(l1.bookingId);
    const last = await admin.send("PATCH", `/api/invoices/${d.id}`, { removeLines: [l2.id] });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe("EMPTY_INVOICE");
  });

  it.each([
    [{}, /nothing to change/],
    [{ lines: [{ id: "00000000-0000-4000-8000-000000000000", quantity: "1" }] }, /not a line of this invoice/],
    [{ lines: [{ id: "00000000-0000-4000-8000-000000000000", quantity: "-1" }] }, /quantity must be more than 0/],
    [{ lines: [{ id: "00000000-0000-4000-8000-000000000000", unitPrice: "1.23456" }] }, /at most 4 decimals/],
    [{ dueDate: "31/01/2027" }, /dueDate/],
  ])("rejects the edit %j with 400", async (body, message) => {
    const d = await draft(1);
    const res = await admin.send("PATCH", `/api/invoices/${d.id}`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it("finalizes drafts with consecutive numbers and makes them immutable, in the API and in the database", async () => {
    const year = new Date().getUTCFullYear();
    const [a, b] = [await draft(1), await draft(1)];
    const fa = await admin.post(`/api/invoices/${a.id}/finalize`);
    const fb = await admin.post(`/api/invoices/${b.id}/finalize`);
    expect([fa.body.number, fb.body.number]).toEqual([`INV-${year}-00001`, `INV-${year}-00002`]);
    expect(fa.body.status).toBe("final");
    expect(fa.body.warnings).toEqual([]);
    for (const res of [
      await admin.send("PATCH", `/api/invoices/${a.id}`, { notes: "x" }),
      await admin.del(`/api/invoices/${a.id}`),
      await admin.post(`/api/invoices/${a.id}/finalize`),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("NOT_DRAFT");
    }
    await expect(server.api.ctx.db.query("UPDATE invoices SET total = 0 WHERE id = $1", [a.id])).rejects.toThrow(/final and cannot change/);
    await expect(server.api.ctx.db.query("DELETE FROM invoice_lines WHERE invoice_id = $1", [a.id])).rejects.toThrow(/final and cannot change/);
    const other = client(server.url, await server.token({ tenantId: `${DEMO_TENANT_ID}-b` }));
    expect((await other.post(`/api/invoices/${b.id}/finalize`)).status).toBe(404);
  });

  it("renders a PDF and a CSV export", async () => {
    const d = await draft(2);
    const pdf = await fetch(`${server.url}/api/invoices/${d.id}/pdf`, { headers: { authorization: `Bearer ${await server.token()}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(1500);
    const csv = await fetch(`${server.url}/api/invoices/export.csv?ids=${d.id}`, { headers: { authorization: `Bearer ${await server.token()}` } });
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await csv.text()).replace(/^\ufeff/, "").trim().split("\r\n");
    expect(lines[0]).toBe("invoice_number,status,customer,customer_email,issue_date,due_date,currency,line_date,description,quantity,unit_price,amount,tax_category,tax_rate,invoice_net,invoice_tax,invoice_total,booking_id,invoice_paid,payment_status");
    expect(lines).toHaveLength(1 + d.lines.length);
    expect(lines[1]).toContain(`,draft,${d.customer.name},${d.customer.email},`);
    expect(lines[1]).toContain(`,${d.lines[0].amount},S,21,${d.net},${d.tax},${d.total},${d.lines[0].bookingId},0.00,`);
    expect((await admin.get("/api/invoices/export.csv?ids=nope")).status).toBe(400);
  });

  it("extracts the tax when Bookings prices include it, so the total equals the booked price", async () => {
    const setup = (await admin.get("/api/setup")).body;
    await admin.put("/api/setup", { businessId: setup.businessId, customerTemplate: setup.customerTemplate, pricesIncludeTax: true });
    const d = await draft(1);
    expect(d.total).toBe(d.lines[0].amount);
    expect(Number(d.net) + Number(d.tax)).toBeCloseTo(Number(d.total), 2);
    expect(d.net).toBe((Math.round((Number(d.total) / 1.21) * 100) / 100).toFixed(2));
    await admin.put("/api/setup", { businessId: setup.businessId, customerTemplate: setup.customerTemplate, pricesIncludeTax: false });
  });
});
