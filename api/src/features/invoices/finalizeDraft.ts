// Use case: make a draft a final invoice — only when it is complete (PRODUCT.md §4.6), with the next number of a gapless
// yearly series, dated in the business's time zone, due after the customer's payment terms.
import { addDays, dateIn } from "../../shared/businessDates";
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { findSetup } from "../setup/setup.repository";
import { LEGACY_TIME_ZONE } from "../setup/setup.schema";
import { EMPTY_SUPPLIER } from "../setup/supplier.schema";
import { markFinal, takeNextNumber } from "./draft.repository";
import { lockDraft } from "./editDraft";
import { describeProblems, finalizeProblems } from "./finalizeProblems";
import { getInvoice } from "./getInvoice";
import { loadCustomerTerms } from "./invoice.repository";
import type { InvoiceView } from "./invoice.types";

/**
 * Finalizes a draft. Refuses with EMPTY_INVOICE without lines, and with NOT_READY and its `problems` while a legal
 * invoice would lack something; otherwise numbers it in the same transaction, so concurrent finalizes queue and the
 * series has no gaps. The due date is never earlier than the issue date plus the customer's payment terms.
 */
export async function finalizeDraft(deps: { db: Db; now: () => Date }, tenantId: string, id: string): Promise<InvoiceView> {
  const setup = await findSetup(deps.db, tenantId, { unreadableSecrets: "skip" });
  return deps.db.transaction(async (tx) => {
    await lockDraft(tx, tenantId, id);
    const draft = await getInvoice({ db: tx, now: deps.now }, tenantId, id);
    if (draft.lines.length === 0) throw new AppError("EMPTY_INVOICE", "A draft without lines cannot be finalized.");
    const problems = finalizeProblems({
      supplier: setup?.supplier ?? EMPTY_SUPPLIER,
      customerAddress: draft.customer.address,
      lines: draft.lines.map((l) => ({ id: l.id, unitPrice: l.unitPrice, flags: l.flags })),
    });
    if (problems.length) throw new AppError("NOT_READY", describeProblems(problems), { problems });
    // The business's today: an invoice finalized at 00:30 in Amsterdam is dated that day, not the UTC day before.
    const today = dateIn(setup?.timeZone ?? LEGACY_TIME_ZONE, deps.now());
    const terms = (await loadCustomerTerms(tx, tenantId, [draft.customerId])).get(draft.customerId);
    const year = Number(today.slice(0, 4));
    const number = `INV-${year}-${String(await takeNextNumber(tx, tenantId, year)).padStart(5, "0")}`;
    await markFinal(tx, tenantId, id, number, today, addDays(today, terms?.payment_terms_days ?? 0));
    return getInvoice({ db: tx, now: deps.now }, tenantId, id);
  });
}
