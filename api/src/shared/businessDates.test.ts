// Covers the business's calendar: dates of instants in a time zone around midnight, month ends and DST, and zone names.
import { describe, expect, it } from "vitest";
import { addDays, canonicalTimeZone, dateIn } from "./businessDates";

describe("dateIn", () => {
  it.each([
    ["23:30 UTC is already the next day in Amsterdam (winter, UTC+1)", "2026-11-12T23:30:00Z", "Europe/Amsterdam", "2026-11-13"],
    ["22:30 UTC is the next day in Amsterdam in summer (UTC+2)", "2026-07-01T22:30:00Z", "Europe/Amsterdam", "2026-07-02"],
    ["21:59 UTC is still the same day in summer", "2026-07-01T21:59:00Z", "Europe/Amsterdam", "2026-07-01"],
    ["the last evening of October is November in Amsterdam", "2026-10-31T23:30:00Z", "Europe/Amsterdam", "2026-11-01"],
    ["New Year's Eve in UTC is New Year in Brussels", "2026-12-31T23:15:00Z", "Europe/Brussels", "2027-01-01"],
    ["UTC keeps the UTC date", "2026-11-12T23:30:00Z", "UTC", "2026-11-12"],
    ["west of UTC an early UTC morning is the day before", "2026-11-13T03:00:00Z", "America/New_York", "2026-11-12"],
  ])("%s", (_what, instant, zone, date) => {
    expect(dateIn(zone, new Date(instant))).toBe(date);
  });
});

describe("addDays", () => {
  it.each([
    ["2026-11-13", 14, "2026-11-27"],
    ["2026-11-20", 14, "2026-12-04"],
    ["2026-12-25", 30, "2027-01-24"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-10-24", 7, "2026-10-31"],
    ["2026-11-13", 0, "2026-11-13"],
  ])("%s + %i days = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe("canonicalTimeZone", () => {
  it.each([
    ["Europe/Amsterdam", "Europe/Amsterdam"],
    ["europe/amsterdam", "Europe/Amsterdam"],
    ["UTC", "UTC"],
    ["America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"],
    ["Mars/Olympus_Mons", null],
    ["EST", null],
    ["+01:00", null],
    ["", null],
    ["Europe/Amsterdam\u0000", null],
  ])("%j → %j", (value, expected) => {
    expect(canonicalTimeZone(value)).toBe(expected);
  });
});
