// Covers the time zone search of the setup form: every typed word must match, underscores read as spaces, 50 at most.
import { describe, expect, it } from "vitest";
import { matchTimeZones } from "./TimeZoneField";

const ZONES = ["UTC", "Europe/Amsterdam", "Europe/Brussels", "America/New_York", "America/Argentina/Buenos_Aires", "Asia/Amman"];

describe("matchTimeZones", () => {
  it.each([
    ["", ZONES],
    ["amst", ["Europe/Amsterdam"]],
    ["europe ams", ["Europe/Amsterdam"]],
    ["Europe/Br", ["Europe/Brussels"]],
    ["new york", ["America/New_York"]],
    ["buenos_aires", ["America/Argentina/Buenos_Aires"]],
    ["am", ["Europe/Amsterdam", "America/New_York", "America/Argentina/Buenos_Aires", "Asia/Amman"]],
    ["mars", []],
  ])("%j → %j", (query, expected) => {
    expect(matchTimeZones(query, ZONES)).toEqual(expected);
  });

  it("shows at most 50 of the browser's zones", () => {
    expect(matchTimeZones("")).toHaveLength(50);
    expect(matchTimeZones("amsterdam")).toEqual(["Europe/Amsterdam"]);
  });
});
