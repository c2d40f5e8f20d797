// Use cases on one draft: edit it (lines, due date, notes; totals recomputed) and finalize it with a gapless number.
import type { Db, Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { Decimal } from "../../shared/money";
import { findInvoices, findLines } from "./invoice.repository";
import { presentInvoices } from "./invoice.presenter";
import type { TEditInvoice } from "./invoice.schema";
import type { InvoiceView } from "./invoice.types";
import { invoiceTotals, lineAmount } from "./pricing";
import { findSetup } from "../setup/setup.repository";

type Locked = { id: string; status: string; currency: string };

// Amounts are numeric(19,4): at most 15 digits before the decimal point; larger ones are refused, not overflowed.
const MONEY_LIMIT = new Decimal("1e15");
const fitsMoneyColumn = (value: string) => new Decimal(value).abs().lt(MONEY_LIMIT);

async function lockInvoice(tx: Queryable, tenantId: string, id: string): Promise<Locked> {
  const { rows } = await tx.query<Locked>("SELECT id, status, currency FROM invoices WHERE tenant_id = $1 AND id = $2 FOR UPDATE", [tenantId, id]);
  const inv = rows[0];
  if (!inv) throw new AppError("NOT_FOUND", "No such invoice.");
  if (inv.status !== "draft") throw new AppError("NOT_DRAFT", "This invoice is final and can no longer change.");
  return inv;
}

async function present(tx: Queryable, tenantId: string, id: string): Promise<InvoiceView> {
  return presentInvoices(await findInvoices(tx, tenantId, [id]), await findLines(tx, tenantId, [id]))[0]!;
}

/** Applies an edit to a draft and recomputes its totals; removed lines' bookings return to the uninvoiced list. */
export async function editDraft(deps: { db: Db }, tenantId: string, id: string, edit: TEditInvoice): Promise<InvoiceView> {
  const setup = await findSetup(deps.db, tenantId, { unreadableSecrets: "skip" });
  return deps.db.transaction(async (tx) => {
    const inv = await lockInvoice(tx, tenantId, id);
    const { rows: lines } = await tx.query<{ id: string; quantity: string; unit_price: string }>(
      "SELECT id, trim_scale(quantity)::text AS quantity, trim_scale(unit_price)::text AS unit_price FROM invoice_lines WHERE tenant_id = $1 AND invoice_id = $2",
      [tenantId, id],
    );
    const byId = new Map(lines.map((l) => [l.id, l]));
    for (const [i, change] of (edit.lines ?? []).entries()) {
      const line = byId.get(change.id);
      if (!line) throw new AppError("BAD_REQUEST", `lines.${i}.id: not a line of this invoice.`);
      const quantity = change.quantity ?? line.quantity;
      const unitPrice = change.unitPrice ?? line.unit_price;
      const amount = lineAmount(quantity, unitPrice, inv.currency);
      if (!fitsMoneyColumn(amount)) throw new AppError("BAD_REQUEST", `lines.${i}: quantity × unitPrice is too large for an invoice line.`);
      await tx.query(
        "UPDATE invoice_lines SET description = COALESCE($3, description), quantity = $4, unit_price = $5, amount = $6 WHERE tenant_id = $1 AND id = $2",
        [tenantId, change.id, change.description ?? null, quantity, unitPrice, amount],
      );
    }
    for (const [i, lineId] of (edit.removeLines ?? []).entries()) {
      if (!byId.has(lineId)) throw new AppError("BAD_REQUEST", `removeLines.${i}: not a line of this invoice.`);
    }
    if (edit.removeLines?.length) {
      if (new Set(edit.removeLines).size >= lines.length) throw new AppError("EMPTY_INVOICE", "A draft needs at least one line; delete the draft instead.");
      await tx.query("DELETE FROM invoice_lines WHERE tenant_id = $1 AND invoice_id = $2 AND id IN (SELECT unnest($3::uuid[]))", [tenantId, id, edit.removeLines]);
    }
    await tx.query(
      `UPDATE invoices SET due_date = CASE WHEN $3 THEN $4::date ELSE due_date END, notes = CASE WHEN $5 THEN $6 ELSE notes END, updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, edit.dueDate !== undefined, edit.dueDate ?? null, edit.notes !== undefined, edit.notes ?? null],
    );
    await recomputeTotals(tx, tenantId, id, inv.currency, setup?.pricesIncludeTax ?? false);
    return present(tx, tenantId, id);
  });
}

async function recomputeTotals(tx: Queryable, tenantId: string, id: string, currency: string, pricesIncludeTax: boolean): Promise<void> {
  const { rows } = await tx.query<{ amount: string; tax_rate: string }>(
    "SELECT amount::text AS amount, tax_rate::text AS tax_rate FROM invoice_lines WHERE tenant_id = $1 AND invoice_id = $2",
    [tenantId, id],
  );
  const totals = invoiceTotals(rows.map((r) => ({ amount: r.amount, taxRate: r.tax_rate })), { currency, pricesIncludeTax });
  if (![totals.net, totals.tax, totals.total].every(fitsMoneyColumn)) throw new AppError("BAD_REQUEST", "lines: the invoice total would be too large.");
  await tx.query("UPDATE invoices SET net = $3, tax = $4, total = $5 WHERE tenant_id = $1 AND id = $2", [tenantId, id, totals.net, totals.tax, totals.total]);
}

/** Finalizes a draft: the next number of the tenant's gapless yearly series, assigned in the same transaction. */
export async function finalizeDraft(deps: { db: Db; now: () => Date }, tenantId: string, id: string): Promise<InvoiceView> {
  return deps.db.transaction(async (tx) => {
    await lockInvoice(tx, tenantId, id);
    const { rows } = await tx.query<{ lines: number; cancelled: number }>(
      `SELECT count(*)::int AS lines, count(*) FILTER (WHERE b.cancelled_at IS NOT NULL)::int AS cancelled
       FROM invoice_lines l LEFT JOIN bookings b ON b.tenant_id = l.tenant_id AND b.id = l.booking_id WHERE l.tenant_id = $1 AND l.invoice_id = $2`,
      [tenantId, id],
    );
    if (!rows[0]?.lines) throw new AppError("EMPTY_INVOICE", "A draft without lines cannot be finalized.");
    if (rows[0].cancelled) throw new AppError("CONFLICT", `${rows[0].cancelled} line(s) bill a booking that was cancelled in Bookings; remove them before finalizing.`);
    const today = deps.now().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    // The series row is locked until commit, so concurrent finalizes queue and numbers have no gaps.
    const { rows: series } = await tx.query<{ last_number: number }>(
      `INSERT INTO invoice_number_series (tenant_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (tenant_id, year) DO UPDATE SET last_number = invoice_number_series.last_number + 1 RETURNING last_number`,
      [tenantId, year],
    );
    const number = `INV-${year}-${String(series[0]!.last_number).padStart(5, "0")}`;
    await tx.query(
      `UPDATE invoices SET status = 'final', number = $3, issue_date = $4::date, due_date = GREATEST(COALESCE(due_date, $4::date), $4::date),
         finalized_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, number, today],
    );
    return present(tx, tenantId, id);
  });
}
