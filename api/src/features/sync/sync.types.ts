// API shapes of the sync routes; types only, so the tab imports them too and cannot drift.

/** Counts per kind of record a run touched, e.g. "appointments.fetched". */
export type SyncCounts = Record<string, number>;

/** What went wrong, as a code the tab words in its language; `message` keeps the English (or Graph's) text. */
export type SyncErrorCode =
  | "graphUnreachable"
  | "graphThrottled"
  | "graphNotFound"
  | "graphDenied"
  | "graphFailed"
  | "graphToken"
  | "consentRequired"
  | "abandoned"
  | "unexpected";

/** One recorded sync problem; requestId is Graph's, for support. */
export interface SyncErrorEntry {
  kind: string;
  code: SyncErrorCode;
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
  /** English text, e.g. "no e-mail address in Bookings"; `reasonCode` says the same as a code. */
  reason: string;
  reasonCode: SyncSkipReasonCode;
}

/** Why a record was left out: so far only customers without an e-mail address. */
export type SyncSkipReasonCode = "noEmail";

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
