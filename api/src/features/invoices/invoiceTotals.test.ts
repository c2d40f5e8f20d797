// Table-driven cases for the invoice tax totals.
import { describe, expect, it } from "vitest";
import { invoiceTotals } from "./invoiceTotals";

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
