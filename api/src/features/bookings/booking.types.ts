// API shapes of the bookings routes (PRODUCT.md §5); types only, so the tab imports them too and cannot drift.

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
  totals: { count: number; amount: string; currency: string | null };
}
