// Covers the Overview's pure shaping of GET /api/insights: KPI figures per currency, chart rows and table cells with
// exact amounts, the "other" and "no staff member" rows in the UI's language, month labels per locale, and emptiness.
import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../../shared/i18n/i18n";
import type { Insights } from "./insightsApi";
import { ageLabel, amountCells, axisMoney, chartNumber, chartRows, hasBars, kpiAmountText, monthCells, monthLabel, serviceLabel, staffLabel, toOverviewData } from "./overviewData";

afterEach(() => setLanguage("en"));

const zeroMonth = (month: string, currency = "EUR") => ({ month, currency, invoices: 0, creditNotes: 0, net: "0.00", tax: "0.00", total: "0.00" });

/** An answer of GET /api/insights; `overrides` replace whole sections. */
function buildInsights(overrides: Partial<Insights> = {}): Insights {
  return {
    asOf: "2026-11-20T12:00:00.000Z",
    today: "2026-11-20",
    timeZone: "Europe/Amsterdam",
    currency: "EUR",
    months: 3,
    awaiting: {
      totals: [
        { currency: "EUR", count: 5, amount: "1234.56" },
        { currency: "USD", count: 1, amount: "10.00" },
      ],
      byAge: [
        { bucket: "0-7", currency: "EUR", count: 2, amount: "120.00" },
        { bucket: "8-30", currency: "EUR", count: 1, amount: "0.10" },
        { bucket: "31-60", currency: "EUR", count: 0, amount: "0.00" },
        { bucket: ">60", currency: "EUR", count: 2, amount: "1114.46" },
        { bucket: "0-7", currency: "USD", count: 1, amount: "10.00" },
        { bucket: "8-30", currency: "USD", count: 0, amount: "0.00" },
        { bucket: "31-60", currency: "USD", count: 0, amount: "0.00" },
        { bucket: ">60", currency: "USD", count: 0, amount: "0.00" },
      ],
      byService: [
        { serviceId: "s1", name: "Physiotherapy", other: false, currency: "EUR", count: 3, amount: "1000.00" },
        { serviceId: null, name: "Other services", other: true, currency: "EUR", count: 2, amount: "234.56" },
        { serviceId: "s9", name: "Coaching", other: false, currency: "USD", count: 1, amount: "10.00" },
      ],
      byStaff: [
        { staffId: "ann", name: "Ann de Vries", other: false, currency: "EUR", count: 4, amount: "1200.00" },
        { staffId: null, name: "No staff member", other: false, currency: "EUR", count: 1, amount: "34.56" },
        { staffId: null, name: "Other staff", other: true, currency: "EUR", count: 1, amount: "0.01" },
      ],
    },
    invoiced: [{ ...zeroMonth("2026-09") }, { ...zeroMonth("2026-10"), invoices: 2, creditNotes: 1, net: "150.25", tax: "31.55", total: "181.80" }, zeroMonth("2026-11")],
    outstanding: [{ currency: "EUR", count: 2, amount: "181.80", overdue: { count: 1, amount: "60.60" } }],
    ...overrides,
  };
}

describe("toOverviewData", () => {
  it("sums the KPI counts over currencies and keeps each currency's exact amount, the tenant's first", () => {
    const data = toOverviewData(buildInsights(), "en-GB");
    expect(data.awaiting).toEqual({ count: 6, amounts: [{ currency: "EUR", amount: "1234.56" }, { currency: "USD", amount: "10.00" }] });
    expect(kpiAmountText(data.awaiting, "en-GB")).toBe("€1,234.56 + US$10.00");
    expect(data.outstanding).toEqual({ count: 2, amounts: [{ currency: "EUR", amount: "181.80" }] });
    expect(data.overdue).toEqual({ count: 1, amounts: [{ currency: "EUR", amount: "60.60" }] });
    expect(data.empty).toBe(false);
  });

  it("labels the age buckets and keys other currencies' rows apart", () => {
    const data = toOverviewData(buildInsights(), "en-GB");
    expect(data.byAge.map((r) => [r.key, r.label, r.count, r.amount])).toEqual([
      ["0-7", "0–7 days", 2, "120.00"],
      ["8-30", "8–30 days", 1, "0.10"],
      ["31-60", "31–60 days", 0, "0.00"],
      [">60", "> 60 days", 2, "1114.46"],
      ["0-7:USD", "0–7 days", 1, "10.00"],
      ["8-30:USD", "8–30 days", 0, "0.00"],
      ["31-60:USD", "31–60 days", 0, "0.00"],
      [">60:USD", "> 60 days", 0, "0.00"],
    ]);
    expect(chartRows(data.byAge, data.currency).map((r) => r.value)).toEqual([120, 0.1, 0, 1114.46]);
  });

  it("relabels the folded rest and the bookings without a staff member by flag and id, not by the API's English", () => {
    setLanguage("nl");
    const data = toOverviewData(buildInsights(), "nl");
    expect(data.byService.map((r) => [r.key, r.label])).toEqual([
      ["s1", "Physiotherapy"],
      ["other", "Overige diensten"],
      ["s9:USD", "Coaching"],
    ]);
    expect(data.byStaff.map((r) => [r.key, r.label])).toEqual([
      ["ann", "Ann de Vries"],
      ["none", "Geen medewerker"],
      ["other", "Overige medewerkers"],
    ]);
  });

  it("labels months in the locale and keeps net and counts per month", () => {
    const data = toOverviewData(buildInsights(), "nl");
    expect(data.invoiced.map((r) => [r.label, r.invoices, r.creditNotes, r.net, r.value])).toEqual([
      ["sep 2026", 0, 0, "0.00", 0],
      ["okt 2026", 2, 1, "150.25", 150.25],
      ["nov 2026", 0, 0, "0.00", 0],
    ]);
  });

  it("is empty for a tenant with nothing awaiting, invoiced or outstanding", () => {
    const empty = buildInsights({
      awaiting: { totals: [{ currency: "EUR", count: 0, amount: "0.00" }], byAge: [], byService: [], byStaff: [] },
      invoiced: [zeroMonth("2026-10"), zeroMonth("2026-11")],
      outstanding: [{ currency: "EUR", count: 0, amount: "0.00", overdue: { count: 0, amount: "0.00" } }],
    });
    expect(toOverviewData(empty).empty).toBe(true);
    // A credit note alone is something to show.
    const credited = { ...empty, invoiced: [{ ...zeroMonth("2026-11"), creditNotes: 1, net: "-20.00" }] };
    expect(toOverviewData(credited).empty).toBe(false);
  });
});

