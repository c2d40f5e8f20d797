// Covers following create jobs: one read at a time about every 700 ms, retries after failed reads, one end per job, a gone job, dialogs that show a job, and stop/start.
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../shared/apiClient";
import type { JobView } from "../invoice.types";
import { JOB_POLL_MS, createJobTracker } from "./jobTracker";

function buildJob(overrides: Partial<JobView> = {}): JobView {
  return {
    id: "job-1",
    kind: "createInvoices",
    status: "queued",
    total: 1_200,
    done: 0,
    failed: 0,
    errors: [],
    result: null,
    createdAt: "2026-03-02T10:00:00.000Z",
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

/** A tracker on fake timers whose reads answer `answers` in turn (an Error is thrown). */
function setup(answers: (JobView | Error)[]) {
  vi.useFakeTimers();
  const reads: string[] = [];
  const ended: JobView[] = [];
  const getJob = async (id: string) => {
    reads.push(id);
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    if (next instanceof Error) throw next;
    return next;
  };
  const tracker = createJobTracker({ getJob, onEnd: (job) => ended.push(job) });
  return { tracker, reads, ended };
}

const running = (done: number) => buildJob({ status: "running", done });
const succeeded = buildJob({ status: "succeeded", done: 1_200, result: { invoices: 30 } });

describe("createJobTracker", () => {
  it("reads soon after the start, then every interval, one read at a time, until the job ends", async () => {
    const { tracker, reads, ended } = setup([running(100), running(600), succeeded]);
    tracker.track(buildJob());
    expect(tracker.getSnapshot().map((j) => j.job.status)).toEqual(["queued"]);
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS / 3);
    expect(reads).toHaveLength(1);
    expect(tracker.getSnapshot()[0]?.job.done).toBe(100);
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS - 1);
    expect(reads).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(reads).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS);
    expect(ended).toEqual([succeeded]);
    // Ended and shown by no dialog: dropped, and never read again.
    expect(tracker.getSnapshot()).toEqual([]);
    await vi.advanceTimersByTimeAsync(10 * JOB_POLL_MS);
    expect(reads).toHaveLength(3);
    vi.useRealTimers();
  });

  it("keeps the last state through failed reads, counts them, waits longer and goes on", async () => {
    const { tracker, reads, ended } = setup([running(100), new ApiError(0, "NETWORK", "offline"), new ApiError(503, "HTTP_503", "busy"), running(900), succeeded]);
    tracker.track(buildJob());
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS / 3 + JOB_POLL_MS);
    expect(tracker.getSnapshot()[0]).toMatchObject({ misses: 1, job: { done: 100 } });
    await vi.advanceTimersByTimeAsync(2 * JOB_POLL_MS);
    expect(tracker.getSnapshot()[0]).toMatchObject({ misses: 2, job: { done: 100 } });
    await vi.advanceTimersByTimeAsync(3 * JOB_POLL_MS);
    expect(tracker.getSnapshot()[0]).toMatchObject({ misses: 0, job: { done: 900 } });
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS);
    expect(reads).toHaveLength(5);
    expect(ended).toEqual([succeeded]);
    vi.useRealTimers();
  });

  it("ends a job the API no longer knows as failed with NOT_FOUND", async () => {
    const { tracker, ended } = setup([new ApiError(404, "NOT_FOUND", "No such job.")]);
    tracker.track(buildJob());
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS);
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ status: "failed", errors: [{ code: "NOT_FOUND", message: "No such job." }] });
    vi.useRealTimers();
  });

  it("keeps an ended job while a dialog shows it, and drops it when the dialog lets go", async () => {
    const { tracker, ended } = setup([succeeded]);
    tracker.track(buildJob());
    const release = tracker.show("job-1");
    expect(tracker.getSnapshot()[0]?.shown).toBe(true);
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS);
    expect(ended).toHaveLength(1);
    expect(tracker.getSnapshot()).toMatchObject([{ shown: true, job: { status: "succeeded" } }]);
    release();
    release(); // twice is once
    expect(tracker.getSnapshot()).toEqual([]);
    vi.useRealTimers();
  });

  it("shows a running job as not shown once its dialog closes, so the page can show it", async () => {
    const { tracker } = setup([running(100)]);
    tracker.track(buildJob());
    const release = tracker.show("job-1");
    release();
    expect(tracker.getSnapshot()).toMatchObject([{ shown: false, job: { status: "queued" } }]);
    tracker.stop();
    vi.useRealTimers();
  });

  it("tracks a job once, and ends one that has ended already at once", async () => {
    const { tracker, reads, ended } = setup([running(1), running(2)]);
    tracker.track(buildJob());
    tracker.track(buildJob());
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS / 3);
    expect(reads).toHaveLength(1);
    tracker.track(buildJob({ id: "job-2", status: "failed" }));
    expect(ended.map((j) => j.id)).toEqual(["job-2"]);
    tracker.stop();
    vi.useRealTimers();
  });

  it("stops reading on stop and reads again on start", async () => {
    const { tracker, reads, ended } = setup([running(100), succeeded]);
    tracker.track(buildJob());
    tracker.stop();
    await vi.advanceTimersByTimeAsync(10 * JOB_POLL_MS);
    expect(reads).toEqual([]);
    tracker.start();
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS / 3);
    expect(reads).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS);
    expect(ended).toEqual([succeeded]);
    vi.useRealTimers();
  });

  it("tells subscribers about every change with a new snapshot", async () => {
    const { tracker } = setup([running(100)]);
    const seen: unknown[] = [];
    const unsubscribe = tracker.subscribe(() => seen.push(tracker.getSnapshot()));
    tracker.track(buildJob());
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS / 3);
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toBe(seen[1]);
    unsubscribe();
    tracker.stop();
    vi.useRealTimers();
  });
});
