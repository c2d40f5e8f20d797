// Query and response schemas of GET /api/insights: the Overview page's figures, aggregated by the store.
import { z } from "zod";

const MONTHS = "months: give a whole number of months from 1 to 24";

/** Query of GET /api/insights: how many calendar months the invoiced series covers, this month included. */
export const ZInsightsQuery = z.strictObject({
  months: z.coerce.number(MONTHS).int(MONTHS).min(1, MONTHS).max(24, MONTHS).default(12),
});
export type TInsightsQuery = z.infer<typeof ZInsightsQuery>;

/** Age buckets of bookings awaiting invoicing, in days since their start date in the business's time zone. */
export const AGE_BUCKETS = ["0-7", "8-30", "31-60", ">60"] as const;
export type TAgeBucket = (typeof AGE_BUCKETS)[number];

const ZMoney = z.string().regex(/^-?\d+(\.\d+)?$/).describe('exact decimal as a string in the row\'s currency, e.g. "62.50"');
const ZCounted = z.object({ currency: z.string(), count: z.number().int(), amount: ZMoney });
const ZRanked = {
  name: z.string().describe('from the synced service items / staff members; "Other …" for the folded rest, "No staff member" for bookings without one'),
  other: z.boolean().describe("true on the one row that sums everything below the top 10 of its currency"),
};

/** The answer of GET /api/insights. Every row carries its currency; the tenant's currency always has every slot (zeros included). */
export const ZInsights = z.object({
  asOf: z.string().describe("the instant the figures are computed for (ISO 8601 UTC)"),
  today: z.string().describe("today in the business's time zone (YYYY-MM-DD): ages, months and overdue are counted from it"),
  timeZone: z.string().describe("the setup's IANA time zone"),
  currency: z.string().describe("the tenant's currency: its rows come first; rows in other currencies (older bookings of another business) follow"),
  months: z.number().int(),
  awaiting: z.object({
    totals: z.array(ZCounted).describe("bookings awaiting invoicing and their amount, as GET /api/bookings/uninvoiced counts them"),
    byAge: z.array(ZCounted.extend({ bucket: z.enum(AGE_BUCKETS) })).describe("days since the booking's start date (the list's date), in the business's time zone"),
    byService: z.array(ZCounted.extend({ serviceId: z.string().nullable(), ...ZRanked })).describe("top 10 services by amount, then one row for the rest"),
    byStaff: z
      .array(ZCounted.extend({ staffId: z.string().nullable(), ...ZRanked }))
      .describe("top 10 staff members by amount, then one row for the rest; a booking with two staff members counts, with its whole amount, for each"),
  }),
  invoiced: z
    .array(z.object({ month: z.string().describe("YYYY-MM"), currency: z.string(), invoices: z.number().int(), creditNotes: z.number().int(), net: ZMoney, tax: ZMoney, total: ZMoney }))
    .describe("final invoices less final credit notes by issue month, oldest month first, empty months as zeros"),
  outstanding: z
    .array(ZCounted.extend({ overdue: z.object({ count: z.number().int(), amount: ZMoney }) }))
    .describe("final invoices with something left to pay: total − credited − paid; overdue once their due date has passed in the business's time zone"),
});
export type TInsights = z.infer<typeof ZInsights>;
