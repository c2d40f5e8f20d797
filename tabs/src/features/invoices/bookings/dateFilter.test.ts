// The date filters' helpers: the locale's own writing of dates, reading what a person types, presets at month and
// year boundaries, and month and day names from the locale.
import { describe, expect, it } from "vitest";
import { calendarNames, dateOf, formatDay, parseDay, presetRange, ymdOf } from "./dateFilter";

describe("dateFilter", () => {
  it("writes a date as the locale does", () => {
    const d = new Date(2026, 10, 5);
    expect([formatDay(d, "nl-NL"), formatDay(d, "en-GB"), formatDay(d, "en-US"), formatDay(undefined, "nl-NL")]).toEqual(["05-11-2026", "05/11/2026", "11/05/2026", ""]);
  });

  it.each([
    ["5-11-2026", "nl-NL", "2026-11-05"],
    ["05-11-2026", "nl-NL", "2026-11-05"],
    ["5/11/26", "en-GB", "2026-11-05"],
    ["11/5/2026", "en-US", "2026-11-05"],
    ["5.11.2026", "nl-NL", "2026-11-05"],
    ["2026-11-05", "en-US", "2026-11-05"],
    ["29-2-2028", "nl-NL", "2028-02-29"],
  ])("reads %j in %s as %s", (text, locale, ymd) => {
    expect(ymdOf(parseDay(text, locale)!)).toBe(ymd);
  });

  it.each([["31-11-2026"], ["29-2-2026"], ["5-11"], ["gisteren"], [""], ["13/13/2026"]])("reads %j as no date", (text) => {
    expect(parseDay(text, "nl-NL")).toBeNull();
  });

  it("turns YYYY-MM-DD into a local date and back", () => {
    expect(ymdOf(dateOf("2026-01-31")!)).toBe("2026-01-31");
    expect(dateOf("31-01-2026")).toBeNull();
    expect(dateOf(undefined)).toBeNull();
  });

  it("gives the presets' first and last days, across month and year ends", () => {
    const today = new Date(2026, 0, 3); // 3 January 2026
    expect(presetRange("thisMonth", today)).toEqual({ from: "2026-01-01", to: "2026-01-31" });
    expect(presetRange("lastMonth", today)).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(presetRange("last7Days", today)).toEqual({ from: "2025-12-28", to: "2026-01-03" });
    expect(presetRange("lastMonth", new Date(2026, 2, 31))).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });

  it("names months and weekdays in the locale, weekdays from Sunday", () => {
    const nl = calendarNames("nl-NL");
    expect([nl.months[0], nl.months[10], nl.shortMonths[2], nl.days[0], nl.days[1], nl.shortDays[0]]).toEqual(["januari", "november", "mrt", "zondag", "maandag", "zo"]);
    expect(calendarNames("en-GB").days[6]).toBe("Saturday");
    expect(calendarNames("en-GB").shortDays.slice(0, 2)).toEqual(["Su", "Mo"]);
  });
});
