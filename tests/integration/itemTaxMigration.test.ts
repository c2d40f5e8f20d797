// Covers migration 014 on both stores: applied over invoices and items stored by 013, it gives items the rate their
// setup's customer template had, lines their category, invoices whether their amounts include tax — and changes no
// stored total; the breakdown read back from the lines equals the stored totals, also for final invoices.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getInvoices } from "../../api/src/features/invoices/getInvoice";
import { openDb, type Db } from "../../api/src/shared/db";
import { migrate } from "../../api/src/shared/migrate";
import { testStore, testStores } from "../factories/testServer";

const NL = "tenant-nl";
const ZERO = "tenant-zero";

async function seed(db: Db): Promise<Record<string, string>> {
  for (const [tenant, rate] of [[NL, 21], [ZERO, 0]] as const) {
    await db.query("INSERT INTO tenant_setup (tenant_id, business_id, settings) VALUES ($1, 'b@x.example', $2)", [tenant, JSON.stringify({ customerTemplate: { taxRate: rate, paymentTermsDays: 14, language: "en" } })]);
    await db.query("INSERT INTO service_items (tenant_id, bookings_service_id, name, price_type) VALUES ($1, 'svc-1', 'Session', 'fixedPrice')", [tenant]);
  }
  const ids: Record<string, string> = {};
  // [name, tenant, status, [amounts], rate, net, tax, total]: exclusive, inclusive, untaxed, and a final inclusive one.
  const invoices: [string, string, string, string[], string, string, string, string][] = [
    ["exclusive", NL, "draft", ["62.50", "85.00"], "21", "147.50", "30.98", "178.48"],
    ["inclusive", NL, "draft", ["100.00"], "21", "82.64", "17.36", "100.00"],
    ["finalInclusive", NL, "final", ["62.50", "62.50"], "21", "103.31", "21.69", "125.00"],
    ["untaxed", ZERO, "final", ["40.00"], "0", "40.00", "0.00", "40.00"],
  ];
  for (const [name, tenant, status, amounts, rate, net, tax, total] of invoices) {
    const customer = (await db.query<{ id: string }>("INSERT INTO customers (tenant_id, name, email, tax_rate) VALUES ($1, $2, $3, $4) RETURNING id", [tenant, name, `${name}@x.example`, rate])).rows[0]!.id;
    const id = (await db.query<{ id: string }>(
      "INSERT INTO invoices (tenant_id, customer_id, currency, issue_date, net, tax, total) VALUES ($1, $2, 'EUR', '2026-11-10', $3, $4, $5) RETURNING id",
      [tenant, customer, net, tax, total],
    )).rows[0]!.id;
    for (const [i, amount] of amounts.entries()) {
      await db.query(
        `INSERT INTO bookings (tenant_id, id, business_id, service_id, service_name, start_at, end_at, price, price_type, currency)
         VALUES ($1, $2, 'b@x.example', 'svc-1', 'Session', '2026-11-02T09:00:00Z', '2026-11-02T10:00:00Z', $3, 'fixedPrice', 'EUR')`,
        [tenant, `${name}-${i}`, amount],
      );
      await db.query(
        "INSERT INTO booking_attendees (tenant_id, booking_id, attendee_key, position, name, customer_id, quantity, unit_price, amount) VALUES ($1, $2, 'a0', 0, $3, $4, 1, $5, $5)",
        [tenant, `${name}-${i}`, name, customer, amount],
      );
      await db.query(
        `INSERT INTO invoice_lines (tenant_id, invoice_id, position, booking_id, attendee_key, description, service_date, quantity, unit_price, amount, tax_rate, price_type)
         VALUES ($1, $2, $3, $4, 'a0', 'Session', '2026-11-02', 1, $5, $5, $6, 'fixedPrice')`,
        [tenant, id, i, `${name}-${i}`, amount, rate],
      );
    }
    if (status === "final") await db.query("UPDATE invoices SET status = 'final', number = $2 WHERE id = $1", [id, `INV-2026-${name}`]);
    ids[name] = id;
  }
  return ids;
}

const stored = async (db: Db) => (await db.query("SELECT id, status, number, net::text, tax::text, total::text FROM invoices ORDER BY id")).rows;

