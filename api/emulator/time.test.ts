// Covers the pure date and duration helpers: Graph's 7-digit UTC rendering, lenient ISO parsing, canonical durations.
import { describe, expect, it } from "vitest";
import { formatDuration, formatGraphDateTime, parseDateTimeTimeZone, parseDuration, parseInstant } from "./time";

describe("durations", () => {
  it.each([
    [0, "PT0S"],
    [45 * 60_000, "PT45M"],
    [50 * 60_000, "PT50M"],
    [90 * 60_000, "PT1H30M"],
    [3_600_000, "PT1H"],
    [86_400_000, "P1D"],
    [86_400_000 + 90_000, "P1DT1M30S"],
  ])("formats %i ms as %s and parses it back", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "P", "PT", "45M", "PT1X", "1H"])("rejects %j", (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe("instants", () => {
  it("renders dateTime with seven fractional digits and Z", () => {
    expect(formatGraphDateTime(Date.parse("2026-05-20T09:00:00.123Z"))).toBe("2026-05-20T09:00:00.1230000Z");
  });

  it.each([
    ["2026-05-20T09:00:00Z", "2026-05-20T09:00:00.000Z"],
    ["2026-05-20T09:00:00.0000000Z", "2026-05-20T09:00:00.000Z"],
    ["2026-05-20T11:00:00+02:00", "2026-05-20T09:00:00.000Z"],
    ["2026-05-20T11:00:00 02:00", "2026-05-20T09:00:00.000Z"],
    ["2026-05-20T04:00:00-0500", "2026-05-20T09:00:00.000Z"],
    ["2026-05-20T09:00:00", "2026-05-20T09:00:00.000Z"],
    ["2026-05-20T09:00", "2026-05-20T09:00:00.000Z"],
    ["2026-05-20", "2026-05-20T00:00:00.000Z"],
  ])("parses %s", (text, iso) => {
    expect(new Date(parseInstant(text) ?? NaN).toISOString()).toBe(iso);
  });

  it.each(["tomorrow", "2026-02-30T00:00:00Z", "2026-05-20T25:00:00Z", "2026-05-20T09"])("rejects %s", (text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it("reads a naked dateTime in its timeZone (IANA), and rejects an unknown zone", () => {
    expect(parseDateTimeTimeZone({ dateTime: "2026-05-20T11:00:00.0000000", timeZone: "Europe/Berlin" })).toBe(Date.parse("2026-05-20T09:00:00Z"));
    expect(parseDateTimeTimeZone({ dateTime: "2026-01-20T11:00:00", timeZone: "Europe/Berlin" })).toBe(Date.parse("2026-01-20T10:00:00Z"));
    expect(parseDateTimeTimeZone({ dateTime: "2026-05-20T11:00:00", timeZone: "UTC" })).toBe(Date.parse("2026-05-20T11:00:00Z"));
    expect(parseDateTimeTimeZone({ dateTime: "2026-05-20T11:00:00", timeZone: "Mars/Olympus" })).toBeNull();
  });
});
