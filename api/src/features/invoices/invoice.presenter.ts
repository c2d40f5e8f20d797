// Invoice rows → the API's invoice shape (PRODUCT.md §5), with warnings a reviewer must see.
import { Decimal, minorUnits, moneyString, quantityString } from "../../shared/money";
import type { InvoiceRow, LineRow } from "./invoice.repository";
import { priceTypeFlags } from "../bookings/attendeePricing";
import type { InvoiceView, InvoiceWarning, PaymentView } from "./invoice.types";
import { invoiceTotals } from "./invoiceTotals";
import type { PaymentRow } from "./payment.repository";
import { paymentStatusOf } from "./paymentStatus";

/** What presenting needs besides the rows: their payments, and the business's today (YYYY-MM-DD) that overdue is told by. */
export interface PresentContext {
  payments: PaymentRow[];
  today: string;
}

/** Shapes invoices with their lines and payments; `lines` and `payments` may hold those of other invoices too. */
export function presentInvoices(rows: InvoiceRow[], lines: LineRow[], context: PresentContext): InvoiceView[] {
  const linesOf = groupBy(lines, (l) => l.invoice_id);
  const paymentsOf = groupBy(context.payments, (p) => p.invoice_id);
  return rows.map((r) => presentInvoice(r, linesOf.get(r.id) ?? [], paymentsOf.get(r.id) ?? [], context.today));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function presentInvoice(r: InvoiceRow, lines: LineRow[], payments: PaymentRow[], today: string): InvoiceView {
  const c = r.currency;
  const view = lines.map((l) => ({
    id: l.id,
    bookingId: l.booking_id,
    description: l.description,
    serviceDate: l.service_date,
    quantity: quantityString(l.quantity),
    unit: l.price_type === "hourly" ? ("hour" as const) : ("each" as const),
    unitPrice: unitPriceString(l.unit_price, c),
    amount: moneyString(l.amount, c),
    taxCategory: l.tax_category,
    taxRate: l.tax_rate,
    taxExemptionReason: l.tax_exemption_reason,
    taxExemptionCode: l.tax_exemption_code,
    creditedLineId: l.credited_line_id,
    flags: l.booking_cancelled ? [...priceTypeFlags(l.price_type), "cancelled"] : priceTypeFlags(l.price_type),
  }));
  const warnings = r.status === "draft" ? warningsFor(lines) : [];
  // What remains to be paid (or credited): nothing on a credit note itself; negative when more came in than was due.
  const outstanding = r.kind === "creditNote" ? moneyString(0, c) : moneyString(new Decimal(r.total).minus(r.credited).minus(r.paid), c);
  const paid = moneyString(r.paid, c);
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    status: r.status,
    creditedInvoiceId: r.credited_invoice_id,
    creditedInvoiceNumber: r.credited_invoice_number,
    creditReason: r.credit_reason,
    customerId: r.customer_id,
    customer: { name: r.customer_name, email: r.customer_email, address: r.customer_address },
    currency: c,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    notes: r.notes,
    lines: view,
    net: moneyString(r.net, c),
    tax: moneyString(r.tax, c),
    total: moneyString(r.total, c),
    pricesIncludeTax: r.prices_include_tax,
    // As stored; a document from before migration 015 has its groups computed again from its lines by the same rule.
    taxBreakdown:
      r.tax_breakdown ??
      invoiceTotals(
        lines.map((l) => ({ amount: l.amount, taxCategory: l.tax_category, taxRate: l.tax_rate, taxExemptionReason: l.tax_exemption_reason })),
        { currency: c, pricesIncludeTax: r.prices_include_tax },
      ).taxBreakdown,
    credited: moneyString(r.credited, c),
    payments: payments.map((p) => presentPayment(p, c)),
    paid,
    outstanding,
    delivery: r.delivery ?? NOT_SENT,
    reminders: r.reminders ?? [],
    paymentStatus: paymentStatusOf({ kind: r.kind, status: r.status, outstanding, paid, dueDate: r.due_date }, today),
    warnings: warnings.map((w) => w.message),
    warningDetails: warnings,
    createdAt: r.created_at.toISOString(),
  };
}

function presentPayment(p: PaymentRow, currency: string): PaymentView {
  return { id: p.id, amount: moneyString(p.amount, currency), date: p.paid_on, method: p.method, recordedAt: p.recorded_at.toISOString(), recordedBy: p.recorded_by_name ?? p.recorded_by };
}

function warningsFor(lines: LineRow[]): InvoiceWarning[] {
  const warnings: InvoiceWarning[] = [];
  for (const l of lines) {
    if (l.booking_cancelled) {
      const message = `The booking "${l.description}" was cancelled in Bookings after it was put on this draft.`;
      warnings.push({ code: "cancelledBooking", message, bookingId: l.booking_id, lineId: l.id, description: l.description });
    }
  }
  const unpriced = lines.filter((l) => priceTypeFlags(l.price_type).includes("needsPrice")).length;
  if (unpriced) {
    const message = `${unpriced} line${unpriced === 1 ? "" : "s"} need${unpriced === 1 ? "s" : ""} a price: the service has no fixed price in Bookings.`;
    warnings.push({ code: "needsPrice", message, count: unpriced });
  }
  const review = lines.filter((l) => l.price_type === "startingAt").length;
  if (review) warnings.push({ code: "reviewPrice", message: `${review} line${review === 1 ? " has" : "s have"} a "starting at" price: check the final amount.`, count: review });
  return warnings;
}

/** A unit price with at least the currency's minor digits, keeping finer ones ("75.00", "10.005"). */
export function unitPriceString(value: string, currency: string): string {
  const d = new Decimal(value);
  return d.toFixed(Math.max(minorUnits(currency), d.decimalPlaces()));
}

/** The delivery of a document never queued for sending. */
const NOT_SENT: InvoiceView["delivery"] = { status: "notSent", to: null, sentAt: null, attempts: 0, error: null };
