// SQL for credit notes: the invoice's lines as crediting reads them, what earlier credit notes credited, and the
// release of credited lines whose attendees are to be invoiced again (the number series is draft.repository's).
import type { Queryable } from "../../shared/db";
import type { CreditableLine } from "./creditNotePlan";
import type { TaxGroup } from "./invoiceTotals";

/** The lines of an invoice, in order, with everything a credit line copies. */
export async function findCreditableLines(db: Queryable, tenantId: string, invoiceId: string): Promise<CreditableLine[]> {
  const { rows } = await db.query<CreditableLine>(
    `SELECT id, booking_id AS "bookingId", attendee_key AS "attendeeKey", description, to_char(service_date, 'YYYY-MM-DD') AS "serviceDate",
            trim_scale(quantity)::text AS quantity, trim_scale(unit_price)::text AS "unitPrice", amount::text AS amount,
            tax_category AS "taxCategory", trim_scale(tax_rate)::text AS "taxRate", tax_exemption_reason AS "taxExemptionReason",
            tax_exemption_code AS "taxExemptionCode", price_type AS "priceType"
     FROM invoice_lines WHERE tenant_id = $1 AND invoice_id = $2 ORDER BY position`,
    [tenantId, invoiceId],
  );
  return rows;
}

/** What the invoice's credit notes credited so far: per invoice line, and their tax groups (one list per credit note). */
export async function findEarlierCredits(db: Queryable, tenantId: string, invoiceId: string): Promise<{ creditedByLine: Map<string, string>; groups: TaxGroup[][] }> {
  const { rows: byLine } = await db.query<{ line_id: string; amount: string }>(
    `SELECT l.credited_line_id AS line_id, sum(l.amount)::text AS amount
     FROM invoices cn JOIN invoice_lines l ON l.tenant_id = cn.tenant_id AND l.invoice_id = cn.id
     WHERE cn.tenant_id = $1 AND cn.credited_invoice_id = $2 GROUP BY l.credited_line_id`,
    [tenantId, invoiceId],
  );
  const { rows: notes } = await db.query<{ tax_breakdown: TaxGroup[] }>(
    "SELECT tax_breakdown FROM invoices WHERE tenant_id = $1 AND credited_invoice_id = $2",
    [tenantId, invoiceId],
  );
  return { creditedByLine: new Map(byLine.map((r) => [r.line_id, r.amount])), groups: notes.map((n) => n.tax_breakdown) };
}

/** Releases credited lines: they no longer bill their attendee, who awaits invoicing again (migration 015's triggers). */
export async function releaseLines(db: Queryable, tenantId: string, lineIds: string[]): Promise<void> {
  if (lineIds.length === 0) return;
  await db.query("UPDATE invoice_lines SET released = true WHERE tenant_id = $1 AND id IN (SELECT unnest($2::uuid[])) AND NOT released", [tenantId, lineIds]);
}
