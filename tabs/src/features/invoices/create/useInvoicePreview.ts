// Preview and create of draft invoices for one selection: grouping choice, conflicts, and an idempotent create.
import { useCallback, useMemo, useRef, useState } from "react";
import { ApiError } from "../../../shared/apiClient";
import { useApi } from "../../../shared/apiContext";
import { useAsyncData } from "../../../shared/useAsyncData";
import type { AsyncData } from "../../../shared/useAsyncData";
import { keyForRequest } from "./idempotencyKey";
import type { KeyedRequest } from "./idempotencyKey";
import type { CreateInvoicesResult, GroupBy, JobView, PreviewResult } from "../invoice.types";
import { createInvoices, isJobAccepted, previewInvoices } from "../invoicesApi";
import type { InvoiceRequest, SelectionRequest } from "../invoicesApi";

/** Where the create stands. */
export type CreatePhase =
  | { kind: "idle" }
  | { kind: "creating"; drafts: number }
  | { kind: "created"; result: CreateInvoicesResult }
  /** A large selection: the server answered 202 and a job makes the drafts; its live state is the page's tracker's. */
  | { kind: "job"; job: JobView }
  | { kind: "failed"; error: unknown };

/** What to do once drafts are created, or once a job that creates them has started. */
export interface CreateHandlers {
  onCreated: (result: CreateInvoicesResult) => void;
  onJobStarted: (job: JobView) => void;
}

/** Options of a create: `rest` also skips bookings invoiced in the meantime. */
export interface CreateOptions {
  rest?: boolean;
}

/** Preview data, the grouping and conflict choices, and the create action. */
export interface InvoicePreview {
  groupBy: GroupBy;
  setGroupBy: (groupBy: GroupBy) => void;
  skipConflicts: boolean;
  /** Leave out bookings invoiced in the meantime (re-runs the preview). */
  skipInvoiced: () => void;
  preview: AsyncData<PreviewResult>;
  phase: CreatePhase;
  /** Creates with the previewed body (see CreateOptions). */
  create: (options?: CreateOptions) => Promise<void>;
}

/** Runs the preview for `request` and creates the drafts; a retry of the same body reuses its Idempotency-Key. */
export function useInvoicePreview(request: SelectionRequest, defaultGroupBy: GroupBy, handlers: CreateHandlers): InvoicePreview {
  const { onCreated, onJobStarted } = handlers;
  const api = useApi();
  const [groupBy, setGroupBy] = useState<GroupBy>(defaultGroupBy);
  const [skipConflicts, setSkipConflicts] = useState(false);
  const [phase, setPhase] = useState<CreatePhase>({ kind: "idle" });
  const body = useMemo<InvoiceRequest>(() => ({ ...request, groupBy, ...(skipConflicts ? { skipConflicts: true } : {}) }), [request, groupBy, skipConflicts]);
  const preview = useAsyncData(useCallback(() => previewInvoices(api, body), [api, body]));
  const keyed = useRef<KeyedRequest | null>(null);
  const inFlight = useRef(false);
  const previewedDrafts = preview.data?.totals.invoices ?? 0;

  const create = useCallback(
    async ({ rest = false }: CreateOptions = {}) => {
      // A second click while the first request runs must not send another one.
      if (inFlight.current) return;
      const sent: InvoiceRequest = rest ? { ...body, skipConflicts: true } : body;
      if (rest) setSkipConflicts(true);
      keyed.current = keyForRequest(keyed.current, JSON.stringify(sent));
      inFlight.current = true;
      setPhase({ kind: "creating", drafts: previewedDrafts });
      try {
        const answer = await createInvoices(api, sent, keyed.current.key);
        if (isJobAccepted(answer)) {
          // The key now names this job: a create after it stopped must start a new one, not get this one back.
          keyed.current = null;
          setPhase({ kind: "job", job: answer.job });
          onJobStarted(answer.job);
        } else {
          setPhase({ kind: "created", result: answer });
          onCreated(answer);
        }
      } catch (error) {
        // The key was used for another body: the next try must get a fresh one.
        if (error instanceof ApiError && error.code === "IDEMPOTENCY_KEY_REUSED") keyed.current = null;
        setPhase({ kind: "failed", error });
      } finally {
        inFlight.current = false;
      }
    },
    [api, body, onCreated, onJobStarted, previewedDrafts],
  );

  return {
    groupBy,
    setGroupBy: (next) => {
      setGroupBy(next);
      setPhase({ kind: "idle" });
    },
    skipConflicts,
    skipInvoiced: () => setSkipConflicts(true),
    preview,
    phase,
    create,
  };
}
