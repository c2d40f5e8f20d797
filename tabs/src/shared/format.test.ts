// Covers the tab's exact decimal money helpers and the locale formatting of amounts, dates and durations.
import { describe, expect, it } from "vitest";
import { compareDecimals, formatCalendarDate, formatCount, formatDuration, formatLineQuantity, formatMoney, formatMoneyTotals, formatPercent, formatQuantity, formatUnitPrice, sumDecimals } from "./format";
import { setLanguage } from "./i18n/i18n";

describe("sumDecimals", () => {
  it.each([
    [["0.10", "0.20"], "0.30"],
    [["62.50", "62.50", "0.01"], "125.01"],
    [["1", "2.5"], "3.50"],
    [["-1.25", "1.00"], "-0.25"],
    [["0.005", "0.005"], "0.010"],
    [[], "0.00"],
  ])("sums %j exactly to %s", (values, expected) => {
    expect(sumDecimals(values)).toBe(expected);
  });

  it("keeps precision beyond what a double holds", () => {
    expect(sumDecimals(["9007199254740993.01", "0.01"])).toBe("9007199254740993.02");
  });
});

describe("compareDecimals", () => {
  it.each([
    ["10.00", "9.99", 1],
    ["9.5", "9.50", 0],
    ["-1", "0", -1],
  ])("compares %s with %s", (a, b, expected) => {
    expect(compareDecimals(a, b)).toBe(expected);
  });
});

describe("formatting", () => {
  it("formats money from the decimal string", () => {
    expect(formatMoney("62.50", "EUR", "en-US")).toBe("€62.50");
    expect(formatMoney("1234.5", "EUR", "de-DE")).toBe("1.234,50\u00a0€");
  });

  it("falls back when the currency is unknown", () => {
    expect(formatMoney("1.00", "???", "en-US")).toBe("1.00 ???");
  });

  it("totals per currency", () => {
    const items = [
      { amount: "10.00", currency: "EUR" },
      { amount: "2.50", currency: "EUR" },
    ];
    expect(formatMoneyTotals(items)).toMatch(/12\.50/);
  });

  it("formats calendar dates without time zone shifts", () => {
    expect(formatCalendarDate("2026-03-01", "en-GB")).toBe("1 Mar 2026");
  });

  it("formats quantities from the decimal string", () => {
    expect(formatQuantity("0.8333", "de-DE")).toBe("0,8333");
    expect(formatQuantity("1", "en-GB")).toBe("1");
    expect(formatQuantity("1234.5", "en-US")).toBe("1,234.5");
    expect(formatQuantity("n/a", "en-US")).toBe("n/a");
  });

  it("formats counts and percentages for the locale", () => {
    expect(formatCount(12000, "en-GB")).toBe("12,000");
    expect(formatCount(12000, "nl-NL")).toBe("12.000");
    expect(formatCount(7, "nl-NL")).toBe("7");
    expect(formatPercent(0.244, "en-GB")).toBe("24%");
    expect(formatPercent(1, "de-DE")).toBe("100\u00a0%");
  });

  it("formats durations", () => {
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(60)).toBe("1 h");
    expect(formatDuration(90)).toBe("1 h 30 min");
  });

  it("reads an hourly line's quantity as its minutes and its price per hour; a count stays a count", () => {
    expect(formatLineQuantity({ quantity: "0.8333", unit: "hour" })).toBe("50 min");
    expect(formatLineQuantity({ quantity: "1.5", unit: "hour" })).toBe("1 h 30 min");
    expect(formatLineQuantity({ quantity: "0.25", unit: "hour" })).toBe("15 min");
    expect(formatLineQuantity({ quantity: "1.2345", unit: "hour" })).toBe("1.2345 h");
    expect(formatLineQuantity({ quantity: "2", unit: "each" })).toBe("2");
    expect(formatUnitPrice({ unitPrice: "75.00", unit: "hour" }, "EUR")).toBe("€75.00 per hour");
    expect(formatUnitPrice({ unitPrice: "85.00", unit: "each" }, "EUR")).toBe("€85.00");
  });
});

describe("formatting in Dutch", () => {
  it("writes durations with Dutch units and money and quantities in the nl locale", () => {
    setLanguage("nl");
    try {
      expect(formatDuration(90)).toBe("1 u 30 min");
      expect(formatDuration(60)).toBe("1 u");
      expect(`${formatLineQuantity({ quantity: "0.8333", unit: "hour" }, "nl-NL")} × ${formatUnitPrice({ unitPrice: "75.00", unit: "hour" }, "EUR", "nl-NL")}`.replace(/\s/g, " ")).toBe("50 min × € 75,00 per uur");
      expect(formatLineQuantity({ quantity: "1.2345", unit: "hour" }, "nl-NL")).toBe("1,2345 u");
      expect(formatMoney("1234.5", "EUR", "nl-NL")).toBe("€\u00a01.234,50");
      expect(formatQuantity("0.8333", "nl-NL")).toBe("0,8333");
      expect(formatCalendarDate("2026-03-01", "nl-NL")).toBe("1 mrt 2026");
    } finally {
      setLanguage("en");
    }
  });
});
