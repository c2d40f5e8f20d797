// API shapes of the invoices routes (PRODUCT.md §5); types only, so the tab imports them too and cannot drift.
import type { TAddress } from "../../shared/partySchemas";
import type { TaxCategory } from "../../shared/taxSchemas";
import type { TaxGroup } from "./invoiceTotals";

/** One invoice line: one attendee of one booking. */
export interface InvoiceLineView {
  id: string;
  bookingId: string;
  description: string;
  serviceDate: string;
  quantity: string;
  /** What the quantity counts: hours for an hourly service, else pieces (one booking). */
  unit: "hour" | "each";
  unitPrice: string;
  amount: string;
  /** The VAT the line was priced with (its service item's at the time): S, Z or E, the rate in percent, and for E the text printed. */
  taxCategory: TaxCategory;
  taxRate: string;
  taxExemptionReason: string | null;
  /** For E: the VATEX code the e-invoice states (VATEX-EU-132-1C), if the item has one. */
  taxExemptionCode: string | null;
  /** On a credit note: the invoice line it credits; null on an invoice. */
  creditedLineId: string | null;
  flags: string[];
}

/** An invoice as the API returns it. */
export interface InvoiceView {
  id: string;
  /** An invoice, or a credit note correcting one (PRODUCT.md §4.7): final from the start, amounts positive. */
  kind: "invoice" | "creditNote";
  number: string | null;
  status: "draft" | "final";
  /** On a credit note: the invoice it credits, its number, and why. */
  creditedInvoiceId: string | null;
  creditedInvoiceNumber: string | null;
  creditReason: string | null;
  customerId: string;
  customer: { name: string; email: string | null; address: TAddress };
  currency: string;
  issueDate: string;
  dueDate: string | null;
  notes: string | null;
  lines: InvoiceLineView[];
  net: string;
  tax: string;
  total: string;
  /** Whether the line amounts include VAT (net and tax were split out of them) or VAT was added on top. */
  pricesIncludeTax: boolean;
  /** Tax per (category, rate) group (PRODUCT.md §4.3); the groups' taxable amounts add up to `net` and their taxes to `tax`. */
  taxBreakdown: TaxGroup[];
  /** What credit notes credit of this invoice in total; "0.00" on a credit note. */
  credited: string;
  /** The payments recorded against a final invoice (PRODUCT.md §4.9), oldest first; empty on drafts and credit notes. */
  payments: PaymentView[];
  /** What the payments add up to; "0.00" when there are none. */
  paid: string;
  /** total − credited − paid (negative when more came in than is due); "0.00" on a credit note. */
  outstanding: string;
  /** Where payment of a final invoice stands as of today in the business's time zone; null for drafts and credit notes. */
  paymentStatus: PaymentStatus | null;
  /** Whether and when the document went to its customer by e-mail (PRODUCT.md §4.9). */
  delivery: InvoiceDelivery;
  /** The reminders sent (or on their way) for an overdue invoice, oldest first. */
  reminders: InvoiceReminder[];
  /** English sentences, one per warning (PRODUCT.md §5); `warningDetails` holds the same warnings as data. */
  warnings: string[];
  /** The warnings as codes with their parameters, in the order of `warnings`, so the tab can word them in its language. */
  warningDetails: InvoiceWarning[];
  createdAt: string;
}

/** How a payment was made. */
export type PaymentMethod = "bankTransfer" | "card" | "cash" | "other";

/** Where payment of a final invoice stands: nothing paid yet, part of it, all of it, or something left after the due date. */
export type PaymentStatus = "open" | "partiallyPaid" | "paid" | "overdue";

/** One recorded payment of an invoice. */
export interface PaymentView {
  id: string;
  amount: string;
  /** The day it was paid (YYYY-MM-DD), as the person recording it said. */
  date: string;
  method: PaymentMethod;
  recordedAt: string;
  /** Who recorded it: the name their token carried, else their user id. */
  recordedBy: string;
}

/** What a draft warning is about: a booking cancelled after drafting, lines without a price, or "starting at" prices. */
export type InvoiceWarningCode = "cancelledBooking" | "needsPrice" | "reviewPrice";

/** One draft warning as data; `message` is the English sentence also found in `warnings`. */
export type InvoiceWarning =
  | { code: "cancelledBooking"; message: string; bookingId: string; lineId: string; description: string }
  | { code: "needsPrice" | "reviewPrice"; message: string; count: number };

/** One page of GET /api/invoices. */
export interface InvoicePage {
  items: InvoiceView[];
  nextCursor: string | null;
}

/** What the invoice list can be sorted by (then by id). */
export type InvoiceSortKey = "created" | "issueDate" | "number" | "customer" | "total";
/** A sort order of GET /api/invoices: ascending, or descending with a leading "-"; "-created" (newest first) by default. */
export type InvoiceSort = InvoiceSortKey | `-${InvoiceSortKey}`;

/** Search and filters of GET /api/invoices. */
export interface InvoiceListFilter {
  /** `credited`: final invoices (not credit notes) that credit notes credit some of. */
  status?: "draft" | "final" | "credited";
  kind?: "invoice" | "creditNote";
  customerId?: string;
  /** Part of the invoice number or of the customer's name, in any case. */
  q?: string;
  /** Final invoices whose payment status is one of these (comma-separated in the query string). */
  paymentStatus?: PaymentStatus[];
  /** Final documents whose delivery status is one of these (comma-separated in the query string). */
  delivery?: InvoiceDelivery["status"][];
}

/** A booking (or one attendee of it) left out of a create, and why. */
export interface Skipped {
  bookingId: string;
  reason: "notFound" | "cancelled" | "notCompleted" | "free" | "noCustomer" | "alreadyInvoiced";
  attendee?: string;
}

/** Sums over every draft of one create or preview. */
export interface CreateTotals {
  invoices: number;
  lines: number;
  currency: string | null;
  net: string;
  tax: string;
  total: string;
  /** The drafts' tax groups summed per (category, rate). */
  taxBreakdown: TaxGroup[];
}

/** Answer of POST /api/invoices. */
export interface CreateResult {
  invoices: InvoiceView[];
  skipped: Skipped[];
  totals: CreateTotals;
}

/** Answer of POST /api/invoices/preview: what a create would make; nothing is stored, so drafts have no id. */
export interface PreviewResult {
  invoices: (Omit<InvoiceView, "id"> & { id: null })[];
  /** How many drafts `invoices` lists: all of them, or the first ones of a large selection (`totals.invoices` has all). */
  listed: number;
  skipped: Skipped[];
  totals: CreateTotals;
}

/** A document's delivery by e-mail: never queued ("notSent"), queued or being sent by a job, sent, or failed (why). */
export interface InvoiceDelivery {
  status: "notSent" | "queued" | "sending" | "sent" | "failed";
  to: string | null;
  sentAt: string | null;
  attempts: number;
  error: { code: string; message: string; requestId?: string } | null;
}

/** One reminder of an overdue invoice (PRODUCT.md §4.9): the how-manieth, and what became of it. */
export interface InvoiceReminder {
  seq: number;
  status: "queued" | "sending" | "sent" | "failed";
  to: string | null;
  sentAt: string | null;
  error: { code: string; message: string; requestId?: string } | null;
}
