// Calls of sending final documents by e-mail and reminding overdue invoices; each answers 202 with the job that sends.
import type { ApiClient } from "../../../shared/apiClient";
import type { RemindAccepted, SendAccepted } from "../invoice.types";

/** Queues the documents for sending; `resend` sends ones that went out already once more. 409 DELIVERY_DISABLED while sending is off. */
export function sendInvoices(api: ApiClient, invoiceIds: readonly string[], resend = false): Promise<SendAccepted> {
  return api.post<SendAccepted>("/api/invoices/send", { invoiceIds, resend });
}

/** Queues the next reminder of each overdue invoice among these. */
export function remindInvoices(api: ApiClient, invoiceIds: readonly string[]): Promise<RemindAccepted> {
  return api.post<RemindAccepted>("/api/invoices/remind", { invoiceIds });
}
