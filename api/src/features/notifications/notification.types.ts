// What a notification announces: the bookings awaiting invoicing as of one moment, summed exactly.

/** An exact amount in one currency (decimal string with the currency's minor digits). */
export interface MoneyTotal {
  currency: string;
  amount: string;
}

/** A customer with open attendee lines, by amount. */
export interface TopCustomer {
  name: string;
  currency: string;
  amount: string;
  bookings: number;
}

/** The bookings awaiting invoicing (PRODUCT.md §4.2) at `asOf`. */
export interface AwaitingSummary {
  asOf: string;
  count: number;
  /** Bookings not in any earlier announcement. */
  newCount: number;
  /** One total per currency, largest first. */
  totals: MoneyTotal[];
  /** Start of the oldest awaiting booking (ISO 8601 UTC), null when none await. */
  oldestStart: string | null;
  /** At most five, largest amount first. */
  topCustomers: TopCustomer[];
}

/** The channels a notification goes to. */
export type NotificationChannel = "webhook" | "activityFeed";