describe("labels", () => {
  it("names the age buckets in both languages", () => {
    expect(ageLabel(">60")).toBe("> 60 days");
    setLanguage("nl");
    expect(ageLabel("0-7")).toBe("0–7 dagen");
    expect(ageLabel(">60")).toBe("> 60 dagen");
  });

  it("names rows without a service or staff member, and keeps synced names as they are", () => {
    expect(serviceLabel({ serviceId: null, name: "No service", other: false, currency: "EUR", count: 1, amount: "1.00" })).toBe("No service");
    expect(staffLabel({ staffId: null, name: "Other staff", other: true, currency: "EUR", count: 1, amount: "1.00" })).toBe("Other staff");
    expect(staffLabel({ staffId: "x", name: "Other staff", other: false, currency: "EUR", count: 1, amount: "1.00" })).toBe("Other staff");
    setLanguage("nl");
    expect(serviceLabel({ serviceId: null, name: "No service", other: false, currency: "EUR", count: 1, amount: "1.00" })).toBe("Geen dienst");
  });

  it.each([
    ["2026-01", "en-GB", "Jan 2026"],
    ["2026-01", "nl", "jan 2026"],
    ["2025-12", "nl-NL", "dec 2025"],
    ["bad", "en-GB", "bad"],
  ])("writes month %s in %s as %s", (month, locale, expected) => {
    expect(monthLabel(month, locale)).toBe(expected);
  });
});

describe("table cells and drawing", () => {
  it("writes amounts from the exact decimal strings, never through a float", () => {
    const row = { key: "s1", label: "Big", currency: "EUR", count: 12000, amount: "9007199254740993.01", value: 0 };
    expect(amountCells(row, "en-GB")).toEqual(["Big", "12,000", "€9,007,199,254,740,993.01"]);
    expect(amountCells(row, "nl")).toEqual(["Big", "12.000", "€\u00a09.007.199.254.740.993,01"]);
    const month = { key: "m", month: "2026-10", label: "Oct 2026", currency: "EUR", invoices: 2, creditNotes: 1, net: "150.25", total: "181.80", value: 150.25 };
    expect(monthCells(month, "en-GB")).toEqual(["Oct 2026", "2", "1", "€150.25"]);
  });

  it("converts to numbers only for drawing, and knows when there is nothing to draw", () => {
    expect(chartNumber("62.50")).toBe(62.5);
    expect(chartNumber("-20.00")).toBe(-20);
    expect(chartNumber("nonsense")).toBe(0);
    expect(hasBars([{ value: 0 }, { value: 0 }])).toBe(false);
    expect(hasBars([{ value: 0 }, { value: -1 }])).toBe(true);
  });

  it("writes compact axis ticks in the locale", () => {
    // CLDR versions differ on the case of the thousands sign ("€4K" in Chromium, "€4k" in Node 20).
    expect(axisMoney(4000, "EUR", "en-GB")).toMatch(/^€4k$/i);
    expect(axisMoney(1500, "EUR", "nl")).toMatch(/^€\u00a01,5k$/i);
    expect(axisMoney(0, "EUR", "en-GB")).toBe("€0");
  });
});
