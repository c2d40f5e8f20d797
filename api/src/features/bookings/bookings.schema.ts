// Query schema of GET /api/bookings/uninvoiced.
import { z } from "zod";

const ZDate = z.iso
  .datetime({ offset: true, error: "use an ISO 8601 date-time such as 2026-11-01T00:00:00Z" })
  .or(z.iso.date({ error: "use an ISO 8601 date such as 2026-11-01" }))
  .transform((s) => new Date(s));

/** Filters, cursor and page size. */
export const ZUninvoicedQuery = z.object({
  from: ZDate.optional(),
  to: ZDate.optional(),
  customerId: z.string().max(100).optional(),
  serviceId: z.string().max(200).optional(),
  staffId: z.string().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
