// Covers the Sync now state machine: our own run, following a run that was already running (409), and giving up on one never seen.
import { describe, expect, it } from "vitest";
import type { SyncRun } from "./setup.types";
import { IDLE, MAX_MISSES, shouldFollowOnLoad, syncReducer } from "./syncActivity";
import type { SyncEvent, SyncState } from "./syncActivity";

function buildRun(overrides: Partial<SyncRun> = {}): SyncRun {
  return {
    id: "run-1",
    trigger: "manual",
    status: "running",
    startedAt: "2026-03-01T10:00:00.000Z",
    finishedAt: null,
    counts: {},
    errors: [],
    skipped: [],
    progress: { phase: "appointments", windowsDone: 1, windowsTotal: 4 },
    ...overrides,
  };
}

const play = (events: SyncEvent[], from: SyncState = IDLE) => events.reduce(syncReducer, from);

describe("syncReducer", () => {
  it("shows our own running run from polls and ends with the POST's answer", () => {
    const running = buildRun();
    const state = play([{ type: "start" }, { type: "polled", runs: [running, buildRun({ id: "old", status: "succeeded" })] }]);
    expect(state.activity).toMatchObject({ kind: "watching", reason: "manual", runId: "run-1" });
    expect(state.live).toBe(running);

    const done = buildRun({ status: "succeeded", finishedAt: "2026-03-01T10:00:05.000Z" });
    expect(syncReducer(state, { type: "finished", run: done })).toEqual({ activity: { kind: "idle" }, live: null, end: { kind: "run", run: done } });
  });

  it("keeps waiting for our own POST even when polls do not show the run yet", () => {
    const polls: SyncEvent[] = Array.from({ length: MAX_MISSES + 2 }, () => ({ type: "polled", runs: [] }));
    const state = play([{ type: "start" }, ...polls]);
    expect(state.activity).toMatchObject({ kind: "watching", reason: "manual" });
  });

  it("follows the running run after 409 SYNC_IN_PROGRESS until it finishes", () => {
    const scheduled = buildRun({ id: "sched", trigger: "schedule" });
    let state = play([{ type: "start" }, { type: "failed", code: "SYNC_IN_PROGRESS", message: "busy" }]);
    expect(state.activity).toMatchObject({ kind: "watching", reason: "conflict", runId: null });
    expect(state.end).toBeNull();

    state = syncReducer(state, { type: "polled", runs: [scheduled] });
    expect(state.activity).toMatchObject({ runId: "sched" });
    expect(state.live).toBe(scheduled);

    const finished = buildRun({ id: "sched", trigger: "schedule", status: "partial", errors: [{ kind: "appointment", code: "unexpected", message: "x" }] });
    state = syncReducer(state, { type: "polled", runs: [finished] });
    expect(state).toEqual({ activity: { kind: "idle" }, live: null, end: { kind: "run", run: finished } });
  });

  it("follows a run found running on load from the start, showing it at once", () => {
    const scheduled = buildRun({ id: "sched", trigger: "schedule" });
    const state = syncReducer(IDLE, { type: "follow", reason: "background", run: scheduled });
    expect(state).toEqual({ activity: { kind: "watching", reason: "background", runId: "sched", misses: 0 }, live: scheduled, end: null });
  });

  it("gives up on a followed run that never shows up", () => {
    let state = play([{ type: "follow", reason: "conflict" }]);
    for (let i = 0; i < MAX_MISSES - 1; i++) state = syncReducer(state, i % 2 ? { type: "pollFailed" } : { type: "polled", runs: [] });
    expect(state.activity.kind).toBe("watching");
    state = syncReducer(state, { type: "polled", runs: [] });
    expect(state).toEqual({ activity: { kind: "idle" }, live: null, end: { kind: "lost" } });
  });

  it("ends with the error for anything but a conflict, and dismisses the ending", () => {
    const state = play([{ type: "start" }, { type: "failed", code: "NOT_CONFIGURED", message: "Set up first" }]);
    expect(state.end).toEqual({ kind: "error", code: "NOT_CONFIGURED", message: "Set up first" });
    expect(syncReducer(state, { type: "dismiss" }).end).toBeNull();
  });

  it("ignores polls while idle", () => {
    expect(syncReducer(IDLE, { type: "polled", runs: [buildRun()] })).toBe(IDLE);
  });
});

describe("shouldFollowOnLoad", () => {
  const now = Date.parse("2026-03-01T10:05:00.000Z");
  it("follows a recent running run only", () => {
    expect(shouldFollowOnLoad([buildRun()], now)?.id).toBe("run-1");
    expect(shouldFollowOnLoad([buildRun({ startedAt: "2026-03-01T09:00:00.000Z" })], now)).toBeNull();
    expect(shouldFollowOnLoad([buildRun({ status: "succeeded" })], now)).toBeNull();
    expect(shouldFollowOnLoad([], now)).toBeNull();
  });
});
