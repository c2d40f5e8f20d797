// Turns uninvoiced rows into the API's booking items, priced per open attendee.
import { Decimal, moneyString } from "../../shared/money";
import { priceAttendee } from "../invoices/pricing";
import type { UninvoicedRow } from "./bookings.repository";
import type { BookingItem } from "./booking.types";

/** Minutes between start and end. */
export function durationOf(row: { start_at: Date; end_at: Date }): number {
  return Math.round((row.end_at.getTime() - row.start_at.getTime()) / 60_000);
}

/** Prices a row and shapes it for the API; the amount covers every attendee not yet invoiced. */
export function presentBooking(row: UninvoicedRow): BookingItem {
  const durationMinutes = durationOf(row);
  const flags = new Set<string>();
  let amount = new Decimal(0);
  for (const _attendee of row.attendees) {
    const line = priceAttendee({ priceType: row.price_type, price: row.price, durationMinutes, currency: row.currency, itemDefaultPrice: row.item_default_price });
    if (!line) continue;
    amount = amount.plus(line.amount);
    line.flags.forEach((f) => flags.add(f));
  }
  if (row.attendees.length === 0 || row.attendees.some((a) => a.customerId === null)) flags.add("noCustomer");
  return {
    id: row.id,
    start: row.start_at.toISOString(),
    end: row.end_at.toISOString(),
    durationMinutes,
    serviceId: row.service_id,
    serviceName: row.service_name,
    staffMemberIds: row.staff_member_ids,
    staffNames: row.staff_names,
    priceType: row.price_type,
    currency: row.currency,
    amount: moneyString(amount, row.currency),
    customers: row.attendees.map(({ bookingsCustomerId, customerId, name, email }) => ({ bookingsCustomerId, customerId, name, email })),
    flags: [...flags].sort(),
  };
}
