// Pure: how the loaded review queue changes after a link, so the linked bookings leave it without loading it again.
import type { Booking, LinkCustomerAnswer } from "../invoice.types";

/** Bookings to drop (every attendee has a customer now) and bookings to show as changed (others still wait). */
export interface QueueChange {
  remove: string[];
  replace: Booking[];
}

const waitsForCustomer = (b: Booking) => b.customers.length === 0 || b.customers.some((c) => c.customerId === null);

/** The answered booking as it now is, and every other loaded booking the link reached, with its attendees linked. */
export function queueAfterLink(items: readonly Booking[], answer: LinkCustomerAnswer): QueueChange {
  const { linked, ...booking } = answer;
  const change: QueueChange = { remove: [], replace: [] };
  const place = (b: Booking) => (waitsForCustomer(b) ? change.replace.push(b) : change.remove.push(b.id));
  place(booking);
  const name = booking.customers.find((c) => c.attendee === linked.attendees[0]?.attendee)?.name;
  const keysByBooking = new Map<string, Set<string>>();
  for (const a of linked.attendees) if (a.bookingId !== booking.id) keysByBooking.set(a.bookingId, (keysByBooking.get(a.bookingId) ?? new Set()).add(a.attendee));
  for (const item of items) {
    const keys = keysByBooking.get(item.id);
    if (!keys) continue;
    place({
      ...item,
      customers: item.customers.map((c) => (keys.has(c.attendee) ? { ...c, customerId: linked.customerId, name: name ?? c.name, suggestions: undefined, otherWaitingBookings: undefined } : c)),
    });
  }
  return change;
}
