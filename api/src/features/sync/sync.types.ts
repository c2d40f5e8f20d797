// API shapes of the sync routes; types only, so the tab imports them too and cannot drift.

/** Counts per kind of record a run touched, e.g. "appointments.fetched". */
export type SyncCounts = Record<string, number>;

/** One recorded sync problem; requestId is Graph's, for support. */
export interface SyncErrorEntry {
  kind: string;
  message: string;
  itemId?: string;
  status?: number;
  requestId?: string;
}

/** A record the sync left out on purpose, and why (e.g. a customer without an e-mail address). */
export interface SyncSkippedEntry {
  kind: "customer" | "appointment";
  itemId: string;
  name?: string;
  reason: string;
}

/** Where a running sync is; the setup page polls it while a sync runs. */
export interface SyncProgress {
  phase: "starting" | "business" | "services" | "staff" | "customers" | "appointments" | "done";
  windowsDone: number;
  windowsTotal: number;
}

/** A sync run as the API shows it. */
export interface SyncRun {
  id: string;
  trigger: "manual" | "schedule" | "startup";
  status: "running" | "succeeded" | "partial" | "failed";
  startedAt: string;
  finishedAt: string | null;
  counts: SyncCounts;
  errors: SyncErrorEntry[];
  skipped: SyncSkippedEntry[];
  progress: SyncProgress;
}
