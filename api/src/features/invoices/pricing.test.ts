// Table-driven cases for the pricing rules of PRODUCT.md §4.3 and the invoice tax totals.
import { describe, expect, it } from "vitest";
import { hours, invoiceTotals, priceAttendee } from "./pricing";

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

describe("invoiceTotals", () => {
  it("adds tax on top when prices exclude tax", () => {
    const totals = invoiceTotals(
      [
        { amount: "62.50", taxRate: "21" },
        { amount: "85.00", taxRate: "21" },
        { amount: "10.00", taxRate: "9" },
      ],
      { currency: "EUR", pricesIncludeTax: false },
    );
    // 147.50 × 21 % = 30.975 → 30.98; 10 × 9 % = 0.90
    expect(totals).toEqual({ net: "157.50", tax: "31.88", total: "189.38" });
  });

  it("extracts tax when prices include tax, keeping the total equal to the line sum", () => {
    const totals = invoiceTotals([{ amount: "100.00", taxRate: "21" }], { currency: "EUR", pricesIncludeTax: true });
    expect(totals).toEqual({ net: "82.64", tax: "17.36", total: "100.00" });
  });

  it("rounds a zero-decimal currency to whole units", () => {
    const totals = invoiceTotals([{ amount: "6481", taxRate: "10" }], { currency: "JPY", pricesIncludeTax: false });
    expect(totals).toEqual({ net: "6481", tax: "648", total: "7129" });
  });

  it("gives zero totals for no lines", () => {
    expect(invoiceTotals([], { currency: "EUR", pricesIncludeTax: false })).toEqual({ net: "0.00", tax: "0.00", total: "0.00" });
  });
});
