// Wording of sync runs on the setup page: phases, progress, statuses, durations, counts and outcomes.
import type { BadgeProps } from "@fluentui/react-components";
import { plural } from "../../shared/format";
import type { SyncProgress, SyncRun } from "./setup.types";
import type { SyncEnd, SyncReason } from "./syncActivity";

/** "Reading appointments — window 2 of 4" and the like; "Syncing" while the API reports no progress. */
export function phaseLabel(progress: Partial<SyncProgress> | null | undefined): string {
  switch (progress?.phase) {
    case "starting":
      return "Starting";
    case "business":
      return "Reading the Bookings business";
    case "services":
      return "Reading services";
    case "staff":
      return "Reading staff";
    case "customers":
      return "Reading customers";
    case "appointments": {
      const total = progress.windowsTotal ?? 0;
      if (total <= 0) return "Reading appointments";
      // windowsDone counts finished windows: the one being read is the next one.
      const current = Math.min((progress.windowsDone ?? 0) + 1, total);
      return `Reading appointments — window ${current} of ${total}`;
    }
    case "done":
      return "Finishing";
    default:
      return "Syncing";
  }
}

/** Share of appointment windows done (0..1) during the appointments phase; undefined means indeterminate. */
export function progressFraction(progress: Partial<SyncProgress> | null | undefined): number | undefined {
  if (progress?.phase !== "appointments") return undefined;
  const total = progress.windowsTotal ?? 0;
  if (total <= 0) return undefined;
  return Math.min(1, Math.max(0, (progress.windowsDone ?? 0) / total));
}

/** Badge colour for a run status; unknown statuses are neutral. */
export function statusColor(status: string): BadgeProps["color"] {
  const colors: Record<string, BadgeProps["color"]> = { succeeded: "success", partial: "warning", failed: "danger", running: "informative" };
  return colors[status] ?? "subtle";
}

/** "Succeeded", "Partial", "Failed", "Running". */
export function statusLabel(status: string): string {
  return status ? status.charAt(0).toUpperCase() + status.slice(1) : "Unknown";
}

/** Who started a run. */
export function triggerLabel(trigger: string): string {
  const labels: Record<string, string> = { manual: "Manual", schedule: "Scheduled", startup: "At start-up" };
  return labels[trigger] ?? statusLabel(trigger);
}

/** A span of milliseconds as "4.2 s", "1 min 20 s" or "1 h 5 min". */
export function formatElapsed(ms: number): string {
  if (ms < 60_000) return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return m ? `${h} h ${m} min` : `${h} h`;
  return s ? `${m} min ${s} s` : `${m} min`;
}

/** Run duration, or null while it runs (or when the timestamps make no sense). */
export function runDuration(startedAt: string, finishedAt: string | null): string | null {
  if (!finishedAt) return null;
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  return Number.isNaN(ms) || ms < 0 ? null : formatElapsed(ms);
}

const COUNT_LABELS: Record<string, string> = {
  "appointments.read": "Appointments read",
  "appointments.fetched": "Appointments new or changed",
  "appointments.cancelled": "Appointments cancelled",
  "customers.created": "New customers",
  "customers.updated": "Customers updated",
  "customers.unchanged": "Customers unchanged",
  "customers.skipped": "Customers skipped",
  "customers.skippedNoEmail": "Customers without e-mail",
  "customers.deactivated": "Customers deactivated",
  "items.created": "New service items",
  "items.updated": "Service items updated",
  "items.unchanged": "Service items unchanged",
  "items.deactivated": "Service items deactivated",
  "staff.read": "Staff members",
};
const COUNT_ORDER = Object.keys(COUNT_LABELS);

/** A readable name for a count key; unknown keys are spelled out ("foo.barBaz" → "Foo bar baz"). */
export function countLabel(key: string): string {
  const known = COUNT_LABELS[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[._-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Counts in reading order: appointments, customers, service items, staff, then anything new. */
export function orderedCounts(counts: Record<string, number> | null | undefined): [string, number][] {
  const rank = (key: string) => (COUNT_ORDER.includes(key) ? COUNT_ORDER.indexOf(key) : COUNT_ORDER.length);
  return Object.entries(counts ?? {}).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** One line for the runs table: "124 appointments read · 8 new or changed · 3 new customers · 2 skipped". */
export function runSummary(run: Pick<SyncRun, "counts" | "skipped">): string {
  const c = run.counts ?? {};
  const n = (key: string) => c[key] ?? 0;
  const skipped = run.skipped?.length ?? n("customers.skipped") + n("customers.skippedNoEmail");
  const parts = [
    "appointments.read" in c ? `${plural(n("appointments.read"), "appointment")} read` : "",
    n("appointments.fetched") ? `${n("appointments.fetched")} new or changed` : "",
    n("appointments.cancelled") ? `${n("appointments.cancelled")} cancelled` : "",
    n("customers.created") ? plural(n("customers.created"), "new customer") : "",
    n("items.created") ? plural(n("items.created"), "new service item") : "",
    skipped ? `${skipped} skipped` : "",
  ];
  return parts.filter(Boolean).join(" · ");
}

/** What to tell the admin when a run ends. */
export interface RunOutcome {
  intent: "success" | "warning" | "error" | "info";
  title: string;
  body: string;
}

/** The outcome of a finished run: succeeded, partial with N problems, or failed with its first error. */
export function runOutcome(run: SyncRun): RunOutcome {
  const problems = run.errors?.length ?? 0;
  const summary = runSummary(run);
  if (run.status === "succeeded") return { intent: "success", title: "Sync finished", body: summary || "Everything is up to date." };
  if (run.status === "partial") {
    return {
      intent: "warning",
      title: `Sync finished with ${plural(problems, "problem")}`,
      body: `${summary ? `${summary}. ` : ""}Open the run under Recent runs to see what went wrong.`,
    };
  }
  if (run.status === "failed") {
    const first = run.errors?.[0]?.message;
    return { intent: "error", title: "Sync failed", body: first ?? "The sync stopped before it finished." };
  }
  return { intent: "info", title: "Sync is still running", body: phaseLabel(run.progress) };
}

/** What to tell the admin when a watched sync ends: the run's outcome, a refused request, or a run that was lost sight of. */
export function describeEnd(end: SyncEnd): RunOutcome {
  if (end.kind === "run") return runOutcome(end.run);
  if (end.kind === "lost") {
    return { intent: "info", title: "A sync is already running", body: "Its result will appear under Recent runs when it finishes." };
  }
  if (end.code === "NOT_CONFIGURED") return { intent: "warning", title: "Save the setup first", body: end.message };
  if (end.code === "FORBIDDEN") return { intent: "error", title: "Only an invoicing admin can run a sync", body: end.message };
  return { intent: "error", title: "Sync failed", body: end.message };
}

/** The heading above a running sync's progress. */
export function watchingTitle(reason: SyncReason, live: Pick<SyncRun, "trigger"> | null): string {
  if (reason === "manual") return "Syncing with Microsoft Bookings";
  if (reason === "conflict") return "A sync is already running — following its progress";
  if (live?.trigger === "schedule") return "A scheduled sync is running";
  if (live?.trigger === "startup") return "A start-up sync is running";
  return "A sync is running";
}
