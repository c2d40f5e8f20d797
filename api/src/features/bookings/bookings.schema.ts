// Query schema of GET /api/bookings/uninvoiced, and the filter of "create for every matching booking".
import { z } from "zod";
import { isStorableDate } from "../../shared/validate";
import { SORTS } from "./bookings.repository";

const ZDate = z.iso
  .datetime({ offset: true, error: "use an ISO 8601 date-time such as 2026-11-01T00:00:00Z" })
  .or(z.iso.date({ error: "use an ISO 8601 date such as 2026-11-01" }))
  .refine(isStorableDate, "use a date between the years 0001 and 9999 (in UTC)")
  .transform((s) => new Date(s));

const PRICE_TYPES = ["fixedPrice", "hourly", "startingAt", "priceVaries", "callUs", "notSet", "undefined", "unknownFutureValue"] as const;

/** Filters shared by the list and by create/preview `{ filter }`. */
export const ZUninvoicedFilter = z.object({
  from: ZDate.optional(),
  to: ZDate.optional(),
  customerId: z.string().max(100).optional(),
  serviceId: z.string().max(200).optional(),
  staffId: z.string().max(200).optional(),
  priceType: z
    .union([z.array(z.enum(PRICE_TYPES)), z.string().transform((s) => s.split(",").map((t) => t.trim())).pipe(z.array(z.enum(PRICE_TYPES)))])
    .optional(),
  flag: z.enum(["review", "needsPrice", "noCustomer", "cancelled-on-draft"]).optional(),
  q: z.string().trim().max(200).optional(),
});

/** Filters, sort, cursor and page size. */
export const ZUninvoicedQuery = ZUninvoicedFilter.extend({
  sort: z.enum(SORTS).default("date"),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** `linkOptions`: suggestions, phone and the person's other waiting bookings on attendees without a customer. */
  include: z.enum(["linkOptions"], "include: linkOptions, or leave it out").optional(),
});
