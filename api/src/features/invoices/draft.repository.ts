// SQL for one invoice's life as a draft: lock it, read and rewrite its lines, store its header, number it, delete it.
// No business rules here: editDraft, finalizeDraft and deleteDraft decide.
import type { Queryable } from "../../shared/db";
import type { DraftLine, LineUpdate } from "./applyLineEdits";
import type { TaxGroup } from "./invoiceTotals";

/** What a use case needs to know of a locked invoice. */
export interface LockedInvoice {
  id: string;
  status: string;
  kind: "invoice" | "creditNote";
  currency: string;
  pricesIncludeTax: boolean;
}

/** Locks one invoice row until the transaction ends; undefined when the tenant has no such invoice. */
export async function lockInvoice(db: Queryable, tenantId: string, id: string): Promise<LockedInvoice | undefined> {
  const { rows } = await db.query<LockedInvoice>('SELECT id, status, kind, currency, prices_include_tax AS "pricesIncludeTax" FROM invoices WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, id]);
  return rows[0];
}

/** Deletes an invoice row; its lines cascade, and their bookings return to the list through migration 004's triggers. */
export async function deleteInvoiceRow(db: Queryable, tenantId: string, id: string): Promise<void> {
  await db.query("DELETE FROM invoices WHERE tenant_id = $1 AND id = $2", [tenantId, id]);
}

/** A draft's lines as an edit reads them: exact decimals as text. */
export async function findDraftLines(db: Queryable, tenantId: string, invoiceId: string): Promise<DraftLine[]> {
  const { rows } = await db.query<DraftLine>(
    `SELECT id, trim_scale(quantity)::text AS quantity, trim_scale(unit_price)::text AS "unitPrice", amount::text AS amount,
            tax_category AS "taxCategory", trim_scale(tax_rate)::text AS "taxRate", tax_exemption_reason AS "taxExemptionReason"
     FROM invoice_lines WHERE tenant_id = $1 AND invoice_id = $2 ORDER BY position`,
    [tenantId, invoiceId],
  );
  return rows;
}

/** Writes new values of a draft's lines in one statement, however many; returns how many rows it updated. */
export async function updateLines(db: Queryable, tenantId: string, invoiceId: string, updates: LineUpdate[]): Promise<number> {
  if (updates.length === 0) return 0;
  const { rowCount } = await db.query(
    `UPDATE invoice_lines l SET description = COALESCE(x.description, l.description), quantity = x.quantity, unit_price = x.unit_price, amount = x.amount
     FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, description text, quantity numeric, unit_price numeric, amount numeric)
     WHERE l.tenant_id = $1 AND l.invoice_id = $2 AND l.id = x.id`,
    [tenantId, invoiceId, JSON.stringify(updates.map((u) => ({ id: u.id, description: u.description, quantity: u.quantity, unit_price: u.unitPrice, amount: u.amount })))],
  );
  return rowCount;
}

/** Deletes lines of a draft in one statement (their bookings return to the uninvoiced list through migration 004's triggers). */
export async function deleteLines(db: Queryable, tenantId: string, invoiceId: string, lineIds: string[]): Promise<void> {
  if (lineIds.length === 0) return;
  await db.query("DELETE FROM invoice_lines WHERE tenant_id = $1 AND invoice_id = $2 AND id IN (SELECT unnest($3::uuid[]))", [tenantId, invoiceId, lineIds]);
}

/** What an edit stores on the draft itself: due date and notes when given (undefined keeps them), and the new totals. */
export interface DraftHeaderChange {
  dueDate?: string | null;
  notes?: string | null;
  totals: { net: string; tax: string; total: string; taxBreakdown: TaxGroup[] };
}

/** Stores due date, notes and totals of a draft in one statement. */
export async function updateDraftHeader(db: Queryable, tenantId: string, invoiceId: string, change: DraftHeaderChange): Promise<void> {
  const { dueDate, notes, totals } = change;
  await db.query(
    `UPDATE invoices SET due_date = CASE WHEN $3 THEN $4::date ELSE due_date END, notes = CASE WHEN $5 THEN $6 ELSE notes END,
       net = $7, tax = $8, total = $9, tax_breakdown = $10::jsonb, updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, invoiceId, dueDate !== undefined, dueDate ?? null, notes !== undefined, notes ?? null, totals.net, totals.tax, totals.total, JSON.stringify(totals.taxBreakdown)],
  );
}

// Each kind of document numbers from a series of its own (PRODUCT.md §4.5, §4.7).
const SERIES_TABLE = { invoice: "invoice_number_series", creditNote: "credit_note_number_series" } as const;

/**
 * Takes the next number of the tenant's series of invoices or credit notes for a year. The series row stays locked
 * until commit, so concurrent finalizes (or credit notes) queue and the numbers have no gaps.
 */
export async function takeNextNumber(db: Queryable, tenantId: string, year: number, series: keyof typeof SERIES_TABLE = "invoice"): Promise<number> {
  const table = SERIES_TABLE[series];
  const { rows } = await db.query<{ last_number: number }>(
    `INSERT INTO ${table} (tenant_id, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (tenant_id, year) DO UPDATE SET last_number = ${table}.last_number + 1 RETURNING last_number`,
    [tenantId, year],
  );
  return rows[0]!.last_number;
}

/** Makes a draft final with its number and issue date; the due date is never before `earliestDue`. */
export async function markFinal(db: Queryable, tenantId: string, invoiceId: string, number: string, issueDate: string, earliestDue: string): Promise<void> {
  await db.query(
    `UPDATE invoices SET status = 'final', number = $3, issue_date = $4::date, due_date = GREATEST(COALESCE(due_date, $5::date), $5::date),
       finalized_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2`,
    [tenantId, invoiceId, number, issueDate, earliestDue],
  );
}
