// Sends documents by e-mail (or reminds overdue invoices) and follows the job that does it with the create jobs'
// tracker: the request, the progress while the job runs, and the outcome once it ended. One run at a time, so a
// double click never sends twice.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useApi } from "../../../shared/apiContext";
import type { Invoice, JobView, RemindAccepted, SendAccepted } from "../invoice.types";
import { getJob } from "../invoicesApi";
import { createJobTracker } from "../create/jobTracker";
import { remindInvoices, sendInvoices } from "./deliveryApi";

/** Sending the documents themselves, or a reminder of each. */
export type SendKind = "send" | "remind";

/** One run: asked (the request on its way), running (the job sends), or ended (with the job, or the request's refusal). */
export interface SendRun {
  kind: SendKind;
  resend: boolean;
  /** The documents asked for; their numbers name them in the result. */
  invoices: Invoice[];
  phase: "requesting" | "running" | "ended";
  accepted: SendAccepted | RemindAccepted | null;
  /** The job as last read. */
  job: JobView | null;
  /** Why the request was refused (DELIVERY_DISABLED, a network error), or null. */
  error: unknown;
}

/** Options: what to do once the request queued documents, and once the run ended (to show the documents as they are now). */
export interface SendJobOptions {
  onQueued?: (run: SendRun) => void;
  onEnded?: (run: SendRun) => void;
}

const NO_JOBS: readonly never[] = [];
const noJobs = () => NO_JOBS;

/** The current run (null before the first), whether one is under way, and how to start one or dismiss the last. */
export function useSendJob({ onQueued, onEnded }: SendJobOptions = {}) {
  const api = useApi();
  const [run, setRun] = useState<SendRun | null>(null);
  const current = useRef<SendRun | null>(null);
  // Set before the first await: a second click in the same frame finds it taken.
  const busy = useRef(false);
  const handlers = useRef({ onQueued, onEnded });
  handlers.current = { onQueued, onEnded };

  const finish = useCallback((next: SendRun) => {
    busy.current = false;
    current.current = next;
    setRun(next);
    handlers.current.onEnded?.(next);
  }, []);

  const [tracker] = useState(() =>
    createJobTracker({
      getJob: (id) => getJob(api, id),
      onEnd: (job) => {
        const before = current.current;
        if (before?.accepted?.jobId === job.id) finish({ ...before, phase: "ended", job });
      },
    }),
  );
  useEffect(() => {
    tracker.start();
    return () => tracker.stop();
  }, [tracker]);
  const tracked = useSyncExternalStore(tracker.subscribe, tracker.getSnapshot, noJobs);
  const live = run?.phase === "running" ? (tracked.find((j) => j.job.id === run.accepted?.jobId)?.job ?? run.job) : (run?.job ?? null);

  const start = useCallback(
    async (kind: SendKind, invoices: Invoice[], options: { resend?: boolean } = {}) => {
      if (busy.current || invoices.length === 0) return;
      busy.current = true;
      const base: SendRun = { kind, resend: options.resend ?? false, invoices, phase: "requesting", accepted: null, job: null, error: null };
      current.current = base;
      setRun(base);
      let accepted: SendAccepted | RemindAccepted;
      try {
        const ids = invoices.map((i) => i.id);
        accepted = kind === "send" ? await sendInvoices(api, ids, base.resend) : await remindInvoices(api, ids);
      } catch (error) {
        finish({ ...base, phase: "ended", error });
        return;
      }
      const next: SendRun = { ...base, phase: "running", accepted, job: accepted.job };
      current.current = next;
      setRun(next);
      handlers.current.onQueued?.(next);
      // Nothing queued: the job has nothing to send, and there is nothing to wait for.
      if (accepted.queued === 0) finish({ ...next, phase: "ended" });
      else tracker.track(accepted.job);
    },
    [api, finish, tracker],
  );

  const dismiss = useCallback(() => {
    if (busy.current) return;
    current.current = null;
    setRun(null);
  }, []);

  return { run: run && { ...run, job: live }, busy: run !== null && run.phase !== "ended", start, dismiss };
}
