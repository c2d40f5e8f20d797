// Covers the insights presenter: the month window around year ends, and zero-filled slots for every currency present.
import { describe, expect, it } from "vitest";
import { monthWindow, presentInsights, type InsightsRows } from "./insights.presenter";

describe("monthWindow", () => {
  it.each([
    ["2026-11-20", 12, "2025-12", "2026-11", "2025-12-01", "2026-12-01"],
    ["2026-12-31", 1, "2026-12", "2026-12", "2026-12-01", "2027-01-01"],
    ["2026-01-01", 2, "2025-12", "2026-01", "2025-12-01", "2026-02-01"],
    ["2026-03-31", 24, "2024-04", "2026-03", "2024-04-01", "2026-04-01"],
  ])("%s, %i months: %s … %s, [%s, %s)", (today, months, first, last, from, to) => {
    const w = monthWindow(today, months);
    expect([w.months.length, w.months[0], w.months.at(-1), w.from, w.to]).toEqual([months, first, last, from, to]);
    expect(new Set(w.months).size).toBe(months);
  });
});

const empty: InsightsRows = {
  asOf: new Date("2026-11-20T12:00:00Z"), today: "2026-11-20", timeZone: "Europe/Amsterdam", currency: "EUR", months: ["2026-10", "2026-11"],
  byAge: [], byService: [], byStaff: [], invoiced: [], outstanding: [],
};

describe("presentInsights", () => {
  it("answers zeros in the tenant's currency for every bucket and month when nothing is stored", () => {
    const view = presentInsights(empty);
    expect(view.awaiting.totals).toEqual([{ currency: "EUR", count: 0, amount: "0.00" }]);
    expect(view.awaiting.byAge.map((b) => [b.bucket, b.count, b.amount])).toEqual([["0-7", 0, "0.00"], ["8-30", 0, "0.00"], ["31-60", 0, "0.00"], [">60", 0, "0.00"]]);
    expect(view.invoiced).toEqual([
      { month: "2026-10", currency: "EUR", invoices: 0, creditNotes: 0, net: "0.00", tax: "0.00", total: "0.00" },
      { month: "2026-11", currency: "EUR", invoices: 0, creditNotes: 0, net: "0.00", tax: "0.00", total: "0.00" },
    ]);
    expect(view.outstanding).toEqual([{ currency: "EUR", count: 0, amount: "0.00", overdue: { count: 0, amount: "0.00" } }]);
  });

  it("puts the tenant's currency first and fills every slot of another currency too, in its own minor unit", () => {
    const view = presentInsights({
      ...empty,
      byAge: [
        { currency: "JPY", bucket: 3, count: 1, amount: "1200.0000" },
        { currency: "JPY", bucket: null, count: 1, amount: "1200.0000" },
        { currency: "EUR", bucket: 0, count: 2, amount: "62.5000" },
        { currency: "EUR", bucket: null, count: 2, amount: "62.5000" },
      ],
      byStaff: [
        { currency: "EUR", id: null, name: null, other: false, count: 2, amount: "62.5000" },
        { currency: "JPY", id: "gone", name: null, other: false, count: 1, amount: "1200" },
      ],
      invoiced: [{ month: "2026-11", currency: "JPY", invoices: 1, credit_notes: 0, net: "1000", tax: "100", total: "1100" }],
    });
    expect(view.awaiting.totals).toEqual([{ currency: "EUR", count: 2, amount: "62.50" }, { currency: "JPY", count: 1, amount: "1200" }]);
    expect(view.awaiting.byAge.map((b) => `${b.currency} ${b.bucket} ${b.amount}`)).toEqual(["EUR 0-7 62.50", "EUR 8-30 0.00", "EUR 31-60 0.00", "EUR >60 0.00", "JPY 0-7 0", "JPY 8-30 0", "JPY 31-60 0", "JPY >60 1200"]);
    expect(view.awaiting.byStaff.map((s) => [s.staffId, s.name])).toEqual([[null, "No staff member"], ["gone", "gone"]]);
    expect(view.invoiced.map((m) => `${m.currency} ${m.month} ${m.total}`)).toEqual(["EUR 2026-10 0.00", "EUR 2026-11 0.00", "JPY 2026-10 0", "JPY 2026-11 1100"]);
  });
});
