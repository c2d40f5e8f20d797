// API shapes of bookings awaiting invoicing and of invoices (PRODUCT.md §5).

/** One attendee of a booking, linked to a local customer when `customerId` is set. */
export interface BookingCustomer {
  bookingsCustomerId: string | null;
  customerId: string | null;
  name: string;
  email: string | null;
}

/** A completed booking that is not (fully) invoiced yet; `amount` covers all attendees. */
export interface Booking {
  id: string;
  start: string;
  end: string;
  durationMinutes: number;
  serviceId: string | null;
  serviceName: string;
  staffMemberIds: string[];
  staffNames?: string[];
  priceType: string;
  currency: string;
  amount: string;
  customers: BookingCustomer[];
  flags: string[];
}

/** One page of `GET /api/bookings/uninvoiced`. */
export interface UninvoicedPage {
  items: Booking[];
  nextCursor: string | null;
  totals: { count: number; amount: string };
}

/** An invoice line: one booking attendee. */
export interface InvoiceLine {
  bookingId: string;
  description: string;
  serviceDate: string;
  quantity: string;
  unitPrice: string;
  amount: string;
}

/** A draft or final invoice. */
export interface Invoice {
  id: string;
  number: string | null;
  status: "draft" | "final";
  customerId: string;
  customer: { name: string; email: string | null };
  currency: string;
  issueDate: string;
  lines: InvoiceLine[];
  net: string;
  tax: string;
  total: string;
  warnings: string[];
}

/** One page of `GET /api/invoices`. */
export interface InvoicePage {
  items: Invoice[];
  nextCursor: string | null;
}

/** Answer of `POST /api/invoices`. */
export interface CreateInvoicesResult {
  invoices: Invoice[];
  skipped: { bookingId: string; reason: string }[];
}
