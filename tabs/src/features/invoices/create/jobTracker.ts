// Follows create jobs by polling GET /api/jobs/:id until they end, so a job outlives the dialog that started it.
import { ApiError, errorMessage } from "../../../shared/apiClient";
import { hasEnded } from "./jobProgress";
import type { JobView } from "../invoice.types";

/** How often a running job is read. */
export const JOB_POLL_MS = 700;
/** After failed reads the wait grows, up to this many intervals. */
const MAX_BACKOFF = 5;

/** A followed job as last read: how many reads in a row have failed since, and whether a dialog shows it. */
export interface TrackedJob {
  job: JobView;
  misses: number;
  shown: boolean;
}

/** What the tracker needs: the GET, what to do when a job ends, and (for tests) the clock. */
export interface JobTrackerDeps {
  getJob: (jobId: string) => Promise<JobView>;
  /** Called once per job when it succeeds or fails, or is gone (a 404 ends it as failed with NOT_FOUND). */
  onEnd: (job: JobView) => void;
  intervalMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** The followed jobs as a React store (subscribe/getSnapshot), with its actions. */
export interface JobTracker {
  /** Follows a job from the answer that started it; a job followed already is left as it is. */
  track: (job: JobView) => void;
  /** Marks a job as shown by a dialog until the returned release is called; an ended job shown nowhere is dropped. */
  show: (jobId: string) => () => void;
  /** Running jobs, and ended ones while a dialog still shows them; a new array after every change. */
  getSnapshot: () => readonly TrackedJob[];
  subscribe: (listener: () => void) => () => void;
  /** Polls every running job (again); the tracker starts started. */
  start: () => void;
  /** Stops polling (the page unmounts); the jobs go on on the server. */
  stop: () => void;
}

/** A tracker reading each job one request at a time, waiting longer after failed reads. */
export function createJobTracker(deps: JobTrackerDeps): JobTracker {
  const interval = deps.intervalMs ?? JOB_POLL_MS;
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const jobs = new Map<string, { job: JobView; misses: number }>();
  const shown = new Map<string, number>();
  const timers = new Map<string, unknown>();
  const reading = new Set<string>();
  const listeners = new Set<() => void>();
  let snapshot: readonly TrackedJob[] = [];
  let running = true;

  const changed = () => {
    snapshot = [...jobs.values()].map((j) => ({ ...j, shown: (shown.get(j.job.id) ?? 0) > 0 }));
    for (const listener of listeners) listener();
  };
  const dropIfUnseen = (jobId: string) => {
    const tracked = jobs.get(jobId);
    if (tracked && hasEnded(tracked.job) && !shown.get(jobId)) jobs.delete(jobId);
  };
  const schedule = (jobId: string, ms: number) => {
    if (running && !timers.has(jobId) && !reading.has(jobId)) timers.set(jobId, setTimer(() => void poll(jobId), ms));
  };
  const end = (job: JobView) => {
    dropIfUnseen(job.id);
    changed();
    deps.onEnd(job);
  };

  async function read(jobId: string, before: { job: JobView; misses: number }) {
    try {
      return { job: await deps.getJob(jobId), misses: 0 };
    } catch (err) {
      // Gone (purged, or another tenant's): nothing will ever answer it, so it ends here.
      if (err instanceof ApiError && err.status === 404) {
        return { job: { ...before.job, status: "failed" as const, errors: [...before.job.errors, { code: err.code, message: errorMessage(err) }] }, misses: 0 };
      }
      return { job: before.job, misses: before.misses + 1 };
    }
  }

  async function poll(jobId: string): Promise<void> {
    timers.delete(jobId);
    const before = jobs.get(jobId);
    if (!before || !running) return;
    reading.add(jobId);
    const next = await read(jobId, before);
    reading.delete(jobId);
    jobs.set(jobId, next);
    if (hasEnded(next.job)) return end(next.job);
    changed();
    schedule(jobId, interval * Math.min(1 + next.misses, MAX_BACKOFF));
  }

  return {
    track(job) {
      if (jobs.has(job.id)) return;
      jobs.set(job.id, { job, misses: 0 });
      if (hasEnded(job)) return end(job);
      changed();
      // The first read comes soon: a small job may be done before a full interval.
      schedule(job.id, interval / 3);
    },
    show(jobId) {
      shown.set(jobId, (shown.get(jobId) ?? 0) + 1);
      changed();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const n = (shown.get(jobId) ?? 1) - 1;
        if (n > 0) shown.set(jobId, n);
        else shown.delete(jobId);
        dropIfUnseen(jobId);
        changed();
      };
    },
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    start() {
      running = true;
      for (const { job } of jobs.values()) if (!hasEnded(job)) schedule(job.id, interval / 3);
    },
    stop() {
      running = false;
      for (const timer of timers.values()) clearTimer(timer);
      timers.clear();
    },
  };
}
