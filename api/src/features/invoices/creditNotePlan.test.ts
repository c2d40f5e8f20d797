// Table-driven cases for planning a credit note: whole and partial credits, what is left after earlier ones, refusals,
// rebill, and group taxes capped so that credit notes never add up to more tax than the invoice carried.
import { describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import { planCreditNote, type CreditableLine } from "./creditNotePlan";
import { invoiceTotals, sumTaxGroups } from "./invoiceTotals";

const id = (n: number) => `0b6f5d4e-0000-4000-8000-00000000000${n}`;
const line = (n: number, amount: string, taxRate = "21"): CreditableLine => ({
  id: id(n), bookingId: `b${n}`, attendeeKey: "a0", description: `Session ${n}`, serviceDate: "2026-11-02", quantity: "1", unitPrice: amount, amount,
  taxCategory: taxRate === "0" ? "E" : "S", taxRate, taxExemptionReason: taxRate === "0" ? "Vrijgesteld" : null, taxExemptionCode: null, priceType: "fixedPrice",
});
const invoiceOf = (lines: CreditableLine[], pricesIncludeTax = false) => ({
  currency: "EUR", pricesIncludeTax, lines, taxBreakdown: invoiceTotals(lines, { currency: "EUR", pricesIncludeTax }).taxBreakdown,
});
const none = { creditedByLine: new Map<string, string>(), groups: [] };
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? [err.code, err.message] : err;
  }
  return "no refusal";
};

describe("planCreditNote", () => {
  it("credits the whole invoice by default, with the invoice's totals and groups", () => {
    const inv = invoiceOf([line(1, "85.00"), line(2, "62.50"), line(3, "40.00", "0")]);
    const plan = planCreditNote(inv, none, { rebill: false });
    expect(plan.lines.map((l) => [l.creditedLineId, l.amount, l.quantity, l.unitPrice])).toEqual([[id(1), "85.00", "1", "85.00"], [id(2), "62.50", "1", "62.50"], [id(3), "40.00", "1", "40.00"]]);
    expect(plan.totals).toEqual(invoiceTotals(inv.lines, { currency: "EUR", pricesIncludeTax: false }));
    expect(plan.releaseLineIds).toEqual([]);
  });

  it("credits part of a line as one unit of that amount, and what is left the next time", () => {
    const inv = invoiceOf([line(1, "85.00")]);
    const first = planCreditNote(inv, none, { lines: [{ lineId: id(1), amount: "25.00" }], rebill: false });
    expect(first.lines[0]).toMatchObject({ quantity: "1", unitPrice: "25.00", amount: "25.00" });
    expect(first.totals).toMatchObject({ net: "25.00", tax: "5.25", total: "30.25" });
    const rest = planCreditNote(inv, { creditedByLine: new Map([[id(1), "25.00"]]), groups: first.totals.taxBreakdown }, { rebill: false });
    expect(rest.totals).toMatchObject({ net: "60.00", tax: "12.60", total: "72.60" });
    expect(refusal(() => planCreditNote(inv, { creditedByLine: new Map([[id(1), "85.00"]]), groups: [] }, { rebill: false }))).toEqual(["OVER_CREDIT", "This invoice is credited in full already: there is nothing left to credit."]);
  });

  it("never credits more tax than the invoice carried: two lines of 0.03 at 21 % carry 0.01, credited one by one", () => {
    const inv = invoiceOf([line(1, "0.03"), line(2, "0.03")]);
    expect(inv.taxBreakdown[0]!.tax).toBe("0.01");
    const first = planCreditNote(inv, none, { lines: [{ lineId: id(1) }], rebill: false });
    expect(first.totals.tax).toBe("0.01");
    const second = planCreditNote(inv, { creditedByLine: new Map([[id(1), "0.03"]]), groups: first.totals.taxBreakdown }, { rebill: false });
    expect(second.totals).toMatchObject({ net: "0.03", tax: "0.00", total: "0.03" });
    const all = sumTaxGroups([...first.totals.taxBreakdown, ...second.totals.taxBreakdown], "EUR");
    expect(all).toEqual(inv.taxBreakdown);
  });

  it("splits gross amounts when prices include VAT, the last credit taking exactly what is left", () => {
    const inv = invoiceOf([line(1, "100.00"), line(2, "100.00")], true);
    expect(inv.taxBreakdown[0]).toMatchObject({ taxable: "165.29", tax: "34.71" });
    const first = planCreditNote(inv, none, { lines: [{ lineId: id(1) }], rebill: false });
    expect(first.totals).toMatchObject({ net: "82.64", tax: "17.36", total: "100.00" });
    const second = planCreditNote(inv, { creditedByLine: new Map([[id(1), "100.00"]]), groups: first.totals.taxBreakdown }, { rebill: false });
    expect(second.totals).toMatchObject({ net: "82.65", tax: "17.35", total: "100.00" });
  });

  it("releases whole lines with rebill, and refuses rebill of part of one", () => {
    const inv = invoiceOf([line(1, "85.00"), line(2, "62.50")]);
    expect(planCreditNote(inv, none, { lines: [{ lineId: id(2) }], rebill: true }).releaseLineIds).toEqual([id(2)]);
    expect(refusal(() => planCreditNote(inv, none, { lines: [{ lineId: id(2), amount: "10.00" }], rebill: true }))).toEqual(["BAD_REQUEST", expect.stringContaining("rebill credits a whole line")]);
  });

  it.each([
    [{ lines: [{ lineId: id(9) }] }, "BAD_REQUEST", "lines.0.lineId: not a line of this invoice."],
    [{ lines: [{ lineId: id(1) }, { lineId: id(1).toUpperCase() }] }, "BAD_REQUEST", "lines.1.lineId: this line is named twice; name each line once."],
    [{ lines: [{ lineId: id(1), amount: "85.01" }] }, "OVER_CREDIT", 'lines.0.amount: 85.01 is more than the 85.00 left to credit of "Session 1".'],
    [{ lines: [{ lineId: id(1), amount: "0" }] }, "BAD_REQUEST", "lines.0.amount: a credit is an amount above 0."],
    [{ lines: [{ lineId: id(1), amount: "1.005" }] }, "BAD_REQUEST", "lines.0.amount: at most 2 decimals in EUR."],
  ])("refuses %j", (request, code, message) => {
    expect(refusal(() => planCreditNote(invoiceOf([line(1, "85.00")]), none, { ...request, rebill: false }))).toEqual([code, message]);
  });
});
