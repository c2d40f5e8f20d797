// Checks the invoicing invariants straight in the store: one line per (booking, attendee), no invoice without lines,
// and every invoice's totals equal to what its lines add up to.
import { expect } from "vitest";
import type { Queryable } from "../../api/src/shared/db";
import { invoiceTotals, type TaxedAmount } from "../../api/src/features/invoices/invoiceTotals";

/** Asserts the invariants for every invoice in the store (made with prices including tax or not, when given); returns the number of lines. */
export async function expectInvoiceInvariants(db: Queryable, pricesIncludeTax?: boolean): Promise<number> {
  const dupes = await db.query("SELECT tenant_id, booking_id, attendee_key FROM invoice_lines GROUP BY 1, 2, 3 HAVING count(*) > 1");
  expect(dupes.rows).toEqual([]);
  const empty = await db.query("SELECT i.id FROM invoices i WHERE NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id)");
  expect(empty.rows).toEqual([]);
  const { rows } = await db.query<{ id: string; currency: string; net: string; tax: string; total: string; included: boolean; lines: TaxedAmount[] }>(
    `SELECT i.id, i.currency, i.net::text, i.tax::text, i.total::text, i.prices_include_tax AS included,
            json_agg(json_build_object('amount', l.amount::text, 'taxCategory', l.tax_category, 'taxRate', l.tax_rate::text)) AS lines
     FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id GROUP BY i.id`,
  );
  for (const inv of rows) {
    if (pricesIncludeTax !== undefined) expect(inv.included, `invoice ${inv.id} includes tax`).toBe(pricesIncludeTax);
    const expected = invoiceTotals(inv.lines, { currency: inv.currency, pricesIncludeTax: inv.included });
    expect([Number(inv.net), Number(inv.tax), Number(inv.total)], `invoice ${inv.id}`).toEqual([Number(expected.net), Number(expected.tax), Number(expected.total)]);
  }
  return rows.reduce((n, r) => n + r.lines.length, 0);
}
