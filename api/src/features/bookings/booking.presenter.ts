// Turns uninvoiced rows into the API's booking items.
import { moneyString } from "../../shared/money";
import type { UninvoicedRow } from "./bookings.repository";
import type { BookingItem } from "./booking.types";

/** Minutes between start and end. */
export function durationOf(row: { start_at: Date; end_at: Date }): number {
  return Math.round((row.end_at.getTime() - row.start_at.getTime()) / 60_000);
}

/** Shapes a row for the API; the amount covers every attendee not yet invoiced. */
export function presentBooking(row: UninvoicedRow): BookingItem {
  const flags = new Set<string>(row.attendees.flatMap((a) => a.flags));
  if (row.attendees.length === 0 || row.attendees.some((a) => a.customerId === null)) flags.add("noCustomer");
  if (row.cancelled) flags.add("cancelled-on-draft");
  return {
    id: row.id,
    start: row.start_at.toISOString(),
    end: row.end_at.toISOString(),
    durationMinutes: durationOf(row),
    serviceId: row.service_id,
    serviceName: row.service_name,
    staffMemberIds: row.staff_member_ids,
    staffNames: row.staff_names,
    priceType: row.price_type,
    currency: row.currency,
    amount: moneyString(row.amount, row.currency),
    customers: row.attendees.map(({ key, bookingsCustomerId, customerId, name, email, amount }) => ({
      attendee: key,
      bookingsCustomerId,
      customerId,
      name,
      email,
      amount: moneyString(amount, row.currency),
    })),
    flags: [...flags].sort(),
  };
}
