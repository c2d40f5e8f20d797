// Use case: turn selected bookings into draft invoices, all in one transaction, never invoicing an attendee twice.
import type { Db, Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { CustomerIndex } from "../customers/customerIndex";
import { customerTemplateOf } from "../setup/customerTemplate";
import { findSetup } from "../setup/setup.repository";
import type { TSetup } from "../setup/setup.schema";
import { findInvoices, findLines, insertDraft, loadBillable, loadCustomerTerms, setAttendeeCustomer, type BillableRow, type NewLine } from "./invoice.repository";
import { presentInvoices } from "./invoice.presenter";
import type { CreateResult, Skipped } from "./invoice.types";
import { invoiceTotals, priceAttendee } from "./pricing";
import type { TCreateInvoices } from "./invoice.schema";

/** A priced line waiting for its invoice. */
interface PendingLine extends Omit<NewLine, "taxRate"> {
  customerId: string;
  currency: string;
  start: Date;
}

/** Creates draft invoices for the requested bookings, grouped as asked. */
export async function createInvoices(
  deps: { db: Db; now: () => Date },
  tenantId: string,
  userId: string,
  input: TCreateInvoices,
): Promise<CreateResult> {
  const setup = await findSetup(deps.db, tenantId);
  if (!setup) throw new AppError("NOT_CONFIGURED", "Bookings is not set up yet: an admin has to pick a Bookings business first.");
  const groupBy = input.groupBy ?? setup.defaultGroupBy;
  try {
    const ids = await deps.db.transaction(async (tx) => {
      const rows = await loadBillable(tx, tenantId, input.bookingIds);
      const { lines, skipped, conflicts } = await planLines(tx, tenantId, setup, rows, input.bookingIds, deps.now());
      if (conflicts.length) throw alreadyInvoiced(conflicts);
      const invoiceIds = await writeDrafts(tx, tenantId, userId, setup, groupBy, lines, deps.now());
      return { invoiceIds, skipped };
    });
    const invoices = await findInvoices(deps.db, tenantId, ids.invoiceIds);
    return { invoices: presentInvoices(invoices, await findLines(deps.db, tenantId, ids.invoiceIds)), skipped: ids.skipped };
  } catch (err) {
    // A concurrent request invoiced some of the same attendees first: the unique constraint rolled us back.
    if (isUniqueViolation(err)) throw alreadyInvoiced(await invoicedAmong(deps.db, tenantId, input.bookingIds));
    throw err;
  }
}

async function planLines(tx: Queryable, tenantId: string, setup: TSetup, rows: BillableRow[], requested: string[], now: Date) {
  const skipped: Skipped[] = [];
  const conflicts: string[] = [];
  const lines: PendingLine[] = [];
  const byBooking = groupRows(rows);
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
        else lines.push(priceLine(a, customerId, attendees.length > 1));
      }
    }
  }
  return { lines, skipped, conflicts };
}

function groupRows(rows: BillableRow[]): Map<string, BillableRow[]> {
  const map = new Map<string, BillableRow[]>();
  for (const r of rows) map.set(r.booking_id, [...(map.get(r.booking_id) ?? []), r]);
  return map;
}

function priceLine(a: BillableRow, customerId: string, isGroup: boolean): PendingLine {
  const durationMinutes = Math.round((a.end_at.getTime() - a.start_at.getTime()) / 60_000);
  const priced = priceAttendee({ priceType: a.price_type, price: a.price, durationMinutes, currency: a.currency, itemDefaultPrice: a.item_default_price })!;
  // The line's service date says when; a clock time here would be in UTC and confuse the customer.
  const who = isGroup && a.attendee_name ? ` · ${a.attendee_name}` : "";
  return {
    bookingId: a.booking_id,
    attendeeKey: a.attendee_key!,
    description: `${a.service_name} · ${durationMinutes} min${who}`,
    serviceDate: a.start_at.toISOString().slice(0, 10),
    quantity: priced.quantity,
    unitPrice: priced.unitPrice,
    amount: priced.amount,
    priceType: a.price_type,
    customerId,
    currency: a.currency,
    start: a.start_at,
  };
}

async function writeDrafts(tx: Queryable, tenantId: string, userId: string, setup: TSetup, groupBy: string, lines: PendingLine[], now: Date): Promise<string[]> {
  const groups = new Map<string, PendingLine[]>();
  for (const l of lines) {
    const key = groupBy === "booking" ? `${l.bookingId}|${l.attendeeKey}` : groupBy === "customerMonth" ? `${l.customerId}|${l.serviceDate.slice(0, 7)}` : l.customerId;
    groups.set(`${key}|${l.currency}`, [...(groups.get(`${key}|${l.currency}`) ?? []), l]);
  }
  const terms = await loadCustomerTerms(tx, tenantId, [...new Set(lines.map((l) => l.customerId))]);
  const issueDate = now.toISOString().slice(0, 10);
  const ids: string[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const t = terms.get(first.customerId)!;
    const withTax = group.sort((a, b) => a.start.getTime() - b.start.getTime()).map((l) => ({ ...l, taxRate: t.tax_rate }));
    const totals = invoiceTotals(withTax, { currency: first.currency, pricesIncludeTax: setup.pricesIncludeTax });
    const dueDate = new Date(now.getTime() + t.payment_terms_days * 86_400_000).toISOString().slice(0, 10);
    ids.push(await insertDraft(tx, tenantId, { customerId: first.customerId, currency: first.currency, issueDate, dueDate, ...totals, createdBy: userId, lines: withTax }));
  }
  return ids;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "23505";
}

async function invoicedAmong(db: Db, tenantId: string, bookingIds: string[]): Promise<string[]> {
  const { rows } = await db.query<{ booking_id: string }>(
    "SELECT DISTINCT booking_id FROM invoice_lines WHERE tenant_id = $1 AND booking_id = ANY($2::text[]) ORDER BY booking_id",
    [tenantId, bookingIds],
  );
  return rows.map((r) => r.booking_id);
}

function alreadyInvoiced(bookingIds: string[]): AppError {
  const n = bookingIds.length;
  return new AppError("ALREADY_INVOICED", `${n} of the selected bookings ${n === 1 ? "is" : "are"} already on an invoice.`, { bookingIds });
}