describe.each(testStores())("migration 014 (VAT per item) on %s", (kind) => {
  const { store, dropStore } = testStore(kind);
  let db: Db;
  let ids: Record<string, string>;
  let before: unknown[];
  let applied: string[];
  beforeAll(async () => {
    db = await openDb(store);
    await migrate(db, { upTo: "013" });
    ids = await seed(db);
    before = await stored(db);
    applied = await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await dropStore();
  });

  it("changes no stored total or number, and final invoices stay immutable", async () => {
    expect(applied[0]).toBe("014");
    expect(await stored(db)).toEqual(before);
    await expect(db.query("UPDATE invoices SET notes = 'x' WHERE id = $1", [ids.finalInclusive])).rejects.toMatchObject({ code: "P0001" });
  });

  it("gives items the rate of their setup's customer template: S at 21 %, Z at 0", async () => {
    const { rows } = await db.query("SELECT tenant_id, tax_category, trim_scale(tax_rate)::text AS rate, tax_exemption_reason FROM service_items ORDER BY tenant_id");
    expect(rows).toEqual([
      { tenant_id: NL, tax_category: "S", rate: "21", tax_exemption_reason: null },
      { tenant_id: ZERO, tax_category: "Z", rate: "0", tax_exemption_reason: null },
    ]);
  });

  it("reads every invoice back with the breakdown its stored totals were computed from", async () => {
    const [exclusive, inclusive, finalInclusive] = await getInvoices({ db, now: () => new Date() }, NL, [ids.exclusive!, ids.inclusive!, ids.finalInclusive!]);
    expect(exclusive).toMatchObject({ pricesIncludeTax: false, net: "147.50", tax: "30.98", taxBreakdown: [{ category: "S", rate: "21", taxable: "147.50", tax: "30.98", exemptionReason: null }] });
    expect(inclusive).toMatchObject({ pricesIncludeTax: true, net: "82.64", tax: "17.36", taxBreakdown: [{ category: "S", rate: "21", taxable: "82.64", tax: "17.36" }] });
    expect(finalInclusive).toMatchObject({ status: "final", pricesIncludeTax: true, total: "125.00", taxBreakdown: [{ category: "S", rate: "21", taxable: "103.31", tax: "21.69" }] });
    expect(exclusive!.lines.map((l) => [l.taxCategory, l.taxRate])).toEqual([["S", "21"], ["S", "21"]]);
    const [untaxed] = await getInvoices({ db, now: () => new Date() }, ZERO, [ids.untaxed!]);
    expect(untaxed).toMatchObject({ pricesIncludeTax: false, taxBreakdown: [{ category: "Z", rate: "0", taxable: "40.00", tax: "0.00" }] });
  });

  it("leaves every stored line billing its attendee and every document an invoice after 015 (credit notes)", async () => {
    expect(applied).toEqual(expect.arrayContaining(["014", "015"]));
    expect((await db.query("SELECT DISTINCT bills, released, credited_line_id FROM invoice_lines")).rows).toEqual([{ bills: true, released: false, credited_line_id: null }]);
    expect((await db.query("SELECT DISTINCT kind, credited_invoice_id FROM invoices")).rows).toEqual([{ kind: "invoice", credited_invoice_id: null }]);
    // Each seeded booking has its attendee on a line, so none awaits invoicing.
    expect((await db.query("SELECT count(*)::int AS n FROM bookings WHERE open_count > 0")).rows[0]).toEqual({ n: 0 });
  });

  it("refuses a line or an item whose category and rate disagree", async () => {
    await expect(db.query("UPDATE service_items SET tax_category = 'S', tax_rate = 0 WHERE tenant_id = $1", [NL])).rejects.toMatchObject({ code: "23514" });
    await expect(db.query("UPDATE service_items SET tax_category = 'E', tax_rate = 0 WHERE tenant_id = $1", [NL])).rejects.toMatchObject({ code: "23514" });
    await expect(db.query("UPDATE invoice_lines SET tax_category = 'Z' WHERE invoice_id = $1", [ids.exclusive])).rejects.toMatchObject({ code: "23514" });
  });
});
