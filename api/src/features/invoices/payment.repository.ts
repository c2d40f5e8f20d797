// SQL for the payments of invoices (migration 019): record one, undo one, read them, and the payment status in SQL.
// No business rules here: recordPayment and deletePayment decide; paymentStatus.ts is the same status in TypeScript.
import { randomUUID } from "node:crypto";
import type { Queryable } from "../../shared/db";
import type { PaymentMethod } from "./invoice.types";
import { CREDITED_SUM, PAID_SUM } from "./invoice.repository";

/** One stored payment. */
export interface PaymentRow {
  id: string;
  invoice_id: string;
  amount: string;
  paid_on: string;
  method: PaymentMethod;
  recorded_at: Date;
  recorded_by: string;
  recorded_by_name: string | null;
}

/**
 * The payment status of invoice `i` (joined as in INVOICE_COLUMNS) as of the business date in SQL parameter `today`:
 * paymentStatusOf's rule, so the list filters on exactly what the invoices say. Null for drafts and credit notes.
 */
export function paymentStatusSql(today: string): string {
  return `CASE WHEN i.status <> 'final' OR i.kind <> 'invoice' THEN NULL
    WHEN i.total - ${CREDITED_SUM} - ${PAID_SUM} <= 0 THEN 'paid'
    WHEN i.due_date < ${today}::date THEN 'overdue'
    WHEN ${PAID_SUM} > 0 THEN 'partiallyPaid'
    ELSE 'open' END`;
}

/** The payments of the given invoices, in the order they were recorded per invoice. */
export async function findPayments(db: Queryable, tenantId: string, invoiceIds: string[]): Promise<PaymentRow[]> {
  if (invoiceIds.length === 0) return [];
  const { rows } = await db.query<PaymentRow>(
    `SELECT id, invoice_id, amount::text AS amount, to_char(paid_on, 'YYYY-MM-DD') AS paid_on, method, recorded_at, recorded_by, recorded_by_name
     FROM invoice_payments WHERE tenant_id = $1 AND invoice_id IN (SELECT unnest($2::uuid[])) ORDER BY invoice_id, seq`,
    [tenantId, invoiceIds],
  );
  return rows;
}

/** What is due on an invoice, as exact decimals: its total, what credit notes credit of it, and what was paid. */
export async function findBalance(db: Queryable, tenantId: string, invoiceId: string): Promise<{ total: string; credited: string; paid: string; issue_date: string } | undefined> {
  const { rows } = await db.query<{ total: string; credited: string; paid: string; issue_date: string }>(
    `SELECT i.total::text AS total, ${CREDITED_SUM}::text AS credited, ${PAID_SUM}::text AS paid, to_char(i.issue_date, 'YYYY-MM-DD') AS issue_date
     FROM invoices i WHERE i.tenant_id = $1 AND i.id = $2`,
    [tenantId, invoiceId],
  );
  return rows[0];
}

/** A payment to record. */
export interface NewPayment {
  invoiceId: string;
  amount: string;
  date: string;
  method: PaymentMethod;
  recordedAt: Date;
  recordedBy: string;
  recordedByName: string | null;
}

/** Inserts a payment; answers its id. */
export async function insertPayment(db: Queryable, tenantId: string, p: NewPayment): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO invoice_payments (tenant_id, id, invoice_id, amount, paid_on, method, recorded_at, recorded_by, recorded_by_name)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9)`,
    [tenantId, id, p.invoiceId, p.amount, p.date, p.method, p.recordedAt, p.recordedBy, p.recordedByName],
  );
  return id;
}

/** Deletes one payment of an invoice; false when the invoice has no such payment. */
export async function deletePaymentRow(db: Queryable, tenantId: string, invoiceId: string, paymentId: string): Promise<boolean> {
  const { rowCount } = await db.query("DELETE FROM invoice_payments WHERE tenant_id = $1 AND invoice_id = $2 AND id = $3", [tenantId, invoiceId, paymentId]);
  return rowCount > 0;
}
