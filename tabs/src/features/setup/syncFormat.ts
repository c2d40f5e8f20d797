// Display helpers for sync runs: readable count names and a status colour.
import type { BadgeProps } from "@fluentui/react-components";

/** "appointmentsFetched" or "customers.skippedNoEmail" → "Appointments fetched", "Customers skipped no email". */
export function countLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[._-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Badge colour for a run status; unknown statuses are neutral. */
export function statusColor(status: string): BadgeProps["color"] {
  if (/^(succeeded|success|completed|done|ok)$/i.test(status)) return "success";
  if (/^(failed|error)$/i.test(status)) return "danger";
  if (/partial|warning/i.test(status)) return "warning";
  if (/running|started|pending/i.test(status)) return "informative";
  return "subtle";
}

/** Run duration in seconds ("4.2 s"), or null while it runs. */
export function runDuration(startedAt: string, finishedAt: string | null): string | null {
  if (!finishedAt) return null;
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  if (Number.isNaN(ms) || ms < 0) return null;
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
}
