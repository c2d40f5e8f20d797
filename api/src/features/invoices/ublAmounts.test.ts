// Table-driven cases for the e-invoice's net lines: VAT on top keeps the amounts; prices including VAT split each
// group's taxable amount over its lines to the cent (hand-computed), negative lines keep a non-negative price, and for
// any lines the nets add up per group and stay within R120's 0.02 of quantity × net price.
import { describe, expect, it } from "vitest";
import { Decimal } from "../../shared/money";
import type { InvoiceLineView } from "./invoice.types";
import { invoiceTotals } from "./invoiceTotals";
import { ublLineAmounts } from "./ublAmounts";

const line = (quantity: string, unitPrice: string, amount: string, taxRate: string, unit: "hour" | "each" = "each"): InvoiceLineView => ({
  id: `l-${Math.random()}`, bookingId: "b", description: "Session", serviceDate: "2026-11-02", quantity, unit, unitPrice, amount,
  taxCategory: taxRate === "0" ? "E" : "S", taxRate, taxExemptionReason: taxRate === "0" ? "Vrijgesteld" : null, taxExemptionCode: null, creditedLineId: null, flags: [],
});
const doc = (lines: InvoiceLineView[], pricesIncludeTax: boolean) => ({
  lines, pricesIncludeTax, currency: "EUR", taxBreakdown: invoiceTotals(lines, { currency: "EUR", pricesIncludeTax }).taxBreakdown,
});
const rows = (d: ReturnType<typeof doc>) => ublLineAmounts(d).map((a) => [a.quantity, a.netPrice, a.net]);

describe("ublLineAmounts", () => {
  it("keeps the amounts and prices of VAT on top", () => {
    expect(rows(doc([line("0.8333", "75.00", "62.50", "0", "hour"), line("1", "60.00", "60.00", "21")], false))).toEqual([["0.8333", "75.00", "62.50"], ["1", "60.00", "60.00"]]);
  });

  it("splits a group's taxable amount over its lines by their gross, the cents left over to the largest remainders", () => {
    // 3 × 75.00 incl. 21 %: 225.00 / 1.21 = 185.950… → 185.95; each line 61.983… → 61.98, one cent left for the first.
    const three = doc([line("1", "75.00", "75.00", "21"), line("1", "75.00", "75.00", "21"), line("1", "75.00", "75.00", "21")], true);
    expect(three.taxBreakdown).toEqual([{ category: "S", rate: "21", taxable: "185.95", tax: "39.05", exemptionReason: null }]);
    expect(rows(three)).toEqual([["1", "61.983471", "61.99"], ["1", "61.983471", "61.98"], ["1", "61.983471", "61.98"]]);
    // 9 % and 21 % and exempt side by side: 85.00 / 1.09 = 77.98; 10.00 + 20.00 = 30.00 / 1.21 = 24.79 (8.264… + 16.528…).
    const mixed = doc([line("1", "85.00", "85.00", "9"), line("1", "10.00", "10.00", "21"), line("0.8333", "75.00", "62.50", "0", "hour"), line("2", "10.00", "20.00", "21")], true);
    expect(mixed.taxBreakdown.map((g) => [g.rate, g.taxable, g.tax])).toEqual([["21", "24.79", "5.21"], ["9", "77.98", "7.02"], ["0", "62.50", "0.00"]]);
    expect(rows(mixed)).toEqual([["1", "77.981651", "77.98"], ["1", "8.264463", "8.26"], ["0.8333", "75.00", "62.50"], ["2", "8.264463", "16.53"]]);
  });

  it("states a negative line as a negative quantity at a positive price (BR-27)", () => {
    expect(rows(doc([line("1", "100.00", "100.00", "21"), line("1", "-10.00", "-10.00", "21")], false))).toEqual([["1", "100.00", "100.00"], ["-1", "10.00", "-10.00"]]);
    const incl = doc([line("1", "121.00", "121.00", "21"), line("1", "-12.10", "-12.10", "21")], true);
    expect(rows(incl)).toEqual([["1", "100.00", "100.00"], ["-1", "10.00", "-10.00"]]);
  });

  it("adds up per group and stays within 0.02 of quantity × net price, for any lines", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
        const quantity = new Decimal(Math.floor(random() * 40000) / 10000 + 0.0001).toDecimalPlaces(4).toString();
        const price = new Decimal(Math.floor(random() * 30000) / 100).toFixed(2);
        const rate = ["21", "9", "6", "0"][Math.floor(random() * 4)]!;
        return line(quantity, price, new Decimal(quantity).times(price).toDecimalPlaces(2).toFixed(2), rate);
      });
      for (const pricesIncludeTax of [true, false]) {
        const d = doc(lines, pricesIncludeTax);
        const amounts = ublLineAmounts(d);
        for (const g of d.taxBreakdown) {
          const sum = amounts.filter((_, i) => lines[i]!.taxRate === g.rate).reduce((s, a) => s.plus(a.net), new Decimal(0));
          expect(sum.toFixed(2)).toBe(g.taxable);
        }
        for (const a of amounts) expect(new Decimal(a.quantity).times(a.netPrice).minus(a.net).abs().lte("0.02")).toBe(true);
      }
    }
  });
});
