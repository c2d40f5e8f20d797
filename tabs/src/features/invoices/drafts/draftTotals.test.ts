// Holds the edit dialog's live totals to the server's own calculation (invoiceTotals.ts), on fixed cases and on many
// random drafts, with and without prices including VAT.
import { describe, expect, it } from "vitest";
import { invoiceTotals, lineAmount } from "../../../../../api/src/features/invoices/invoiceTotals";
import { draftTotals } from "./draftTotals";
import type { TotalsLine } from "./draftTotals";

const server = (lines: TotalsLine[], pricesIncludeTax: boolean, currency = "EUR") => {
  const amounts = lines.map((l) => lineAmount(l.quantity, l.unitPrice, currency));
  const totals = invoiceTotals(
    lines.map((l, i) => ({ amount: amounts[i]!, taxCategory: l.taxCategory as "S", taxRate: l.taxRate })),
    { currency, pricesIncludeTax },
  );
  return { lines: amounts, net: totals.net, tax: totals.tax, total: totals.total };
};

describe("draftTotals", () => {
  it("computes a 50-minute hourly line and VAT on top to the cent", () => {
    const lines = [
      { quantity: "0.8333", unitPrice: "75.00", taxCategory: "S", taxRate: "21" },
      { quantity: "1", unitPrice: "40", taxCategory: "E", taxRate: "0" },
    ];
    expect(draftTotals(lines, { currency: "EUR", pricesIncludeTax: false })).toEqual({ lines: ["62.50", "40.00"], net: "102.50", tax: "13.13", total: "115.63" });
    expect(draftTotals(lines, { currency: "EUR", pricesIncludeTax: true })).toEqual({ lines: ["62.50", "40.00"], net: "91.65", tax: "10.85", total: "102.50" });
  });

  it("keeps a currency without cents whole, and answers null for text that is no number", () => {
    expect(draftTotals([{ quantity: "1.5", unitPrice: "1001", taxCategory: "S", taxRate: "10" }], { currency: "JPY", pricesIncludeTax: false })).toEqual({ lines: ["1502"], net: "1502", tax: "150", total: "1652" });
    expect(draftTotals([{ quantity: "abc", unitPrice: "1", taxCategory: "S", taxRate: "21" }], { currency: "EUR", pricesIncludeTax: false })).toBeNull();
  });

  it("agrees with the server on 2,000 random drafts, discount lines included", () => {
    // A small deterministic generator, so a failure can be replayed.
    let seed = 20261203;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const rates = [["S", "21"], ["S", "9"], ["S", "6"], ["S", "5.5"], ["Z", "0"], ["E", "0"], ["S", "20.25"]] as const;
    const mismatches: unknown[] = [];
    for (let i = 0; i < 2000; i++) {
      const lines: TotalsLine[] = Array.from({ length: 1 + next(6) }, () => {
        const [taxCategory, taxRate] = rates[next(rates.length)]!;
        // Now and then a negative quantity (a discount line).
        return { quantity: `${next(5) === 0 ? "-" : ""}${next(3)}.${String(next(10000)).padStart(4, "0")}`, unitPrice: `${next(500)}.${String(next(100)).padStart(2, "0")}`, taxCategory, taxRate };
      });
      const pricesIncludeTax = next(2) === 1;
      const ours = draftTotals(lines, { currency: "EUR", pricesIncludeTax });
      const theirs = server(lines, pricesIncludeTax);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) mismatches.push({ lines, pricesIncludeTax, ours, theirs });
    }
    expect(mismatches).toEqual([]);
  });
});
