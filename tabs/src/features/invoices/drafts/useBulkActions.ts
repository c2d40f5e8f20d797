// Bulk actions on the selected invoices of the Drafts view: finalize (and then send) or delete the drafts among them
// (after confirmation), or download all their PDFs as one zip; progress while it runs, the failures with their reasons after.
import { useCallback, useState } from "react";
import { ApiError, errorMessage } from "../../../shared/apiClient";
import { useApi } from "../../../shared/apiContext";
import { t } from "../../../shared/i18n/i18n";
import type { Invoice } from "../invoice.types";
import { deleteDraftInvoice, finalizeDraft } from "../invoicesApi";
import { runBulk } from "./bulkRun";
import type { BulkProgress } from "./bulkRun";
import { savePdfZip } from "./invoiceFiles";
import type { InvoiceList } from "./useInvoiceList";

/** What a bulk action does. */
export type BulkKind = "finalize" | "finalizeSend" | "delete" | "zip";

/** One invoice the action could not do, and why. */
export interface BulkFailure {
  invoice: Invoice;
  reason: string;
}

/** The state of the last bulk action: running (with progress) or ended (with what failed). */
export interface BulkRunState {
  kind: BulkKind;
  running: boolean;
  progress: BulkProgress;
  succeeded: number;
  failures: BulkFailure[];
}

/** Options: the list to update in place, what to do with the ids that are settled (leave the selection) and after a change. */
export interface BulkActionsOptions {
  list: InvoiceList;
  onDone: (ids: string[]) => void;
  onChanged: () => void;
  /** After "finalizeSend": the drafts it finalized, as final invoices, to send. */
  onFinalized?: (invoices: Invoice[]) => void;
}

// One finalize at a time, so numbers follow the list's order; deletes may overlap.
const CONCURRENCY: Record<Exclude<BulkKind, "zip">, number> = { finalize: 1, finalizeSend: 1, delete: 4 };

/** The confirm step, the run and its outcome. */
export function useBulkActions({ list, onDone, onChanged, onFinalized }: BulkActionsOptions) {
  const api = useApi();
  const [confirming, setConfirming] = useState<{ kind: Exclude<BulkKind, "zip">; invoices: Invoice[] } | null>(null);
  const [run, setRun] = useState<BulkRunState | null>(null);
  const { replace, remove, reload } = list;

  const start = useCallback(
    async (kind: BulkKind, invoices: Invoice[]) => {
      const progress = { total: invoices.length, done: 0, failed: 0 };
      setRun({ kind, running: true, progress, succeeded: 0, failures: [] });
      if (kind === "zip") {
        try {
          await savePdfZip(api, invoices.map((i) => i.id));
          setRun({ kind, running: false, progress: { ...progress, done: invoices.length }, succeeded: invoices.length, failures: [] });
        } catch (err) {
          setRun({ kind, running: false, progress, succeeded: 0, failures: [{ invoice: invoices[0]!, reason: errorMessage(err) }] });
        }
        return;
      }
      // A delete answers nothing: the run then carries null.
      const action = kind === "delete" ? (i: Invoice) => deleteDraftInvoice(api, i.id).then(() => null) : (i: Invoice) => finalizeDraft(api, i.id);
      const outcomes = await runBulk(invoices, action, {
        concurrency: CONCURRENCY[kind],
        onProgress: (p) => setRun((prev) => (prev ? { ...prev, progress: p } : prev)),
      });
      const done: string[] = [];
      const finalized: Invoice[] = [];
      const failures: BulkFailure[] = [];
      // Drafts someone else finalized or deleted meanwhile: listed as failed, but no longer worth keeping ticked.
      const changedElsewhere: string[] = [];
      for (const outcome of outcomes) {
        if (!outcome.ok) {
          failures.push({ invoice: outcome.item, reason: errorMessage(outcome.error) });
          if (outcome.error instanceof ApiError && (outcome.error.code === "NOT_FOUND" || outcome.error.code === "NOT_DRAFT")) changedElsewhere.push(outcome.item.id);
          continue;
        }
        done.push(outcome.item.id);
        if (outcome.result) finalized.push(outcome.result);
        if (outcome.result) replace(outcome.result);
        else remove(outcome.item.id);
      }
      setRun({ kind, running: false, progress: { total: invoices.length, done: invoices.length, failed: failures.length }, succeeded: done.length, failures });
      onDone([...done, ...changedElsewhere]);
      // Show the list as it is now when it changed behind the user's back.
      if (changedElsewhere.length > 0) void reload();
      if (done.length > 0) onChanged();
      // Only what was finalized is sent: a draft that failed stays a draft, ticked, and is not sent.
      if (kind === "finalizeSend" && finalized.length > 0) onFinalized?.(finalized);
    },
    [api, onChanged, onDone, onFinalized, reload, remove, replace],
  );

  const confirm = useCallback(() => {
    if (!confirming) return;
    setConfirming(null);
    void start(confirming.kind, confirming.invoices);
  }, [confirming, start]);

  return {
    confirming,
    /** Asks first for finalize and delete; a zip starts at once. */
    request: (kind: BulkKind, invoices: Invoice[]) => (kind === "zip" ? void start(kind, invoices) : setConfirming({ kind, invoices })),
    confirm,
    cancel: () => setConfirming(null),
    run,
    dismiss: () => setRun(null),
    reasonOf: (failure: BulkFailure) => `${failure.invoice.number ?? t("invoices.actions.draftFor", { name: failure.invoice.customer.name })}: ${failure.reason}`,
  };
}
