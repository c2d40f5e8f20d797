// Delivery by e-mail in words: a document's badge ("Sent 4 Dec", "Failed" and why), the list's delivery filter, why a
// document was left out of a send, a reminder's line, and the outcome of a send or reminder job as the result bar shows it.
import { ApiError, type ApiErrorCode, errorMessage } from "../../../shared/apiClient";
import { getLocale } from "../../../shared/format";
import { t } from "../../../shared/i18n/i18n";
import type { Invoice, InvoiceDelivery, InvoiceReminder, JobView, NoReminder, NotQueued } from "../invoice.types";

/** Where a document's e-mail stands. */
export type DeliveryStatus = InvoiceDelivery["status"];
/** Why a send or reminder request left a document out. */
export type SkipReason = NotQueued | NoReminder;

/** The choices of the final list's delivery filter, in the menu's order; labels are `invoices.delivery.filters.<choice>`. */
export const DELIVERY_FILTERS = ["all", "notSent", "failed", "sent"] as const;
export type DeliveryFilter = (typeof DELIVERY_FILTERS)[number];

/** The statuses (`delivery=`) a filter choice lists; "all" filters nothing. */
export function deliveryStatusesOf(filter: DeliveryFilter): DeliveryStatus[] | undefined {
  return filter === "all" ? undefined : [filter];
}

/** A day as "4 Dec" (with the year when it is not this year's), in the display locale. */
export function formatShortDay(iso: string, locale = getLocale(), now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameYear = date.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }) }).format(date);
}

/** A day as "4 Dec 2026", in the display locale. */
export function formatDay(iso: string, locale = getLocale()): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(date);
}

/** Why a send failed, in the UI language where the code is known (the server writes English). */
export function deliveryErrorText(error: { code: string; message: string }): string {
  if (error.code === "NO_EMAIL") return t("invoices.send.skipReasons.noEmail");
  return errorMessage(new ApiError(0, error.code as ApiErrorCode, error.message));
}

/** What a badge shows of a document's delivery: its words, colour, and for a failure why. */
export interface DeliveryBadge {
  status: DeliveryStatus;
  label: string;
  color: "informative" | "brand" | "success" | "danger";
  reason: string | null;
}

/** The badge of a final document; null for a draft (drafts are never sent). */
export function deliveryBadge(invoice: Pick<Invoice, "status" | "delivery">, locale = getLocale(), now = new Date()): DeliveryBadge | null {
  if (invoice.status !== "final" || !invoice.delivery) return null;
  const { status, sentAt, error } = invoice.delivery;
  const color = ({ notSent: "informative", queued: "informative", sending: "brand", sent: "success", failed: "danger" } as const)[status];
  const label = status === "sent" && sentAt ? t("invoices.delivery.sentOn", { date: formatShortDay(sentAt, locale, now) }) : t(`invoices.delivery.statuses.${status}`);
  return { status, label, color, reason: status === "failed" && error ? deliveryErrorText(error) : null };
}

/** Why a document was left out, in the UI language. */
export function skipReasonText(reason: SkipReason): string {
  return t(`invoices.send.skipReasons.${reason}`);
}

/** One reminder as a line of the detail dialog: "Reminder 1 sent on 4 Dec 2026 to x@example.nl". */
export function reminderText(reminder: InvoiceReminder, locale = getLocale()): string {
  const { seq: n, to } = reminder;
  if (reminder.status === "sent") return t("invoices.reminders.sent", { n, date: reminder.sentAt ? formatDay(reminder.sentAt, locale) : "", to: to ?? "" });
  if (reminder.status === "failed") return t("invoices.reminders.failed", { n, reason: reminder.error ? deliveryErrorText(reminder.error) : t("invoices.delivery.statuses.failed") });
  return t(`invoices.reminders.${reminder.status}`, { n });
}

/** How a document is named in a result: its number, or for a draft whom it is for. */
export const documentName = (invoice: Pick<Invoice, "number" | "customer">): string => invoice.number ?? t("invoices.actions.draftFor", { name: invoice.customer.name });

/** One document of a result that did not go, named, with why in words. */
export interface OutcomeItem<R = string> {
  invoiceId: string;
  invoice: Invoice | undefined;
  name: string;
  reason: R;
  text: string;
}

/** A send or reminder job's outcome as the result bar lists it. */
export interface SendOutcome {
  sent: number;
  failed: OutcomeItem[];
  skipped: OutcomeItem<SkipReason>[];
  /** Why the job itself stopped before it was through (not one document's failure), or null. */
  stopped: string | null;
}

/**
 * The outcome of a send: sent count, each failure with the job's reason and each skipped document with its reason,
 * named by number from the documents asked for (an unknown id stays an id).
 */
export function sendOutcome(invoices: readonly Invoice[], skipped: readonly { invoiceId: string; reason: SkipReason }[], job: Pick<JobView, "status" | "done" | "errors"> | null): SendOutcome {
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const name = (id: string) => {
    const invoice = byId.get(id);
    return invoice ? documentName(invoice) : id;
  };
  const failed = (job?.errors ?? []).filter((e) => e.invoiceId).map((e) => ({ invoiceId: e.invoiceId!, invoice: byId.get(e.invoiceId!), name: name(e.invoiceId!), reason: e.code, text: deliveryErrorText(e) }));
  const jobError = job?.status === "failed" ? (job.errors.filter((e) => !e.invoiceId).at(-1) ?? { code: "INTERNAL", message: t("errors.generic") }) : null;
  return {
    sent: job?.done ?? 0,
    failed,
    skipped: skipped.map((s) => ({ invoiceId: s.invoiceId, invoice: byId.get(s.invoiceId), name: name(s.invoiceId), reason: s.reason, text: skipReasonText(s.reason) })),
    stopped: jobError ? deliveryErrorText(jobError) : null,
  };
}

/** The result bar's colour: green when all went, red when sends failed and none went, amber otherwise (only left out, or some of each). */
export function outcomeIntent(outcome: SendOutcome): "success" | "warning" | "error" {
  const failures = outcome.failed.length + (outcome.stopped ? 1 : 0);
  if (failures === 0) return outcome.skipped.length === 0 ? "success" : "warning";
  return outcome.sent > 0 ? "warning" : "error";
}
