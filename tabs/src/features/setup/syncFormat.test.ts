// Covers how sync runs are worded on the setup page: phases and progress, statuses, durations, counts and outcomes, in English and Dutch.
import { describe, expect, it } from "vitest";
import type { SyncRun } from "./setup.types";
import {
  countLabel,
  describeEnd,
  formatElapsed,
  orderedCounts,
  phaseLabel,
  progressFraction,
  runDuration,
  runOutcome,
  runSummary,
  statusColor,
  statusLabel,
  triggerLabel,
  watchingTitle,
} from "./syncFormat";
import { setLanguage } from "../../shared/i18n/i18n";

function buildRun(overrides: Partial<SyncRun> = {}): SyncRun {
  return {
    id: "run-1",
    trigger: "manual",
    status: "succeeded",
    startedAt: "2026-03-01T10:00:00.000Z",
    finishedAt: "2026-03-01T10:00:04.200Z",
    counts: { "appointments.read": 12, "appointments.fetched": 3, "customers.created": 1 },
    errors: [],
    skipped: [],
    progress: { phase: "done", windowsDone: 4, windowsTotal: 4 },
    ...overrides,
  };
}

describe("phaseLabel and progressFraction", () => {
  it.each([
    [{ phase: "starting", windowsDone: 0, windowsTotal: 0 }, "Starting", undefined],
    [{ phase: "business", windowsDone: 0, windowsTotal: 0 }, "Reading the Bookings business", undefined],
    [{ phase: "services", windowsDone: 0, windowsTotal: 0 }, "Reading services", undefined],
    [{ phase: "staff", windowsDone: 0, windowsTotal: 0 }, "Reading staff", undefined],
    [{ phase: "customers", windowsDone: 0, windowsTotal: 0 }, "Reading customers", undefined],
    [{ phase: "appointments", windowsDone: 0, windowsTotal: 4 }, "Reading appointments — window 1 of 4", 0],
    [{ phase: "appointments", windowsDone: 1, windowsTotal: 4 }, "Reading appointments — window 2 of 4", 0.25],
    [{ phase: "appointments", windowsDone: 4, windowsTotal: 4 }, "Reading appointments — window 4 of 4", 1],
    [{ phase: "appointments", windowsDone: 0, windowsTotal: 0 }, "Reading appointments", undefined],
    [{ phase: "done", windowsDone: 4, windowsTotal: 4 }, "Finishing", undefined],
  ] as const)("%j → %s", (progress, label, fraction) => {
    expect(phaseLabel(progress)).toBe(label);
    expect(progressFraction(progress)).toBe(fraction);
  });

  it("copes with a run that reports no progress yet (older API)", () => {
    expect(phaseLabel(undefined)).toBe("Syncing");
    expect(progressFraction(undefined)).toBeUndefined();
    expect(phaseLabel({ phase: "appointments" })).toBe("Reading appointments");
  });
});

describe("statuses and triggers", () => {
  it.each([
    ["succeeded", "success", "Succeeded"],
    ["partial", "warning", "Partial"],
    ["failed", "danger", "Failed"],
    ["running", "informative", "Running"],
    ["something", "subtle", "Something"],
  ])("%s → %s badge, %s", (status, color, label) => {
    expect(statusColor(status)).toBe(color);
    expect(statusLabel(status)).toBe(label);
  });

  it("names triggers", () => {
    expect([triggerLabel("manual"), triggerLabel("schedule"), triggerLabel("startup")]).toEqual(["Manual", "Scheduled", "At start-up"]);
  });
});

describe("durations", () => {
  it.each([
    [4200, "4.2 s"],
    [59_949, "59.9 s"],
    [80_000, "1 min 20 s"],
    [180_000, "3 min"],
    [3_900_000, "1 h 5 min"],
  ])("%i ms → %s", (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });

  it("is null while a run is running or when the timestamps disagree", () => {
    expect(runDuration("2026-03-01T10:00:00.000Z", "2026-03-01T10:00:04.200Z")).toBe("4.2 s");
    expect(runDuration("2026-03-01T10:00:00.000Z", null)).toBeNull();
    expect(runDuration("2026-03-01T10:00:05.000Z", "2026-03-01T10:00:00.000Z")).toBeNull();
  });
});

