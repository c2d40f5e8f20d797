// Calls of the Overview: GET /api/insights and the shape it answers (api/src/features/insights/insights.schema.ts).
import type { ApiClient } from "../../shared/apiClient";

/** An exact decimal in its row's currency, as the API writes money ("62.50"; "1200" for JPY). */
export type Money = string;

/** Age of bookings awaiting invoicing: days since their start date, in the business's time zone. */
export type AgeBucket = "0-7" | "8-30" | "31-60" | ">60";
/** The age buckets in the order the API answers them, youngest first. */
export const AGE_BUCKETS: readonly AgeBucket[] = ["0-7", "8-30", "31-60", ">60"];

/** How many, and for how much, in one currency. */
export interface CountedAmount {
  currency: string;
  count: number;
  amount: Money;
}

/** One of the top 10 of a currency, or (`other`) the rest folded into one row. */
export interface RankedRow extends CountedAmount {
  /** Synced name; "Other services" / "Other staff" on the folded row, "No staff member" for bookings without one. */
  name: string;
  other: boolean;
}

/** Final invoices less final credit notes of one issue month. */
export interface InvoicedMonth {
  /** YYYY-MM */
  month: string;
  currency: string;
  invoices: number;
  creditNotes: number;
  net: Money;
  tax: Money;
  total: Money;
}

/** Final invoices with something left to pay (total − credited), and those past their due date. */
export interface Outstanding extends CountedAmount {
  overdue: { count: number; amount: Money };
}

/**
 * The Overview's figures. Every row carries its currency; rows in the tenant's `currency` come first and fill every
 * slot (every age bucket, every month, zeros included); rows in another currency, should there be any, follow.
 */
export interface Insights {
  /** The instant the figures are for (ISO 8601 UTC). */
  asOf: string;
  /** Today in the business's time zone (YYYY-MM-DD). */
  today: string;
  timeZone: string;
  currency: string;
  months: number;
  awaiting: {
    totals: CountedAmount[];
    byAge: (CountedAmount & { bucket: AgeBucket })[];
    byService: (RankedRow & { serviceId: string | null })[];
    /** A booking with two staff members counts, with its whole amount, for each. */
    byStaff: (RankedRow & { staffId: string | null })[];
  };
  /** Oldest month first. */
  invoiced: InvoicedMonth[];
  outstanding: Outstanding[];
}

/** Months the invoiced series may cover (the API refuses others with BAD_REQUEST). */
export const INSIGHTS_MONTHS = { min: 1, max: 24, default: 12 } as const;

/** The Overview's figures as of now, with the invoiced series over the last `months` calendar months (this one included). */
export function getInsights(api: ApiClient, months: number = INSIGHTS_MONTHS.default): Promise<Insights> {
  return api.get<Insights>(`/api/insights?months=${encodeURIComponent(String(months))}`);
}
