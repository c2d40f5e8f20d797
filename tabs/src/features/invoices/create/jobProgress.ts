// Wording and numbers of a create job (202): how far the bar is, the progress sentence, and why a job stopped.
import { ApiError, type ApiErrorCode, errorMessage } from "../../../shared/apiClient";
import { formatCount, formatPercent } from "../../../shared/format";
import { t } from "../../../shared/i18n/i18n";
import type { CreateInvoicesJobResult, JobError, JobView } from "../invoice.types";

/** How far a job is: `fraction` is undefined (an indeterminate bar) while it waits or does not know its total yet. */
export interface JobProgress {
  fraction: number | undefined;
  /** Bookings handled so far, drafted or left out. */
  processed: number;
  total: number;
}

/** True once the job succeeded or failed; it changes no more. */
export function hasEnded(job: JobView): boolean {
  return job.status === "succeeded" || job.status === "failed";
}

/** The bar's position: done and left-out bookings of the total, clamped to 0–1. */
export function jobProgress(job: JobView): JobProgress {
  const total = Math.max(0, job.total);
  const processed = Math.min(total, Math.max(0, job.done) + Math.max(0, job.failed));
  if (job.status === "succeeded") return { fraction: 1, processed: total, total };
  const known = job.status !== "queued" && total > 0;
  return { fraction: known ? processed / total : undefined, processed, total };
}

/** "Creating drafts: 12,000 of 50,000 bookings", or that the job waits to start; numbers in the display locale. */
export function jobProgressText(job: JobView): string {
  const { processed, total } = jobProgress(job);
  if (job.status === "queued") return t("invoices.job.queued", { count: total, total: formatCount(total) });
  return t("invoices.job.progress", { count: total, done: formatCount(processed), total: formatCount(total) });
}

/** The bar's value for screen readers ("24%"), or undefined while it is indeterminate. */
export function jobPercentText(job: JobView): string | undefined {
  const { fraction } = jobProgress(job);
  return fraction === undefined ? undefined : formatPercent(Math.floor(fraction * 100) / 100);
}

/** Why a failed job stopped: its last error (the server appends it last), or null. */
export function jobFailure(job: JobView): JobError | null {
  return job.status === "failed" ? (job.errors.at(-1) ?? { code: "INTERNAL", message: t("errors.generic") }) : null;
}

/** What a job made so far: its result while it runs (null until it has planned). */
export function jobResult(job: JobView): CreateInvoicesJobResult | null {
  const result = job.result as Partial<CreateInvoicesJobResult> | null;
  return result && typeof result.invoices === "number" ? (result as CreateInvoicesJobResult) : null;
}

/** A stopped job in words: a title, why it stopped and how far it got; `code` says which way on to offer. */
export interface JobFailureText {
  code: string;
  title: string;
  body: string;
}

/**
 * Why a failed job stopped, or null. A conflict is worded as the create answered at once words it (the job plans
 * before it writes, so nothing was created); other errors give the message in the UI language and the counts so far.
 */
export function describeJobFailure(job: JobView): JobFailureText | null {
  const failure = jobFailure(job);
  if (!failure) return null;
  if (failure.code === "ALREADY_INVOICED") return { code: failure.code, title: t("invoices.create.conflictTitle"), body: t("invoices.create.conflictUnknown") };
  // The server writes English; outside English a known code gets the tab's own wording.
  const message = errorMessage(new ApiError(0, failure.code as ApiErrorCode, failure.message));
  return { code: failure.code, title: t("invoices.job.failed"), body: `${message} ${jobStoppedCounts(job)}` };
}

/** "Before it stopped, 12,000 of 50,000 bookings were processed and 40 drafts created.", or that none was. */
function jobStoppedCounts(job: JobView): string {
  const { processed, total } = jobProgress(job);
  const drafts = jobResult(job)?.invoices ?? 0;
  if (drafts === 0) return t("invoices.job.nothingCreated");
  return t("invoices.job.stoppedCounts", { count: drafts, drafts: formatCount(drafts), done: formatCount(processed), total: formatCount(total) });
}
