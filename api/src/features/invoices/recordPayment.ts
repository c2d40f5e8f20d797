// Use case: record what a customer paid of a final invoice (PRODUCT.md §4.9) — never more than is left to pay, dated
// between the invoice's issue date and the business's today, and once per Idempotency-Key.
import { createHash } from "node:crypto";
import type { Db, Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { Decimal, minorUnits, moneyString } from "../../shared/money";
import type { Principal } from "../auth/principal";
import { keyReused } from "./createInvoices";
import { lockInvoice, type LockedInvoice } from "./draft.repository";
import { businessToday, getInvoice, noSuchInvoice } from "./getInvoice";
import { claimKey, storeKeyResponse } from "./idempotency.repository";
import type { InvoiceView } from "./invoice.types";
import { findBalance, insertPayment } from "./payment.repository";
import type { TRecordPayment } from "./payment.schema";

/** What recording a payment needs. */
export interface PaymentDeps {
  db: Db;
  now: () => Date;
}

/**
 * Records a payment and answers the invoice as it is now. The invoice row is locked for the whole transaction, so
 * concurrent payments (and credit notes) of one invoice queue, and each sees what the ones before it left to pay.
 * With an Idempotency-Key, the same user repeating the same request gets the first answer back and nothing is recorded twice.
 */
export async function recordPayment(deps: PaymentDeps, who: Principal, invoiceId: string, input: TRecordPayment, idempotencyKey?: string): Promise<InvoiceView> {
  const { tenantId } = who;
  // The invoice is part of the request: the same key and body for another invoice is another request.
  const requestHash = createHash("sha256").update(JSON.stringify({ payment: invoiceId, ...input })).digest("hex");
  const owner = idempotencyKey ? { tenantId, userId: who.userId, key: idempotencyKey } : undefined;
  const now = deps.now();
  // One instant for the whole request: the date check, recordedAt and the status answered agree.
  const read = (tx: Queryable) => ({ db: tx, now: () => now });
  return deps.db.transaction(async (tx) => {
    // The invoice first: a repeat of the same request queues here behind the first and then finds its answer under
    // the key, and an invoice the tenant does not have is a 404 whatever key comes with it.
    const locked = await lockInvoice(tx, tenantId, invoiceId);
    if (!locked) throw noSuchInvoice();
    if (owner) {
      const claim = await claimKey(tx, owner, requestHash);
      if (claim.kind === "existing") {
        if (claim.requestHash !== requestHash) throw keyReused();
        return claim.response as InvoiceView;
      }
    }
    const balance = (await findBalance(tx, tenantId, invoiceId))!;
    checkPayment(input, { ...locked, ...balance, today: await businessToday(read(tx), tenantId) });
    await insertPayment(tx, tenantId, {
      invoiceId,
      amount: input.amount,
      date: input.date,
      method: input.method,
      recordedAt: now,
      recordedBy: who.userId,
      recordedByName: who.name,
    });
    const invoice = await getInvoice(read(tx), tenantId, invoiceId);
    if (owner) await storeKeyResponse(tx, owner, 200, invoice);
    return invoice;
  });
}

// Refuses what cannot be paid (a credit note, a draft), an amount finer than the currency's minor unit or more than
// is left to pay, and a date outside the invoice's issue date … the business's today (both YYYY-MM-DD, compared as text).
function checkPayment(input: TRecordPayment, i: LockedInvoice & { total: string; credited: string; paid: string; issue_date: string; today: string }): void {
  if (i.kind === "creditNote") throw new AppError("NOT_AN_INVOICE", "A credit note is not paid; record the payment on an invoice.");
  if (i.status !== "final") throw new AppError("NOT_FINAL", "Only a final invoice is paid; finalize the draft first.");
  const digits = minorUnits(i.currency);
  const amount = new Decimal(input.amount);
  if (amount.decimalPlaces() > digits) throw new AppError("BAD_REQUEST", `amount: ${i.currency} amounts have at most ${digits} decimal${digits === 1 ? "" : "s"}.`);
  if (input.date > i.today) throw new AppError("BAD_REQUEST", `date: a payment cannot be dated after today (${i.today} in the business's time zone).`);
  if (input.date < i.issue_date) throw new AppError("BAD_REQUEST", `date: a payment cannot be dated before the invoice's issue date (${i.issue_date}).`);
  const outstanding = new Decimal(i.total).minus(i.credited).minus(i.paid);
  if (amount.gt(outstanding)) {
    const left = moneyString(Decimal.max(outstanding, 0), i.currency);
    throw new AppError("PAYMENT_EXCEEDS_OUTSTANDING", `The payment is more than is left to pay on this invoice: ${left} ${i.currency} is outstanding.`, { outstanding: left });
  }
}
