// Wording of sync runs on the setup page: phases, progress, statuses, durations, counts and outcomes.
import type { BadgeProps } from "@fluentui/react-components";
import { getLocale } from "../../shared/format";
import { t } from "../../shared/i18n/i18n";
import type { SyncProgress, SyncRun } from "./setup.types";
import type { SyncEnd, SyncReason } from "./syncActivity";
import { syncErrorText } from "./syncProblemText";

/** "Reading appointments — window 2 of 4" and the like; "Syncing" while the API reports no progress. */
export function phaseLabel(progress: Partial<SyncProgress> | null | undefined): string {
  switch (progress?.phase) {
    case "starting":
    case "business":
    case "services":
    case "staff":
    case "customers":
      return t(`sync.phases.${progress.phase}`);
    case "appointments": {
      const total = progress.windowsTotal ?? 0;
      if (total <= 0) return t("sync.phases.appointments");
      // windowsDone counts finished windows: the one being read is the next one.
      const current = Math.min((progress.windowsDone ?? 0) + 1, total);
      return t("sync.phases.appointmentsWindow", { current, total });
    }
    case "done":
      return t("sync.phases.done");
    default:
      return t("sync.phases.syncing");
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

const STATUSES = ["succeeded", "partial", "failed", "running"] as const;
const TRIGGERS = ["manual", "schedule", "startup"] as const;
const oneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** "Succeeded", "Partial", "Failed", "Running"; an unknown status is shown capitalised as it is. */
export function statusLabel(status: string): string {
  if (oneOf(STATUSES, status)) return t(`sync.status.${status}`);
  return status ? status.charAt(0).toUpperCase() + status.slice(1) : t("sync.status.unknown");
}

/** Who started a run. */
export function triggerLabel(trigger: string): string {
  return oneOf(TRIGGERS, trigger) ? t(`sync.trigger.${trigger}`) : statusLabel(trigger);
}

/** A span of milliseconds as "4.2 s", "1 min 20 s" or "1 h 5 min" (Dutch: "4,2 s", "1 u 5 min"). */
export function formatElapsed(ms: number, locale = getLocale()): string {
  if (ms < 60_000) {
    const s = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.max(0, ms) / 1000);
    return t("format.seconds", { s });
  }
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return m ? t("format.hoursMinutes", { h, m }) : t("format.hours", { h });
  return s ? t("format.minutesSeconds", { m, s }) : t("format.minutes", { m });
}

/** Run duration, or null while it runs (or when the timestamps make no sense). */
export function runDuration(startedAt: string, finishedAt: string | null): string | null {
  if (!finishedAt) return null;
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  return Number.isNaN(ms) || ms < 0 ? null : formatElapsed(ms);
}

/** The API's count keys in reading order, each with its `sync.countLabels.<label>` text key. */
const COUNT_LABELS = {
  "appointments.read": "appointmentsRead",
  "appointments.fetched": "appointmentsFetched",
  "appointments.cancelled": "appointmentsCancelled",
  "customers.created": "customersCreated",
  "customers.updated": "customersUpdated",
  "customers.unchanged": "customersUnchanged",
  "customers.skipped": "customersSkipped",
  "customers.skippedNoEmail": "customersSkippedNoEmail",
  "customers.deactivated": "customersDeactivated",
  "items.created": "itemsCreated",
  "items.updated": "itemsUpdated",
  "items.unchanged": "itemsUnchanged",
  "items.deactivated": "itemsDeactivated",
  "staff.read": "staffRead",
} as const;
const COUNT_ORDER: readonly string[] = Object.keys(COUNT_LABELS);
const isCountKey = (key: string): key is keyof typeof COUNT_LABELS => Object.hasOwn(COUNT_LABELS, key);

/** A readable name for a count key; unknown keys are spelled out ("foo.barBaz" → "Foo bar baz"). */
export function countLabel(key: string): string {
  if (isCountKey(key)) return t(`sync.countLabels.${COUNT_LABELS[key]}`);
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
    "appointments.read" in c ? t("sync.summary.read", { count: n("appointments.read") }) : "",
    n("appointments.fetched") ? t("sync.summary.changed", { count: n("appointments.fetched") }) : "",
    n("appointments.cancelled") ? t("sync.summary.cancelled", { count: n("appointments.cancelled") }) : "",
    n("customers.created") ? t("sync.summary.newCustomers", { count: n("customers.created") }) : "",
    n("items.created") ? t("sync.summary.newItems", { count: n("items.created") }) : "",
    skipped ? t("sync.summary.skipped", { count: skipped }) : "",
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
  if (run.status === "succeeded") return { intent: "success", title: t("sync.outcome.finished"), body: summary || t("sync.outcome.upToDate") };
  if (run.status === "partial") {
    return {
      intent: "warning",
      title: t("sync.outcome.partial", { count: problems }),
      body: `${summary ? `${summary}. ` : ""}${t("sync.outcome.partialHint")}`,
    };
  }
  if (run.status === "failed") {
    const first = run.errors?.[0];
    return { intent: "error", title: t("sync.outcome.failed"), body: first ? syncErrorText(first) : t("sync.outcome.stoppedEarly") };
  }
  return { intent: "info", title: t("sync.outcome.stillRunning"), body: phaseLabel(run.progress) };
}

/** What to tell the admin when a watched sync ends: the run's outcome, a refused request, or a run that was lost sight of. */
export function describeEnd(end: SyncEnd): RunOutcome {
  if (end.kind === "run") return runOutcome(end.run);
  if (end.kind === "lost") {
    return { intent: "info", title: t("sync.outcome.alreadyRunning"), body: t("sync.outcome.alreadyRunningHint") };
  }
  if (end.code === "NOT_CONFIGURED") return { intent: "warning", title: t("sync.outcome.saveFirst"), body: end.message };
  if (end.code === "FORBIDDEN") return { intent: "error", title: t("sync.outcome.adminOnly"), body: end.message };
  return { intent: "error", title: t("sync.outcome.failed"), body: end.message };
}

/** The heading above a running sync's progress. */
export function watchingTitle(reason: SyncReason, live: Pick<SyncRun, "trigger"> | null): string {
  if (reason === "manual") return t("sync.watching.manual");
  if (reason === "conflict") return t("sync.watching.conflict");
  if (live?.trigger === "schedule") return t("sync.watching.schedule");
  if (live?.trigger === "startup") return t("sync.watching.startup");
  return t("sync.watching.other");
}
