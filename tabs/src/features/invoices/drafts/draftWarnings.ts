// Wording of a draft's warnings from the codes the API sends (`warningDetails`), in the UI language.
import { t } from "../../../shared/i18n/i18n";
import type { InvoiceWarning } from "../invoice.types";

/** What the helpers read of an invoice; `warningDetails` is missing in answers stored by an older server. */
type Warned = { warnings: readonly string[]; warningDetails?: readonly InvoiceWarning[] };

/** Warnings about prices, which a reviewer checks; anything else must be fixed before finalizing. */
const PRICE_CODES: ReadonlySet<string> = new Set(["needsPrice", "reviewPrice"]);

/** One warning in the UI language; a code this tab does not know yet shows the server's English sentence. */
export function warningText(warning: InvoiceWarning): string {
  switch (warning.code) {
    case "cancelledBooking":
      return t("invoices.warnings.cancelledBooking", { description: warning.description });
    case "needsPrice":
      return t("invoices.warnings.needsPrice", { count: warning.count });
    case "reviewPrice":
      return t("invoices.warnings.reviewPrice", { count: warning.count });
    default:
      return (warning as { message?: string }).message ?? "";
  }
}

/** The details of an invoice's warnings; an answer without them (stored by an older server) falls back to the sentences. */
function detailsOf(invoice: Warned): readonly InvoiceWarning[] | null {
  return invoice.warningDetails && invoice.warningDetails.length === invoice.warnings.length ? invoice.warningDetails : null;
}

/** All warnings of an invoice as sentences in the UI language. */
export function warningTexts(invoice: Warned): string[] {
  return detailsOf(invoice)?.map(warningText) ?? [...invoice.warnings];
}

/** How many warnings are not about prices (a booking cancelled after drafting), or null when the answer has no codes. */
export function blockingWarningCount(invoice: Warned): number | null {
  return detailsOf(invoice)?.filter((w) => !PRICE_CODES.has(w.code)).length ?? null;
}
