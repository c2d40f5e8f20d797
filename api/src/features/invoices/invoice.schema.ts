// Request schemas of the invoices routes.
import { z } from "zod";

const ZBookingId = z.string().min(1, "booking ids cannot be empty").max(512, "a booking id is at most 512 characters");

/** Body of POST /api/invoices (and /preview). */
export const ZCreateInvoices = z.object({
  bookingIds: z
    .array(ZBookingId)
    .min(1, "bookingIds: select at least one booking")
    .max(5000, "bookingIds: at most 5000 bookings per request")
    .transform((ids) => [...new Set(ids)]),
  groupBy: z.enum(["customer", "booking", "customerMonth"]).optional(),
});
export type TCreateInvoices = z.infer<typeof ZCreateInvoices>;

/** Query of GET /api/invoices. */
export const ZListInvoicesQuery = z.object({
  status: z.enum(["draft", "final"]).optional(),
  customerId: z.uuid("customerId must be a customer id").optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListInvoicesQuery = z.infer<typeof ZListInvoicesQuery>;

/** Path parameter of the single-invoice routes; anything but a UUID can never match, so it is a 404. */
export const ZInvoiceId = z.uuid();
