// Use cases on one draft: edit it (lines, due date, notes; totals recomputed) and finalize it with a gapless number.
import type { Db, Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { applyLineEdits, fitsMoneyColumn } from "./applyLineEdits";
import { deleteLines, findDraftLines, findInvoices, findLines, updateDraftHeader, updateLines } from "./invoice.repository";
import { presentInvoices } from "./invoice.presenter";
import type { TEditInvoice } from "./invoice.schema";
import type { InvoiceView } from "./invoice.types";
import { invoiceTotals } from "./invoiceTotals";
import { findSetup } from "../setup/setup.repository";

type Locked = { id: string; status: string; currency: string };

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

/**
 * Applies an edit to a draft and recomputes its totals; removed lines' bookings return to the uninvoiced list.
 * The statements are the same few whatever the number of lines changed (one UPDATE and one DELETE for all of them),
 * so a large edit holds the draft's lock — and, on PGlite, the only connection — for one round of statements.
 */
export async function editDraft(deps: { db: Db }, tenantId: string, id: string, edit: TEditInvoice): Promise<InvoiceView> {
  const setup = await findSetup(deps.db, tenantId, { unreadableSecrets: "skip" });
  return deps.db.transaction(async (tx) => {
    const inv = await lockInvoice(tx, tenantId, id);
    const plan = applyLineEdits(await findDraftLines(tx, tenantId, id), edit, inv.currency);
    const totals = invoiceTotals(plan.remaining, { currency: inv.currency, pricesIncludeTax: setup?.pricesIncludeTax ?? false });
    if (![totals.net, totals.tax, totals.total].every(fitsMoneyColumn)) throw new AppError("BAD_REQUEST", "lines: the invoice total would be too large.");
    // The draft row is locked, so its lines cannot change between the read and this write.
    await updateLines(tx, tenantId, id, plan.updates);
    await deleteLines(tx, tenantId, id, plan.removeIds);
    await updateDraftHeader(tx, tenantId, id, { dueDate: edit.dueDate, notes: edit.notes, totals });
    return present(tx, tenantId, id);
  });
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
