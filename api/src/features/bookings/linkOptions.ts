// What the review queue shows beside each attendee without a customer (GET /api/bookings/uninvoiced?include=linkOptions):
// the phone the booking gave, suggested customers with why, and how many other bookings of the same person wait.
import type { Db } from "../../shared/db";
import { loadSuggestionCandidates } from "../customers/customer.repository";
import { CustomerSuggestions } from "../customers/customerSuggestions";
import { findAttendeeLinkFacts } from "./attendee.repository";
import type { BookingItem } from "./booking.types";

/** The items with `phone`, `suggestions` and `otherWaitingBookings` on every attendee that has no customer. */
export async function withLinkOptions(db: Db, tenantId: string, now: Date, items: BookingItem[]): Promise<BookingItem[]> {
  const unlinked = items.flatMap((b) => b.customers.filter((c) => c.customerId === null).map((c) => ({ bookingId: b.id, attendee: c.attendee })));
  if (unlinked.length === 0) return items;
  const [facts, candidates] = await Promise.all([findAttendeeLinkFacts(db, tenantId, now, unlinked), loadSuggestionCandidates(db, tenantId)]);
  const factOf = new Map(facts.map((f) => [`${f.bookingId}\n${f.attendee}`, f]));
  const suggestions = new CustomerSuggestions(candidates);
  return items.map((b) => ({
    ...b,
    customers: b.customers.map((c) => {
      if (c.customerId !== null) return c;
      const fact = factOf.get(`${b.id}\n${c.attendee}`);
      const phone = fact?.phone ?? null;
      return { ...c, phone, suggestions: suggestions.suggest({ name: c.name, phone }), otherWaitingBookings: fact?.otherWaiting ?? 0 };
    }),
  }));
}
