// API shapes of bookings awaiting invoicing and of invoices, imported from the API so tab and server cannot drift.
export type { BookingCustomer, BookingItem as Booking, UninvoicedPage } from "../../../../api/src/features/bookings/booking.types";
export type {
  CreateResult as CreateInvoicesResult,
  InvoiceLineView as InvoiceLine,
  InvoicePage,
  InvoiceView as Invoice,
} from "../../../../api/src/features/invoices/invoice.types";
