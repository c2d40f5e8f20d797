// Use case: undo a payment recorded by mistake (PRODUCT.md §4.9); the invoice is answered as it is without it.
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { lockInvoice } from "./draft.repository";
import { getInvoice, noSuchInvoice } from "./getInvoice";
import type { InvoiceView } from "./invoice.types";
import { deletePaymentRow } from "./payment.repository";

/** The answer for a payment the invoice does not have (unknown, already undone, or another invoice's). */
export const noSuchPayment = () => new AppError("NOT_FOUND", "No such payment.");

/** Deletes one payment of an invoice; NOT_FOUND for no such invoice or payment. The invoice is locked, as recordPayment locks it. */
export async function deletePayment(deps: { db: Db; now: () => Date }, tenantId: string, invoiceId: string, paymentId: string): Promise<InvoiceView> {
  return deps.db.transaction(async (tx) => {
    if (!(await lockInvoice(tx, tenantId, invoiceId))) throw noSuchInvoice();
    if (!(await deletePaymentRow(tx, tenantId, invoiceId, paymentId))) throw noSuchPayment();
    return getInvoice({ db: tx, now: deps.now }, tenantId, invoiceId);
  });
}
