// Covers the review queue after a link: the answered booking and every other loaded booking of the same person leave
// the queue once all their attendees have a customer; a group booking with someone still unlinked stays, changed.
import { describe, expect, it } from "vitest";
import type { Booking, BookingCustomer, LinkCustomerAnswer } from "../invoice.types";
import { queueAfterLink } from "./queueAfterLink";

const person = (attendee: string, customerId: string | null = null, name = "Piet Jansen"): BookingCustomer => ({ attendee, bookingsCustomerId: null, customerId, name, email: null, amount: "50.00" });
const booking = (id: string, customers: BookingCustomer[], flags: string[] = ["noCustomer"]): Booking => ({
  id, start: "2026-05-01T08:00:00Z", end: "2026-05-01T08:45:00Z", durationMinutes: 45, serviceId: "s", serviceName: "Massage", staffMemberIds: [], staffNames: [],
  priceType: "fixedPrice", currency: "EUR", amount: "50.00", customers, flags,
});

describe("queueAfterLink", () => {
  const items = [booking("b1", [person("i:0")]), booking("b2", [person("i:0")]), booking("b3", [person("i:0"), person("c:other", null, "Ann")]), booking("b4", [person("i:0")])];
  const answer = (attendees: { bookingId: string; attendee: string }[]): LinkCustomerAnswer => ({
    ...booking("b1", [person("i:0", "cust-1")], []),
    linked: { customerId: "cust-1", customerCreated: true, bookingCount: new Set(attendees.map((a) => a.bookingId)).size, attendees },
  });

  it("drops the answered booking and the person's other loaded bookings, and keeps a group booking with someone unlinked", () => {
    const change = queueAfterLink(items, answer([{ bookingId: "b1", attendee: "i:0" }, { bookingId: "b2", attendee: "i:0" }, { bookingId: "b3", attendee: "i:0" }, { bookingId: "b9", attendee: "i:0" }]));
    expect(change.remove).toEqual(["b1", "b2"]);
    expect(change.replace.map((b) => b.id)).toEqual(["b3"]);
    expect(change.replace[0]!.customers.map((c) => [c.attendee, c.customerId])).toEqual([["i:0", "cust-1"], ["c:other", null]]);
  });

  it("touches nothing else when one booking is linked", () => {
    expect(queueAfterLink(items, answer([{ bookingId: "b1", attendee: "i:0" }]))).toEqual({ remove: ["b1"], replace: [] });
  });
});