describe("counts", () => {
  it.each([
    ["appointments.read", "Appointments read"],
    ["customers.skipped", "Customers skipped"],
    ["staff.read", "Staff members"],
    ["notifications.sentToTeams", "Notifications sent to teams"],
  ])("%s → %s", (key, label) => {
    expect(countLabel(key)).toBe(label);
  });

  it("orders appointments, customers, items, staff, then unknown keys alphabetically", () => {
    const keys = orderedCounts({ zeta: 1, "staff.read": 4, "customers.created": 2, alpha: 1, "appointments.read": 9 }).map(([k]) => k);
    expect(keys).toEqual(["appointments.read", "customers.created", "staff.read", "alpha", "zeta"]);
  });

  it("summarises a run in one line", () => {
    const run = buildRun({ skipped: [{ kind: "customer", itemId: "c-1", reason: "no e-mail address in Bookings", reasonCode: "noEmail" }] });
    expect(runSummary(run)).toBe("12 appointments read · 3 new or changed · 1 new customer · 1 skipped");
    expect(runSummary(buildRun({ counts: {} }))).toBe("");
  });
});

describe("outcomes", () => {
  it("reports success, partial with its number of problems, and failure with the first error", () => {
    expect(runOutcome(buildRun())).toEqual({ intent: "success", title: "Sync finished", body: "12 appointments read · 3 new or changed · 1 new customer" });
    const errors = [
      { kind: "appointment", code: "graphNotFound" as const, message: "Not found", itemId: "a-1", status: 404, requestId: "req-1" },
      { kind: "appointment", code: "graphDenied" as const, message: "Forbidden", itemId: "a-2", status: 403, requestId: "req-2" },
    ];
    expect(runOutcome(buildRun({ status: "partial", errors }))).toMatchObject({ intent: "warning", title: "Sync finished with 2 problems" });
    expect(runOutcome(buildRun({ status: "failed", errors }))).toEqual({ intent: "error", title: "Sync failed", body: "Microsoft Graph no longer finds this item (HTTP 404)." });
  });

  it("explains refused requests by code and a run lost from sight", () => {
    expect(describeEnd({ kind: "error", code: "NOT_CONFIGURED", message: "m" }).title).toBe("Save the setup first");
    expect(describeEnd({ kind: "error", code: "GRAPH_ERROR", message: "Graph is down" })).toEqual({ intent: "error", title: "Sync failed", body: "Graph is down" });
    expect(describeEnd({ kind: "lost" }).title).toBe("A sync is already running");
  });

  it("titles the progress by why the run is watched", () => {
    expect(watchingTitle("manual", null)).toBe("Syncing with Microsoft Bookings");
    expect(watchingTitle("conflict", null)).toBe("A sync is already running — following its progress");
    expect(watchingTitle("background", { trigger: "schedule" })).toBe("A scheduled sync is running");
  });
});

describe("in Dutch", () => {
  it("words phases, statuses, durations and summaries in Dutch", () => {
    setLanguage("nl");
    try {
      expect(phaseLabel({ phase: "appointments", windowsDone: 1, windowsTotal: 4 })).toBe("Afspraken lezen — periode 2 van 4");
      expect(statusLabel("succeeded")).toBe("Geslaagd");
      expect(triggerLabel("schedule")).toBe("Gepland");
      expect(formatElapsed(4200, "nl-NL")).toBe("4,2 s");
      expect(formatElapsed(3_900_000, "nl-NL")).toBe("1 u 5 min");
      expect(countLabel("appointments.read")).toBe("Afspraken gelezen");
      expect(runSummary(buildRun())).toBe("12 afspraken gelezen · 3 nieuw of gewijzigd · 1 nieuwe klant");
      expect(runOutcome(buildRun({ status: "partial", errors: [{ kind: "appointment", code: "graphNotFound", message: "x", itemId: "a", status: 404, requestId: "r" }] })).title).toBe(
        "Synchronisatie voltooid met 1 probleem",
      );
    } finally {
      setLanguage("en");
    }
  });
});
