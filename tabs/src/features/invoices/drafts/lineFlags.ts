// Counts of invoice lines whose price needs a look (needsPrice, review), for preview warnings and draft badges.
import { t } from "../../../shared/i18n/i18n";
import { blockingWarningCount } from "./draftWarnings";
import type { InvoiceLine, InvoiceWarning } from "../invoice.types";

/** How many lines carry each price flag. */
export interface LineFlagCounts {
  needsPrice: number;
  review: number;
}

/** Counts flagged lines over any number of invoices. */
export function countLineFlags(invoices: readonly { lines: readonly Pick<InvoiceLine, "flags">[] }[]): LineFlagCounts {
  const counts: LineFlagCounts = { needsPrice: 0, review: 0 };
  for (const inv of invoices) {
    for (const line of inv.lines) {
      if (line.flags.includes("needsPrice")) counts.needsPrice++;
      if (line.flags.includes("review")) counts.review++;
    }
  }
  return counts;
}

/** Sentences for the preview's warning bar; empty when no line needs a look. */
export function lineFlagWarnings(counts: LineFlagCounts): string[] {
  const out: string[] = [];
  if (counts.needsPrice) out.push(t("invoices.lineFlags.needsPrice", { count: counts.needsPrice }));
  if (counts.review) out.push(t("invoices.lineFlags.review", { count: counts.review }));
  return out;
}

/**
 * How many of a draft's warnings are not about prices (a booking cancelled after drafting, for instance), read from
 * their codes. An answer without codes is counted: the server adds one sentence per price flag present on the lines.
 */
export function otherWarningCount(invoice: { warnings: readonly string[]; warningDetails?: readonly InvoiceWarning[]; lines: readonly Pick<InvoiceLine, "flags">[] }): number {
  const fromCodes = blockingWarningCount(invoice);
  if (fromCodes !== null) return fromCodes;
  const counts = countLineFlags([invoice]);
  return Math.max(0, invoice.warnings.length - (counts.needsPrice ? 1 : 0) - (counts.review ? 1 : 0));
}
