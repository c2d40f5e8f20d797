// Request shapes of sending documents by e-mail (PRODUCT.md §4.9), with clear messages.
import { z } from "zod";
import { ZListInvoicesQuery } from "../invoices/invoice.schema";
import { ZDeliverySettings } from "../setup/deliverySettings.schema";

/** At most this many documents in one send request (a month of a busy practice is a few hundred). */
export const MAX_SEND = 5_000;

/** Body of POST /api/invoices/send: the documents by id, or every one the list's filter matches. */
export const ZSendInvoices = z
  .object({
    invoiceIds: z.array(z.uuid("invoiceIds must be invoice ids")).min(1, "invoiceIds is empty: pick at least one document").max(MAX_SEND, `send at most ${MAX_SEND} documents at once`).optional(),
    filter: ZListInvoicesQuery.pick({ status: true, kind: true, customerId: true, paymentStatus: true, delivery: true, q: true }).strict().optional(),
    /** Send documents that were sent already once more (a new message each). */
    resend: z.boolean().default(false),
  })
  .strict()
  .refine((b) => (b.invoiceIds === undefined) !== (b.filter === undefined), { message: "give either invoiceIds or filter" });
export type TSendInvoices = z.infer<typeof ZSendInvoices>;

/** Body of POST /api/invoices/remind: overdue invoices by id, or the list's filter; neither: every overdue invoice. */
export const ZSendReminders = z
  .object({
    invoiceIds: ZSendInvoices.shape.invoiceIds,
    filter: ZSendInvoices.shape.filter,
  })
  .strict()
  .refine((b) => b.invoiceIds === undefined || b.filter === undefined, { message: "give invoiceIds or filter, not both" });
export type TSendReminders = z.infer<typeof ZSendReminders>;

/**
 * Body of POST /api/setup/delivery/test: where the test message goes (the caller's own address by default), in which
 * language, and the delivery settings to try (the form as it stands; absent: the saved ones).
 */
export const ZTestDelivery = z
  .object({
    to: z.email("to must be an e-mail address such as you@example.nl").max(320).optional(),
    language: z.enum(["en", "nl"], "language must be en or nl").default("en"),
    delivery: ZDeliverySettings.optional(),
  })
  .strict();
