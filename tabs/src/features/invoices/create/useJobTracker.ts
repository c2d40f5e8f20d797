// The Invoices page's create jobs: one tracker per page, its job ids kept in sessionStorage so that leaving the page
// (Setup, a reload) and coming back picks a running job up again.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { ApiError } from "../../../shared/apiClient";
import { useApi } from "../../../shared/apiContext";
import type { JobView } from "../invoice.types";
import { getJob } from "../invoicesApi";
import { createJobTracker } from "./jobTracker";
import type { JobTracker, TrackedJob } from "./jobTracker";

const STORAGE_KEY = "bookingsInvoicing.createJobs";

// Storage can be unavailable (blocked third-party storage in a Teams iframe): the jobs are then followed while the page lives.
function rememberedIds(): string[] {
  try {
    const ids: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

function saveIds(ids: string[]): void {
  try {
    if (ids.length) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Not remembered: see rememberedIds.
  }
}

const remember = (id: string) => saveIds([...new Set([...rememberedIds(), id])]);
const forget = (id: string) => saveIds(rememberedIds().filter((x) => x !== id));

/** A tracker for the page's create jobs that polls while the page is mounted; `onEnd` sees each job end once. */
export function useJobTracker(onEnd: (job: JobView) => void): JobTracker {
  const api = useApi();
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  const [tracker] = useState<JobTracker>(() => {
    const inner = createJobTracker({
      getJob: (id) => getJob(api, id),
      onEnd: (job) => {
        forget(job.id);
        onEndRef.current(job);
      },
    });
    return {
      ...inner,
      track: (job) => {
        remember(job.id);
        inner.track(job);
      },
    };
  });

  useEffect(() => {
    tracker.start();
    return () => tracker.stop();
  }, [tracker]);

  // Jobs started before the page last unmounted: follow those still known; one that ended meanwhile reports its end.
  useEffect(() => {
    for (const id of rememberedIds()) {
      getJob(api, id).then(
        (job) => {
          // Only if still remembered: a second read (StrictMode runs effects twice) must not report an end again.
          if (rememberedIds().includes(id)) tracker.track(job);
        },
        (err: unknown) => {
          if (err instanceof ApiError && err.status === 404) forget(id);
        },
      );
    }
  }, [api, tracker]);

  return tracker;
}

/** The tracker's jobs; re-renders the caller on every poll. */
export function useTrackedJobs(tracker: JobTracker): readonly TrackedJob[] {
  return useSyncExternalStore(tracker.subscribe, tracker.getSnapshot);
}
