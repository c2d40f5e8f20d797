// Use cases on one draft: edit it (lines, due date, notes; totals recomputed) and finalize it with a gapless number.
import type { Db, Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { applyLineEdits, fitsMoneyColumn } from "./applyLineEdits";
import {
  countLinesToFinalize,
  deleteLines,
  findDraftLines,
  lockInvoice,
  markFinal,
  takeNextNumber,
  updateDraftHeader,
  updateLines,
  type LockedInvoice,
} from "./draft.repository";
import { getInvoice, noSuchInvoice } from "./getInvoice";
import type { TEditInvoice } from "./invoice.schema";
import type { InvoiceView } from "./invoice.types";
import { invoiceTotals } from "./invoiceTotals";
import { findSetup } from "../setup/setup.repository";
import { LEGACY_TIME_ZONE } from "../setup/setup.schema";
import { dateIn } from "../../shared/businessDates";

/** Locks the draft until the transaction ends; throws NOT_FOUND when the tenant has no such invoice, NOT_DRAFT when final. */
async function lockDraft(tx: Queryable, tenantId: string, id: string): Promise<LockedInvoice> {
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
export async function editDraft(deps: { db: Db }, tenantId: string, id: string, edit: TEditInvoice): Promise<InvoiceView> {
  const setup = await findSetup(deps.db, tenantId, { unreadableSecrets: "skip" });
  return deps.db.transaction(async (tx) => {
    const inv = await lockDraft(tx, tenantId, id);
    const plan = applyLineEdits(await findDraftLines(tx, tenantId, id), edit, inv.currency);
    const totals = invoiceTotals(plan.remaining, { currency: inv.currency, pricesIncludeTax: setup?.pricesIncludeTax ?? false });
    if (![totals.net, totals.tax, totals.total].every(fitsMoneyColumn)) throw new AppError("BAD_REQUEST", "lines: the invoice total would be too large.");
    // The draft row is locked, so its lines cannot change between the read and this write.
    await updateLines(tx, tenantId, id, plan.updates);
    await deleteLines(tx, tenantId, id, plan.removeIds);
    await updateDraftHeader(tx, tenantId, id, { dueDate: edit.dueDate, notes: edit.notes, totals });
    return getInvoice({ db: tx }, tenantId, id);
  });
}

/** Finalizes a draft: the next number of the tenant's gapless yearly series, assigned in the same transaction. */
export async function finalizeDraft(deps: { db: Db; now: () => Date }, tenantId: string, id: string): Promise<InvoiceView> {
  const timeZone = (await findSetup(deps.db, tenantId, { unreadableSecrets: "skip" }))?.timeZone ?? LEGACY_TIME_ZONE;
  return deps.db.transaction(async (tx) => {
    await lockDraft(tx, tenantId, id);
    const { lines, cancelled } = await countLinesToFinalize(tx, tenantId, id);
    if (!lines) throw new AppError("EMPTY_INVOICE", "A draft without lines cannot be finalized.");
    if (cancelled) throw new AppError("CONFLICT", `${cancelled} line(s) bill a booking that was cancelled in Bookings; remove them before finalizing.`);
    // The business's today: an invoice finalized at 00:30 in Amsterdam is dated that day, not the UTC day before.
    const today = dateIn(timeZone, deps.now());
    const year = Number(today.slice(0, 4));
    const number = `INV-${year}-${String(await takeNextNumber(tx, tenantId, year)).padStart(5, "0")}`;
    await markFinal(tx, tenantId, id, number, today);
    return getInvoice({ db: tx }, tenantId, id);
  });
}
