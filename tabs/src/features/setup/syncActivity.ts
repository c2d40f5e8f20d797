// The Sync now state machine: our own POST /api/sync, or a run we follow by polling, and how each one ends.
import type { SyncRun } from "./setup.types";

/** Polls without seeing the followed run before giving up on it (about 6 s at 750 ms). */
export const MAX_MISSES = 8;

/** Why a run is being watched: we started it, the API said one was already running, or one was running on load. */
export type SyncReason = "manual" | "conflict" | "background";

/** What the Sync panel is doing. */
export type SyncActivity =
  | { kind: "idle" }
  | { kind: "watching"; reason: SyncReason; runId: string | null; misses: number };

/** How the last watched sync ended. */
export type SyncEnd =
  | { kind: "run"; run: SyncRun }
  | { kind: "error"; code: string; message: string }
  /** The followed run never showed up (or vanished) in the runs list. */
  | { kind: "lost" };

/** The panel's state: activity, the running run as last polled, and the last ending. */
export interface SyncState {
  activity: SyncActivity;
  live: SyncRun | null;
  end: SyncEnd | null;
}

/** Things that happen to the panel. */
export type SyncEvent =
  | { type: "start" }
  | { type: "follow"; reason: "conflict" | "background"; run?: SyncRun }
  | { type: "polled"; runs: SyncRun[] }
  | { type: "pollFailed" }
  | { type: "finished"; run: SyncRun }
  | { type: "failed"; code: string; message: string }
  | { type: "dismiss" };

/** Nothing running, nothing to report. */
export const IDLE: SyncState = { activity: { kind: "idle" }, live: null, end: null };

/** The running run a poll answer shows for the current activity. */
function findWatched(runs: SyncRun[], runId: string | null): SyncRun | undefined {
  return runId ? runs.find((r) => r.id === runId) : runs.find((r) => r.status === "running");
}

function missed(state: SyncState, activity: Extract<SyncActivity, { kind: "watching" }>): SyncState {
  // Our own POST ends the activity by answering; only a followed run can be lost.
  if (activity.reason === "manual") return state;
  const misses = activity.misses + 1;
  if (misses >= MAX_MISSES) return { activity: { kind: "idle" }, live: null, end: { kind: "lost" } };
  return { ...state, activity: { ...activity, misses } };
}

function handlePolled(state: SyncState, runs: SyncRun[]): SyncState {
  const { activity } = state;
  if (activity.kind !== "watching") return state;
  const run = findWatched(runs, activity.runId);
  if (!run) return missed(state, activity);
  const watching = { ...activity, runId: run.id, misses: 0 };
  if (run.status === "running" || activity.reason === "manual") return { ...state, activity: watching, live: run };
  return { activity: { kind: "idle" }, live: null, end: { kind: "run", run } };
}

/** The next state after an event; pure, so the polling rules are unit-tested. */
export function syncReducer(state: SyncState, event: SyncEvent): SyncState {
  switch (event.type) {
    case "start":
      return { activity: { kind: "watching", reason: "manual", runId: null, misses: 0 }, live: null, end: null };
    case "follow":
      if (state.activity.kind === "watching" && state.activity.reason !== "manual") return state;
      return {
        activity: { kind: "watching", reason: event.reason, runId: event.run?.id ?? null, misses: 0 },
        live: event.run ?? state.live,
        end: null,
      };
    case "polled":
      return handlePolled(state, event.runs);
    case "pollFailed":
      return state.activity.kind === "watching" ? missed(state, state.activity) : state;
    case "finished":
      return { activity: { kind: "idle" }, live: null, end: { kind: "run", run: event.run } };
    case "failed":
      if (event.code === "SYNC_IN_PROGRESS") return syncReducer(state, { type: "follow", reason: "conflict" });
      return { activity: { kind: "idle" }, live: null, end: { kind: "error", code: event.code, message: event.message } };
    case "dismiss":
      return { ...state, end: null };
  }
}

/** A run found running when the page opens is followed only if it is recent, so a stale row cannot poll forever. */
export function shouldFollowOnLoad(runs: SyncRun[], now = Date.now(), maxAgeMs = 15 * 60_000): SyncRun | null {
  const newest = runs[0];
  if (!newest || newest.status !== "running") return null;
  const age = now - Date.parse(newest.startedAt);
  return age >= 0 && age <= maxAgeMs ? newest : null;
}
