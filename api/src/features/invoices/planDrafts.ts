// The steps of creating drafts: decide which attendee lines to bill (linking customers), then group and write them.
import { addDays, dateIn } from "../../shared/businessDates";
import type { Queryable } from "../../shared/db";
import { CustomerIndex } from "../customers/customerIndex";
import { customerTemplateOf } from "../setup/customerTemplate";
import type { TItemTemplate, TSetup } from "../setup/setup.schema";
import type { ItemTax } from "../../shared/taxSchemas";
import { setAttendeeCustomer } from "../bookings/attendee.repository";
import { insertInvoices, loadCustomerTerms, type BillableRow, type CustomerTerms, type ItemTaxColumns, type NewInvoice, type NewLine } from "./invoice.repository";
import type { Skipped } from "./invoice.types";
import { invoiceTotals } from "./invoiceTotals";

/** A priced line waiting for its invoice, with the VAT of its service item. */
export interface PendingLine extends NewLine {
  customerId: string;
  currency: string;
  start: Date;
}

/** Finds (or makes) the customer of an attendee that has none yet; null when it cannot have one. */
export type CustomerResolver = (a: BillableRow) => Promise<string | null>;

/** Links an attendee without a customer as a create does (PRODUCT.md §4.4): found, or made from the template. */
export function linkingResolver(tx: Queryable, tenantId: string, setup: TSetup): CustomerResolver {
  let index: CustomerIndex | undefined; // loaded only if some attendee still lacks a customer
  return async (a) => {
    index ??= await CustomerIndex.load(tx, tenantId);
    const identity = { bookingsCustomerId: a.bookings_customer_id, name: a.attendee_name ?? "", email: a.attendee_email };
    const customerId = await index.link(tx, identity, customerTemplateOf(setup));
    if (customerId) await setAttendeeCustomer(tx, tenantId, a.booking_id, a.attendee_key!, customerId);
    return customerId;
  };
}

/** The lines to bill, what is skipped and why, and bookings whose every attendee is already invoiced. */
export async function planLines(tx: Queryable, tenantId: string, setup: TSetup, rows: BillableRow[], requested: string[], now: Date, resolve: CustomerResolver = linkingResolver(tx, tenantId, setup)) {
  const skipped: Skipped[] = [];
  const conflicts: string[] = [];
  const lines: PendingLine[] = [];
  const byBooking = groupBy(rows, (r) => r.booking_id);
  for (const bookingId of requested) {
    const attendees = byBooking.get(bookingId);
    const first = attendees?.[0];
    if (!first) skipped.push({ bookingId, reason: "notFound" });
    else if (first.cancelled) skipped.push({ bookingId, reason: "cancelled" });
    else if (first.end_at > now) skipped.push({ bookingId, reason: "notCompleted" });
    else if (first.price_type === "free") skipped.push({ bookingId, reason: "free" });
    else if (first.attendee_count === 0) skipped.push({ bookingId, reason: "noCustomer" });
    else if (attendees.every((a) => a.invoiced)) conflicts.push(bookingId);
    else {
      for (const a of attendees.filter((x) => !x.invoiced)) {
        const customerId = a.customer_id ?? (await resolve(a));
        if (!customerId) skipped.push({ bookingId, reason: "noCustomer", attendee: a.attendee_name || a.attendee_key! });
        else lines.push(toPendingLine(a, customerId, attendees.length > 1, setup));
      }
    }
  }
  return { lines, skipped, conflicts };
}

// The line an attendee is billed with.
function toPendingLine(a: BillableRow, customerId: string, isGroup: boolean, setup: TSetup): PendingLine {
  const durationMinutes = Math.round((a.end_at.getTime() - a.start_at.getTime()) / 60_000);
  // The line's service date (in the business's time zone) says when; no clock time, which would need a zone too.
  const who = isGroup && a.attendee_name ? ` · ${a.attendee_name}` : "";
  return {
    bookingId: a.booking_id,
    attendeeKey: a.attendee_key!,
    description: `${a.service_name} · ${durationMinutes} min${who}`,
    serviceDate: dateIn(setup.timeZone, a.start_at),
    quantity: a.quantity,
    unitPrice: a.unit_price,
    amount: a.amount,
    ...lineTax(a, setup.itemTemplate),
    priceType: a.price_type,
    customerId,
    currency: a.currency,
    start: a.start_at,
  };
}

/** The VAT a line is billed with: its service item's as it is now, or the item template's for a service without an item. */
export function lineTax(item: ItemTaxColumns, template: TItemTemplate): ItemTax {
  if (!item.tax_category || item.tax_rate === null) return { taxCategory: template.taxCategory, taxRate: template.taxRate, taxExemptionReason: template.taxExemptionReason, taxExemptionCode: template.taxExemptionCode };
  return { taxCategory: item.tax_category, taxRate: item.tax_rate, taxExemptionReason: item.tax_exemption_reason, taxExemptionCode: item.tax_exemption_code };
}

/** Groups lines into drafts (per customer, per booking attendee, or per customer and month) and writes them. */
export async function writeDrafts(tx: Queryable, tenantId: string, userId: string, setup: TSetup, grouping: string, lines: PendingLine[], now: Date): Promise<string[]> {
  const terms = await loadCustomerTerms(tx, tenantId, [...new Set(lines.map((l) => l.customerId))]);
  return insertInvoices(tx, tenantId, groupDrafts(lines, { grouping, terms, pricesIncludeTax: setup.pricesIncludeTax, timeZone: setup.timeZone, userId, now }));
}

/** The key of the draft a line goes on, for a grouping (`customer`, `booking`, `customerMonth`). */
export function draftKeyOf(grouping: string, l: Pick<PendingLine, "bookingId" | "attendeeKey" | "customerId" | "serviceDate" | "currency">): string {
  const key = grouping === "booking" ? `${l.bookingId}|${l.attendeeKey}` : grouping === "customerMonth" ? `${l.customerId}|${l.serviceDate.slice(0, 7)}` : l.customerId;
  return `${key}|${l.currency}`;
}

/**
 * Pure: lines grouped into drafts with their totals, lines by service time, drafts in the order of their first line.
 * Issue and due dates are the business's dates: today in its time zone, plus the customer's payment terms.
 */
export function groupDrafts(
  lines: PendingLine[],
  o: { grouping: string; terms: Map<string, Pick<CustomerTerms, "payment_terms_days">>; pricesIncludeTax: boolean; timeZone: string; userId: string; now: Date },
): NewInvoice[] {
  const groups = groupBy(lines, (l) => draftKeyOf(o.grouping, l));
  const issueDate = dateIn(o.timeZone, o.now);
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const t = o.terms.get(first.customerId)!;
    const lines = group.sort((a, b) => a.start.getTime() - b.start.getTime());
    const totals = invoiceTotals(lines, { currency: first.currency, pricesIncludeTax: o.pricesIncludeTax });
    const dueDate = addDays(issueDate, t.payment_terms_days);
    return { customerId: first.customerId, currency: first.currency, issueDate, dueDate, ...totals, pricesIncludeTax: o.pricesIncludeTax, createdBy: o.userId, lines };
  });
}

/** Items by key, in the order each key first appears. */
export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
