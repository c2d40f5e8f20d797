// API shapes of the invoices routes (PRODUCT.md §5); types only, so the tab imports them too and cannot drift.

/** One invoice line: one attendee of one booking. */
export interface InvoiceLineView {
  bookingId: string;
  description: string;
  serviceDate: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  taxRate: string;
  flags: string[];
}

/** An invoice as the API returns it. */
export interface InvoiceView {
  id: string;
  number: string | null;
  status: "draft" | "final";
  customerId: string;
  customer: { name: string; email: string | null };
  currency: string;
  issueDate: string;
  dueDate: string | null;
  notes: string | null;
  lines: InvoiceLineView[];
  net: string;
  tax: string;
  total: string;
  warnings: string[];
  createdAt: string;
}

/** One page of GET /api/invoices. */
export interface InvoicePage {
  items: InvoiceView[];
  nextCursor: string | null;
}

/** A booking (or one attendee of it) left out of a create, and why. */
export interface Skipped {
  bookingId: string;
  reason: "notFound" | "cancelled" | "notCompleted" | "free" | "noCustomer";
  attendee?: string;
}

/** Answer of POST /api/invoices. */
export interface CreateResult {
  invoices: InvoiceView[];
  skipped: Skipped[];
}
