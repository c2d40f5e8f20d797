// Covers how sync run counts, statuses and durations are worded on the setup page.
import { describe, expect, it } from "vitest";
import { countLabel, runDuration, statusColor } from "./syncFormat";

describe("countLabel", () => {
  it.each([
    ["appointmentsFetched", "Appointments fetched"],
    ["customers.skippedNoEmail", "Customers skipped no email"],
    ["staff.read", "Staff read"],
    ["items_created", "Items created"],
  ])("%s → %s", (key, label) => {
    expect(countLabel(key)).toBe(label);
  });
});

describe("statusColor", () => {
  it.each([
    ["succeeded", "success"],
    ["failed", "danger"],
    ["partial", "warning"],
    ["running", "informative"],
    ["something", "subtle"],
  ])("%s → %s", (status, color) => {
    expect(statusColor(status)).toBe(color);
  });
});

describe("runDuration", () => {
  it("formats seconds and minutes, and nothing while running", () => {
    expect(runDuration("2026-03-01T10:00:00.000Z", "2026-03-01T10:00:04.200Z")).toBe("4.2 s");
    expect(runDuration("2026-03-01T10:00:00.000Z", "2026-03-01T10:03:00.000Z")).toBe("3 min");
    expect(runDuration("2026-03-01T10:00:00.000Z", null)).toBeNull();
  });
});
