// Covers booking display helpers: compact attendee names, unlinked attendees and the customer suggestion.
import { describe, expect, it } from "vitest";
import { attendeeSummary, customerNames, suggestCustomer, unlinkedAttendees } from "./bookingDisplay";
import type { BookingCustomer, CustomerOption } from "../invoice.types";

const attendee = (name: string, customerId: string | null = null, email: string | null = null): BookingCustomer => ({
  attendee: `k:${name}`,
  bookingsCustomerId: null,
  customerId,
  name,
  email,
  amount: "20.00",
});

const customers: CustomerOption[] = [
  { id: "c1", name: "Felix Bauer", email: "felix@example.com", active: true },
  { id: "c2", name: "Zoë Martin", email: null, active: true },
  { id: "c3", name: "Sam Lee", email: "sam1@example.com", active: true },
  { id: "c4", name: "Sam Lee", email: "sam2@example.com", active: true },
  { id: "c5", name: "Old Customer", email: "old@example.com", active: false },
];

describe("attendee names", () => {
  it("joins names and shortens big groups", () => {
    const group = { customers: ["A", "B", "C", "D"].map((n) => attendee(n)) };
    expect(customerNames(group)).toBe("A, B, C, D");
    expect(attendeeSummary(group)).toBe("A, B +2");
    expect(attendeeSummary({ customers: [attendee("A")] })).toBe("A");
    expect(attendeeSummary({ customers: [] })).toBe("No attendee");
    expect(customerNames({ customers: [] })).toBe("No attendee");
  });

  it("lists attendees without a customer", () => {
    expect(unlinkedAttendees({ customers: [attendee("A", "c1"), attendee("B")] }).map((a) => a.name)).toEqual(["B"]);
  });
});

describe("suggestCustomer", () => {
  it("prefers the e-mail, then a unique name, ignoring case and accents", () => {
    expect(suggestCustomer({ name: "Someone", email: "FELIX@example.com" }, customers)?.id).toBe("c1");
    expect(suggestCustomer({ name: " felix  bauer ", email: null }, customers)?.id).toBe("c1");
    expect(suggestCustomer({ name: "Zoe Martin", email: null }, customers)?.id).toBe("c2");
  });

  it("does not guess between namesakes or pick inactive customers", () => {
    expect(suggestCustomer({ name: "Sam Lee", email: null }, customers)).toBeNull();
    expect(suggestCustomer({ name: "Old Customer", email: "old@example.com" }, customers)).toBeNull();
    expect(suggestCustomer({ name: "", email: null }, customers)).toBeNull();
  });
});
