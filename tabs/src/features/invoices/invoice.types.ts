// API shapes of bookings awaiting invoicing and of invoices, imported from the API so tab and server cannot drift.
export type { BookingCustomer, BookingItem as Booking, UninvoicedPage } from "../../../../api/src/features/bookings/booking.types";
export type { CustomerSuggestion, LinkCustomerAnswer, LinkOutcome, SuggestionReason } from "../../../../api/src/features/bookings/booking.types";
export type {
  CreateResult as CreateInvoicesResult,
  CreateTotals,
  InvoiceDelivery,
  InvoiceLineView as InvoiceLine,
  InvoicePage,
  InvoiceView as Invoice,
  InvoiceReminder,
  InvoiceWarning,
  PreviewResult,
  Skipped,
} from "../../../../api/src/features/invoices/invoice.types";
export type { JobAccepted, JobError, JobStatus, JobView } from "../../../../api/src/features/jobs/job.types";
// Type only: the job's module is server code, but its result type is the shape GET /api/jobs/:id answers.
export type { CreateInvoicesJobResult } from "../../../../api/src/features/invoices/createInvoicesJob";
/** The 202 answers of POST /api/invoices/send and /remind, and why a document was left out (types only, as above). */
export type { RemindAccepted, SendAccepted } from "../../../../api/src/features/delivery/sendInvoices";
export type { NoReminder, NotQueued } from "../../../../api/src/features/delivery/delivery.repository";

/** A customer as GET /api/customers answers it, with the details a legal invoice needs (PRODUCT.md §4.6). */
export type { CustomerView as CustomerDetails } from "../../../../api/src/features/customers/customer.repository";
/** Body of PATCH /api/customers/:id. */
export type { TCustomerPatch as CustomerPatch } from "../../../../api/src/features/customers/customer.schema";

/** The fields of GET /api/customers the tab uses. */
export interface CustomerOption {
  id: string;
  name: string;
  email: string | null;
  active: boolean;
}

/** The fields of GET /api/items the tab uses; `bookingsServiceId` is what bookings filter on. */
export interface ServiceItemOption {
  bookingsServiceId: string;
  name: string;
  priceType: string;
  active: boolean;
}

/** One entry of GET /api/staff. */
export interface StaffOption {
  id: string;
  name: string;
}

/** How a create groups lines into drafts (PRODUCT.md §4.5). */
export type GroupBy = "customer" | "booking" | "customerMonth";
