// Covers the wording of skipped bookings: reasons in words, grouped and counted once per booking.
import { describe, expect, it } from "vitest";
import { describeSkipped, groupSkipped, skippedReason } from "./describeSkipped";

describe("skipped bookings", () => {
  it("words every reason the API sends", () => {
    expect(["notFound", "cancelled", "notCompleted", "free", "noCustomer", "alreadyInvoiced"].map(skippedReason)).toEqual([
      "no longer available",
      "cancelled in Bookings",
      "not completed yet",
      "free service",
      "no linked customer",
      "already invoiced",
    ]);
    expect(skippedReason("somethingNew")).toBe("somethingNew");
  });

  it("groups by reason, counts a group booking once and keeps attendee names", () => {
    const groups = groupSkipped([
      { bookingId: "b1", reason: "noCustomer", attendee: "Leon Schulz" },
      { bookingId: "b1", reason: "noCustomer", attendee: "Ursula Braun" },
      { bookingId: "b2", reason: "noCustomer" },
      { bookingId: "b3", reason: "cancelled" },
    ]);
    expect(groups).toEqual([
      { reason: "noCustomer", label: "no linked customer", count: 2, attendees: ["Leon Schulz", "Ursula Braun"] },
      { reason: "cancelled", label: "cancelled in Bookings", count: 1, attendees: [] },
    ]);
  });

  it("summarises in one sentence", () => {
    expect(describeSkipped([{ bookingId: "b1", reason: "free" }])).toBe("1 booking was skipped: free service (1).");
    expect(
      describeSkipped([
        { bookingId: "b1", reason: "noCustomer" },
        { bookingId: "b2", reason: "alreadyInvoiced" },
      ]),
    ).toBe("2 bookings were skipped: already invoiced (1), no linked customer (1).");
  });
});
