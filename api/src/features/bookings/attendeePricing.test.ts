// Table-driven cases for the attendee pricing rules of PRODUCT.md §4.3.
import { describe, expect, it } from "vitest";
import { hours, priceAttendee } from "./attendeePricing";

describe("priceAttendee", () => {
  it.each([
    // priceType, price, minutes, currency, item default, quantity, unit price, amount, flags
    ["fixedPrice", "85", 45, "EUR", null, "1", "85", "85.00", []],
    ["fixedPrice", "85", 120, "EUR", null, "1", "85", "85.00", []], // never hours × price (BC's bug)
    ["hourly", "75", 50, "EUR", null, "0.8333", "75", "62.50", []],
    ["hourly", "75", 90, "EUR", null, "1.5", "75", "112.50", []],
    ["hourly", "60", 20, "EUR", null, "0.3333", "60", "20.00", []],
    ["hourly", "0.10", 1, "EUR", null, "0.0167", "0.1", "0.00", []],
    ["hourly", "9000", 50, "JPY", null, "0.8333", "9000", "7500", []],
    ["hourly", "7777", 50, "JPY", null, "0.8333", "7777", "6481", []], // 6480.5741 → 6481
    ["hourly", "10.005", 60, "BHD", null, "1", "10.005", "10.005", []],
    ["fixedPrice", "19.995", 30, "EUR", null, "1", "19.995", "20.00", []], // half-up, not banker's
    ["startingAt", "40", 30, "EUR", null, "1", "40", "40.00", ["review"]],
    ["priceVaries", "0", 30, "EUR", "55", "1", "55", "55.00", ["needsPrice"]],
    ["callUs", "0", 30, "EUR", "0", "1", "0", "0.00", ["needsPrice"]],
    ["notSet", "12", 30, "EUR", null, "1", "0", "0.00", ["needsPrice"]],
    ["undefined", "12", 30, "EUR", "30.5", "1", "30.5", "30.50", ["needsPrice"]],
    ["somethingNew", "12", 30, "EUR", "-5", "1", "0", "0.00", ["needsPrice"]],
  ] as const)("%s %s for %i min in %s (item %s) → %s × %s = %s", (priceType, price, minutes, currency, item, q, u, amount, flags) => {
    const line = priceAttendee({ priceType, price, durationMinutes: minutes, currency, itemDefaultPrice: item });
    expect(line).toEqual({ quantity: q, unitPrice: u, amount, flags: [...flags] });
  });

  it("does not bill free bookings", () => {
    expect(priceAttendee({ priceType: "free", price: "50", durationMinutes: 30, currency: "EUR" })).toBeNull();
  });
});

describe("hours", () => {
  it.each([
    [50, "0.8333"],
    [40, "0.6667"],
    [1, "0.0167"],
    [0, "0"],
    [600, "10"],
  ])("%i minutes → %s h", (minutes, expected) => {
    expect(hours(minutes).toString()).toBe(expected);
  });
});
