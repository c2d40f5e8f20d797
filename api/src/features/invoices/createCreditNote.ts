// Use case: correct a final invoice with a credit note (PRODUCT.md §4.7) — final at once, numbered from its own gapless
// series, never more than what is left to credit, optionally returning the credited attendees to the list.
import { dateIn } from "../../shared/businessDates";
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { findSetup } from "../setup/setup.repository";
import { LEGACY_TIME_ZONE } from "../setup/setup.schema";
import { findCreditableLines, findEarlierCredits, releaseLines } from "./creditNote.repository";
import { planCreditNote } from "./creditNotePlan";
import { lockInvoice, takeNextNumber } from "./draft.repository";
import { getInvoice, noSuchInvoice } from "./getInvoice";
import { insertInvoices } from "./invoice.repository";
import type { TCreateCreditNote } from "./invoice.schema";
import type { InvoiceView } from "./invoice.types";
import { sumTaxGroups } from "./invoiceTotals";

/**
 * Credits an invoice. The invoice row is locked for the whole transaction, so concurrent credit notes of one invoice
 * queue and each sees what the ones before it credited; the database's line rule and the number series lock do the rest.
 */
export async function createCreditNote(deps: { db: Db; now: () => Date }, tenantId: string, userId: string, invoiceId: string, input: TCreateCreditNote): Promise<InvoiceView> {
  const setup = await findSetup(deps.db, tenantId, { unreadableSecrets: "skip" });
  return deps.db.transaction(async (tx) => {
    const locked = await lockInvoice(tx, tenantId, invoiceId);
    if (!locked) throw noSuchInvoice();
    if (locked.kind === "creditNote") throw new AppError("NOT_FINAL", "A credit note cannot be credited; credit the invoice it corrects.");
    if (locked.status !== "final") throw new AppError("NOT_FINAL", "Only a final invoice is credited; a draft is edited or deleted instead.");
    const invoice = await getInvoice({ db: tx, now: deps.now }, tenantId, invoiceId);
    const earlier = await findEarlierCredits(tx, tenantId, invoiceId);
    const plan = planCreditNote(
      { currency: invoice.currency, pricesIncludeTax: invoice.pricesIncludeTax, lines: await findCreditableLines(tx, tenantId, invoiceId), taxBreakdown: invoice.taxBreakdown },
      { creditedByLine: earlier.creditedByLine, groups: sumTaxGroups(earlier.groups.flat(), invoice.currency) },
      { lines: input.lines, rebill: input.rebill },
    );
    const today = dateIn(setup?.timeZone ?? LEGACY_TIME_ZONE, deps.now());
    const year = Number(today.slice(0, 4));
    const number = `CN-${year}-${String(await takeNextNumber(tx, tenantId, year, "creditNote")).padStart(5, "0")}`;
    const [id] = await insertInvoices(tx, tenantId, [
      {
        customerId: invoice.customerId,
        currency: invoice.currency,
        issueDate: today,
        dueDate: null,
        ...plan.totals,
        pricesIncludeTax: invoice.pricesIncludeTax,
        createdBy: userId,
        lines: plan.lines,
        creditNote: { number, creditedInvoiceId: invoiceId, reason: input.reason },
      },
    ]);
    await releaseLines(tx, tenantId, plan.releaseLineIds);
    return getInvoice({ db: tx, now: deps.now }, tenantId, id!);
  });
}
