// The steps of creating drafts: decide which attendee lines to bill (linking customers), then group and write them.
import type { Queryable } from "../../shared/db";
import { CustomerIndex } from "../customers/customerIndex";
import { customerTemplateOf } from "../setup/customerTemplate";
import type { TSetup } from "../setup/setup.schema";
import { insertDrafts, loadCustomerTerms, setAttendeeCustomer, type BillableRow, type NewLine } from "./invoice.repository";
import type { Skipped } from "./invoice.types";
import { invoiceTotals } from "./pricing";

/** A priced line waiting for its invoice. */
export interface PendingLine extends Omit<NewLine, "taxRate"> {
  customerId: string;
  currency: string;
  start: Date;
}

/** The lines to bill, what is skipped and why, and bookings whose every attendee is already invoiced. */
export async function planLines(tx: Queryable, tenantId: string, setup: TSetup, rows: BillableRow[], requested: string[], now: Date) {
  const skipped: Skipped[] = [];
  const conflicts: string[] = [];
  const lines: PendingLine[] = [];
  const byBooking = groupBy(rows, (r) => r.booking_id);
  let index: CustomerIndex | undefined; // loaded only if some attendee still lacks a customer
  const linkNow = async (a: BillableRow) => {
    index ??= await CustomerIndex.load(tx, tenantId);
    const identity = { bookingsCustomerId: a.bookings_customer_id, name: a.attendee_name ?? "", email: a.attendee_email };
    const customerId = await index.link(tx, identity, customerTemplateOf(setup));
    if (customerId) await setAttendeeCustomer(tx, tenantId, a.booking_id, a.attendee_key!, customerId);
    return customerId;
  };
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
        const customerId = a.customer_id ?? (await linkNow(a));
        if (!customerId) skipped.push({ bookingId, reason: "noCustomer", attendee: a.attendee_name || a.attendee_key! });
        else lines.push(toPendingLine(a, customerId, attendees.length > 1));
      }
    }
  }
  return { lines, skipped, conflicts };
}

function toPendingLine(a: BillableRow, customerId: string, isGroup: boolean): PendingLine {
  const durationMinutes = Math.round((a.end_at.getTime() - a.start_at.getTime()) / 60_000);
  // The line's service date says when; a clock time here would be in UTC and confuse the customer.
  const who = isGroup && a.attendee_name ? ` · ${a.attendee_name}` : "";
  return {
    bookingId: a.booking_id,
    attendeeKey: a.attendee_key!,
    description: `${a.service_name} · ${durationMinutes} min${who}`,
    serviceDate: a.start_at.toISOString().slice(0, 10),
    quantity: a.quantity,
    unitPrice: a.unit_price,
    amount: a.amount,
    priceType: a.price_type,
    customerId,
    currency: a.currency,
    start: a.start_at,
  };
}

/** Groups lines into drafts (per customer, per booking attendee, or per customer and month) and writes them. */
export async function writeDrafts(tx: Queryable, tenantId: string, userId: string, setup: TSetup, grouping: string, lines: PendingLine[], now: Date): Promise<string[]> {
  const keyOf = (l: PendingLine) =>
    grouping === "booking" ? `${l.bookingId}|${l.attendeeKey}` : grouping === "customerMonth" ? `${l.customerId}|${l.serviceDate.slice(0, 7)}` : l.customerId;
  const groups = groupBy(lines, (l) => `${keyOf(l)}|${l.currency}`);
  const terms = await loadCustomerTerms(tx, tenantId, [...new Set(lines.map((l) => l.customerId))]);
  const issueDate = now.toISOString().slice(0, 10);
  const drafts = [...groups.values()].map((group) => {
    const first = group[0]!;
    const t = terms.get(first.customerId)!;
    const withTax = group.sort((a, b) => a.start.getTime() - b.start.getTime()).map((l) => ({ ...l, taxRate: t.tax_rate }));
    const totals = invoiceTotals(withTax, { currency: first.currency, pricesIncludeTax: setup.pricesIncludeTax });
    const dueDate = new Date(now.getTime() + t.payment_terms_days * 86_400_000).toISOString().slice(0, 10);
    return { customerId: first.customerId, currency: first.currency, issueDate, dueDate, ...totals, createdBy: userId, lines: withTax };
  });
  return insertDrafts(tx, tenantId, drafts);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
