// Use case: edit a draft (lines, due date, notes; totals recomputed). finalizeDraft.ts makes it final.
import type { Db, Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { applyLineEdits, fitsMoneyColumn } from "./applyLineEdits";
import {
  deleteLines,
  findDraftLines,
  lockInvoice,
  updateDraftHeader,
  updateLines,
  type LockedInvoice,
} from "./draft.repository";
import { getInvoice, noSuchInvoice } from "./getInvoice";
import type { TEditInvoice } from "./invoice.schema";
import type { InvoiceView } from "./invoice.types";
import { invoiceTotals } from "./invoiceTotals";

/** Locks the draft until the transaction ends; throws NOT_FOUND when the tenant has no such invoice, NOT_DRAFT when final. */
export async function lockDraft(tx: Queryable, tenantId: string, id: string): Promise<LockedInvoice> {
  const inv = await lockInvoice(tx, tenantId, id);
  if (!inv) throw noSuchInvoice();
  if (inv.status !== "draft") throw new AppError("NOT_DRAFT", "This invoice is final and can no longer change.");
  return inv;
}

/**
 * Applies an edit to a draft and recomputes its totals; removed lines' bookings return to the uninvoiced list.
 * The statements are the same few whatever the number of lines changed (one UPDATE and one DELETE for all of them),
 * so a large edit holds the draft's lock — and, on PGlite, the only connection — for one round of statements.
 */
export async function editDraft(deps: { db: Db; now: () => Date }, tenantId: string, id: string, edit: TEditInvoice): Promise<InvoiceView> {
  return deps.db.transaction(async (tx) => {
    const inv = await lockDraft(tx, tenantId, id);
    const plan = applyLineEdits(await findDraftLines(tx, tenantId, id), edit, inv.currency);
    // The draft keeps the choice it was made with, whatever the setup says now.
    const totals = invoiceTotals(plan.remaining, { currency: inv.currency, pricesIncludeTax: inv.pricesIncludeTax });
    if (![totals.net, totals.tax, totals.total].every(fitsMoneyColumn)) throw new AppError("BAD_REQUEST", "lines: the invoice total would be too large.");
    // The draft row is locked, so its lines cannot change between the read and this write.
    await updateLines(tx, tenantId, id, plan.updates);
    await deleteLines(tx, tenantId, id, plan.removeIds);
    await updateDraftHeader(tx, tenantId, id, { dueDate: edit.dueDate, notes: edit.notes, totals });
    return getInvoice({ db: tx, now: deps.now }, tenantId, id);
  });
}
