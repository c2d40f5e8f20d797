// Calls of the payments of an invoice (PRODUCT.md §4.9): record one, undo one. Both answer the invoice as it is then.
import type { ApiClient } from "../../../shared/apiClient";
import type { Invoice } from "../invoice.types";
import type { PaymentBody } from "./paymentForm";

/** Records a payment; the same `idempotencyKey` (one per form submission) never records it twice, however often sent. */
export function recordPayment(api: ApiClient, invoiceId: string, body: PaymentBody, idempotencyKey: string): Promise<Invoice> {
  return api.post<Invoice>(`/api/invoices/${encodeURIComponent(invoiceId)}/payments`, body, { headers: { "Idempotency-Key": idempotencyKey } });
}

/** Undoes a payment recorded by mistake; 404 NOT_FOUND when it is already gone. */
export async function deletePayment(api: ApiClient, invoiceId: string, paymentId: string): Promise<Invoice> {
  // The client's del answers nothing; the invoice is read back as it is without the payment.
  await api.del(`/api/invoices/${encodeURIComponent(invoiceId)}/payments/${encodeURIComponent(paymentId)}`);
  return api.get<Invoice>(`/api/invoices/${encodeURIComponent(invoiceId)}`);
}
