// API shapes of the bookings routes (PRODUCT.md §5); types only, so the tab imports them too and cannot drift.
import type { CustomerSuggestion } from "../customers/customerSuggestions";

export type { CustomerSuggestion, SuggestionReason } from "../customers/customerSuggestions";

/** One attendee of a booking; `customerId` is the local customer, null until linked. */
export interface BookingCustomer {
  /** Stable key of this attendee within the booking (used to link a customer by hand). */
  attendee: string;
  bookingsCustomerId: string | null;
  customerId: string | null;
  name: string;
  email: string | null;
  /** This attendee's line amount. */
  amount: string;
  /** With `include=linkOptions`, on an attendee without a customer: the phone number the booking gave. */
  phone?: string | null;
  /** With `include=linkOptions`: customers this attendee may be, best first, with why; never linked by themselves. */
  suggestions?: CustomerSuggestion[];
  /** With `include=linkOptions`: the same person's other bookings waiting for a customer (what `applyToAll` links). */
  otherWaitingBookings?: number;
}

/** A booking item of GET /api/bookings/uninvoiced; `amount` covers every attendee not yet invoiced. */
export interface BookingItem {
  id: string;
  start: string;
  end: string;
  durationMinutes: number;
  serviceId: string | null;
  serviceName: string;
  staffMemberIds: string[];
  staffNames: string[];
  priceType: string;
  currency: string;
  amount: string;
  customers: BookingCustomer[];
  flags: string[];
}

/** The page answer of GET /api/bookings/uninvoiced. */
export interface UninvoicedPage {
  items: BookingItem[];
  nextCursor: string | null;
  totals: {
    count: number;
    amount: string;
    currency: string | null;
    /**
     * Estimated VAT of `amount`: added to it, or (with the setup's pricesIncludeTax) included in it. Taxed as one
     * invoice per (category, rate) group, so the invoices made from the set may differ by their rounding; null while
     * the tenant is not set up.
     */
    tax: string | null;
  };
}

/** What one link-customer request linked. */
export interface LinkOutcome {
  /** The customer linked: the one given, or the one made (or found already made) for this person. */
  customerId: string;
  /** A new customer was made by this request. */
  customerCreated: boolean;
  /** Distinct bookings linked by this request, the booking of the path included. */
  bookingCount: number;
  /** Every attendee linked by this request, the one of the path first. */
  attendees: { bookingId: string; attendee: string }[];
}

/** The answer of POST /api/bookings/:id/link-customer: the booking as it now is, and what was linked. */
export type LinkCustomerAnswer = BookingItem & { linked: LinkOutcome };
