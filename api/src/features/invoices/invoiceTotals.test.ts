// Table-driven cases for the invoice totals: tax per (category, rate) group, never a sum of per-line taxes.
import { describe, expect, it } from "vitest";
import { invoiceTotals, sumTaxGroups, type TaxedAmount } from "./invoiceTotals";

const EXEMPT = "Vrijgesteld van btw op grond van art. 11 lid 1 onder g Wet OB";
const s = (amount: string, taxRate: string): TaxedAmount => ({ amount, taxCategory: "S", taxRate });
const e = (amount: string, reason = EXEMPT): TaxedAmount => ({ amount, taxCategory: "E", taxRate: "0", taxExemptionReason: reason });

describe("invoiceTotals", () => {
  it("adds tax on top per rate group when prices exclude tax", () => {
    const totals = invoiceTotals([s("62.50", "21"), s("85.00", "21"), s("10.00", "9")], { currency: "EUR", pricesIncludeTax: false });
    // 147.50 × 21 % = 30.975 → 30.98; 10 × 9 % = 0.90
    expect(totals).toEqual({
      net: "157.50",
      tax: "31.88",
      total: "189.38",
      taxBreakdown: [
        { category: "S", rate: "21", taxable: "147.50", tax: "30.98", exemptionReason: null },
        { category: "S", rate: "9", taxable: "10.00", tax: "0.90", exemptionReason: null },
      ],
    });
  });

  it("rounds the group, not each line: three lines of 0.05 at 21 % carry 0.03, not 3 × 0.01", () => {
    const totals = invoiceTotals([s("0.05", "21"), s("0.05", "21"), s("0.05", "21")], { currency: "EUR", pricesIncludeTax: false });
    expect(totals.tax).toBe("0.03");
  });

  it("extracts tax per group when prices include tax, keeping the total equal to the line sum", () => {
    const totals = invoiceTotals([s("100.00", "21"), s("62.50", "9"), e("75.00")], { currency: "EUR", pricesIncludeTax: true });
    // 100 / 1.21 = 82.6446 → 82.64, tax 17.36; 62.50 / 1.09 = 57.3394 → 57.34, tax 5.16; exempt 75.00 stays net
    expect(totals).toEqual({
      net: "214.98",
      tax: "22.52",
      total: "237.50",
      taxBreakdown: [
        { category: "S", rate: "21", taxable: "82.64", tax: "17.36", exemptionReason: null },
        { category: "S", rate: "9", taxable: "57.34", tax: "5.16", exemptionReason: null },
        { category: "E", rate: "0", taxable: "75.00", tax: "0.00", exemptionReason: EXEMPT },
      ],
    });
  });

  it("keeps zero-rated and exempt lines in groups of their own, with every distinct exemption text", () => {
    const totals = invoiceTotals([e("40.00"), { amount: "20.00", taxCategory: "Z", taxRate: "0" }, e("10.00", "Art. 44 BTW-Wetboek"), e("5.00")], { currency: "EUR", pricesIncludeTax: false });
    expect(totals.taxBreakdown).toEqual([
      { category: "Z", rate: "0", taxable: "20.00", tax: "0.00", exemptionReason: null },
      { category: "E", rate: "0", taxable: "55.00", tax: "0.00", exemptionReason: `${EXEMPT}; Art. 44 BTW-Wetboek` },
    ]);
    expect(totals).toMatchObject({ net: "75.00", tax: "0.00", total: "75.00" });
  });

  it("groups rates by value, whatever their notation", () => {
    const totals = invoiceTotals([s("10.00", "21"), s("10.00", "21.0000")], { currency: "EUR", pricesIncludeTax: false });
    expect(totals.taxBreakdown).toEqual([{ category: "S", rate: "21", taxable: "20.00", tax: "4.20", exemptionReason: null }]);
  });

  it("rounds a zero-decimal currency to whole units", () => {
    const totals = invoiceTotals([s("6481", "10")], { currency: "JPY", pricesIncludeTax: false });
    expect(totals).toMatchObject({ net: "6481", tax: "648", total: "7129" });
  });

  it("gives zero totals and no groups for no lines", () => {
    expect(invoiceTotals([], { currency: "EUR", pricesIncludeTax: false })).toEqual({ net: "0.00", tax: "0.00", total: "0.00", taxBreakdown: [] });
  });
});

describe("sumTaxGroups", () => {
  it("adds the groups of several invoices per (category, rate), in the breakdown's order", () => {
    const a = invoiceTotals([s("100.00", "21"), e("75.00")], { currency: "EUR", pricesIncludeTax: false }).taxBreakdown;
    const b = invoiceTotals([s("10.00", "9"), s("50.00", "21")], { currency: "EUR", pricesIncludeTax: false }).taxBreakdown;
    expect(sumTaxGroups([...a, ...b], "EUR")).toEqual([
      { category: "S", rate: "21", taxable: "150.00", tax: "31.50", exemptionReason: null },
      { category: "S", rate: "9", taxable: "10.00", tax: "0.90", exemptionReason: null },
      { category: "E", rate: "0", taxable: "75.00", tax: "0.00", exemptionReason: EXEMPT },
    ]);
  });
});
