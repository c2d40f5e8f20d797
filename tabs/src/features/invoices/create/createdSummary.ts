// What a finished create made, the same for a create answered at once (201) and one made by a job (202).
import { formatCount } from "../../../shared/format";
import { t } from "../../../shared/i18n/i18n";
import { describeSkipped, groupSkipped } from "./describeSkipped";
import type { CreateInvoicesJobResult, CreateInvoicesResult, Skipped } from "../invoice.types";

/** Drafts, lines and total of a create, and the bookings it left out (`skipped` may list only the first ones). */
export interface CreatedSummary {
  invoices: number;
  lines: number;
  total: string;
  currency: string;
  skipped: readonly Skipped[];
  /** How many were left out in all; more than `skipped` lists when a job kept only the first ones. */
  skippedCount: number;
}

/** The summary of a 201 answer. */
export function summaryOfResult(result: CreateInvoicesResult): CreatedSummary {
  const { totals, skipped } = result;
  return {
    invoices: totals.invoices,
    lines: totals.lines,
    total: totals.total,
    currency: totals.currency ?? result.invoices[0]?.currency ?? "EUR",
    skipped,
    skippedCount: skipped.length,
  };
}

/** The summary of a succeeded job's result. */
export function summaryOfJob(result: CreateInvoicesJobResult): CreatedSummary {
  return {
    invoices: result.invoices,
    lines: result.lines,
    total: result.total,
    currency: result.currency ?? "EUR",
    skipped: result.skipped,
    skippedCount: Math.max(result.skippedCount, result.skipped.length),
  };
}

/**
 * The skipped bookings in one sentence, or null when none was. When only the first ones are listed, their reasons
 * are named as examples beside the full count.
 */
export function skippedSentence(summary: CreatedSummary): string | null {
  if (summary.skippedCount === 0) return null;
  if (summary.skippedCount <= summary.skipped.length) return describeSkipped(summary.skipped);
  const reasons = groupSkipped(summary.skipped)
    .map((g) => g.label)
    .join(", ");
  return t("invoices.job.skippedMany", { count: summary.skippedCount, n: formatCount(summary.skippedCount), reasons });
}
