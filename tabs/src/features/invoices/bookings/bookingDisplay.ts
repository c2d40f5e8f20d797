// Display helpers for bookings: attendee names in a compact form, unlinked attendees and a customer suggestion for them.
import { t } from "../../../shared/i18n/i18n";
import { foldText as fold } from "../customerSearch";
import type { Booking, BookingCustomer, CustomerOption } from "../invoice.types";

/** Attendee names of a booking, joined ("No attendee" when there is none). */
export function customerNames(booking: Pick<Booking, "customers">): string {
  return booking.customers.map((c) => c.name).filter(Boolean).join(", ") || t("invoices.grid.noAttendee");
}

/** Up to `max` names and "+N" for the rest, so a group booking fits one grid row. */
export function attendeeSummary(booking: Pick<Booking, "customers">, max = 2): string {
  const names = booking.customers.map((c) => c.name || c.email || t("invoices.grid.unnamedAttendee"));
  if (names.length === 0) return t("invoices.grid.noAttendee");
  const shown = names.slice(0, max).join(", ");
  return names.length > max ? `${shown} +${names.length - max}` : shown;
}

/** Attendees still without a local customer. */
export function unlinkedAttendees(booking: Pick<Booking, "customers">): BookingCustomer[] {
  return booking.customers.filter((c) => c.customerId === null);
}

/** An active customer whose e-mail, or else whose name, matches the attendee's exactly (ignoring case and accents); a suggestion only. */
export function suggestCustomer(attendee: Pick<BookingCustomer, "name" | "email">, customers: readonly CustomerOption[]): CustomerOption | null {
  const active = customers.filter((c) => c.active);
  if (attendee.email) {
    const email = attendee.email.trim().toLowerCase();
    const byEmail = active.find((c) => c.email?.toLowerCase() === email);
    if (byEmail) return byEmail;
  }
  const name = fold(attendee.name ?? "");
  if (!name) return null;
  const byName = active.filter((c) => fold(c.name) === name);
  // Two customers of the same name: guessing would risk billing the wrong person.
  return byName.length === 1 ? byName[0]! : null;
}
