// The record-payment form: its values from an invoice, the checks the API would make (in the UI's language), the
// request body, which payment statuses each choice of the list's filter stands for, and what is left to credit.
import { compareDecimals, getLocale, sumDecimals } from "../../../shared/format";
import { t } from "../../../shared/i18n/i18n";
import type { Invoice } from "../invoice.types";
import { normalizeDecimal, padDecimals, toInputDecimal } from "./draftEdit";

/** One recorded payment of an invoice, as the API answers it. */
export type PaymentView = Invoice["payments"][number];
/** How a payment was made. */
export type PaymentMethod = PaymentView["method"];
/** Where payment of a final invoice stands. */
export type PaymentStatus = NonNullable<Invoice["paymentStatus"]>;

/** How a payment can be made, in the menu's order; labels are `invoices.payments.methods.<method>`. */
export const PAYMENT_METHODS = ["bankTransfer", "card", "cash", "other"] as const satisfies readonly PaymentMethod[];

/** The form as typed: the amount in the user's notation, the day (YYYY-MM-DD) and the method. */
export interface PaymentForm {
  amount: string;
  date: string;
  method: PaymentMethod;
}

/** Messages per field; empty when the form can be sent. */
export type PaymentFormErrors = Partial<Record<"amount" | "date", string>>;

/** The body of POST /api/invoices/:id/payments. */
export interface PaymentBody {
  amount: string;
  date: string;
  method: PaymentMethod;
}

/** Today's date (YYYY-MM-DD) where the tab runs: the default payment day. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The latest day a payment of this invoice may be dated, as far as the tab can tell: today where it runs, but never
 * before the issue date — the invoice was issued on the business's today, which may be ahead of the browser's.
 */
export function paymentToday(issueDate: string, now = new Date()): string {
  const local = localToday(now);
  return local < issueDate ? issueDate : local;
}

/** Decimal places of a currency's minor unit (EUR 2, JPY 0). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The form for an invoice: what is outstanding, paid today, by bank transfer. */
export function paymentFormOf(invoice: Pick<Invoice, "outstanding" | "currency">, today: string, locale = getLocale()): PaymentForm {
  const left = compareDecimals(invoice.outstanding, "0") > 0 ? invoice.outstanding : "";
  return { amount: left && toInputDecimal(padDecimals(left, minorDigits(invoice.currency)), locale), date: today, method: "bankTransfer" };
}

/** What the API would refuse: an amount that is no number, not above 0, finer than cents or over what is left; a date outside the issue date … today. */
export function validatePaymentForm(form: PaymentForm, invoice: Pick<Invoice, "outstanding" | "currency" | "issueDate">, today: string, locale = getLocale()): PaymentFormErrors {
  const errors: PaymentFormErrors = {};
  const amount = normalizeDecimal(form.amount);
  const digits = minorDigits(invoice.currency);
  if (amount === null) errors.amount = t("invoices.payments.amountInvalid", { example: toInputDecimal("62.50", locale) });
  else if (compareDecimals(amount, "0") <= 0) errors.amount = t("invoices.payments.amountPositive");
  else if ((amount.split(".")[1] ?? "").replace(/0+$/, "").length > digits) errors.amount = digits === 0 ? t("invoices.payments.amountWhole") : t("invoices.payments.amountDecimals", { count: digits });
  else if (compareDecimals(amount, invoice.outstanding) > 0) {
    errors.amount = t("invoices.payments.amountTooHigh", { amount: toInputDecimal(padDecimals(invoice.outstanding, digits), locale) });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) errors.date = t("invoices.payments.dateMissing");
  else if (form.date > today) errors.date = t("invoices.payments.dateFuture");
  else if (form.date < invoice.issueDate) errors.date = t("invoices.payments.dateBeforeIssue");
  return errors;
}

/** The request for a valid form. */
export function paymentBodyOf(form: PaymentForm): PaymentBody {
  return { amount: normalizeDecimal(form.amount) ?? form.amount, date: form.date, method: form.method };
}

/** The choices of the final invoices' payment filter, in the menu's order; labels are `invoices.payments.filters.<choice>`. */
export const PAYMENT_FILTERS = ["all", "open", "overdue", "paid"] as const;
export type PaymentFilter = (typeof PAYMENT_FILTERS)[number];

/** The statuses a filter choice lists: "open" is everything not yet due, paid in part or not at all; "all" filters nothing. */
export function paymentStatusesOf(filter: PaymentFilter): PaymentStatus[] | undefined {
  return { all: undefined, open: ["open", "partiallyPaid"] as PaymentStatus[], overdue: ["overdue"] as PaymentStatus[], paid: ["paid"] as PaymentStatus[] }[filter];
}

/** What is left to credit of an invoice: its total less what credit notes credited (payments do not change it). */
export function leftToCredit(invoice: Pick<Invoice, "total" | "credited">): string {
  return sumDecimals([invoice.total, `-${invoice.credited}`]);
}

/** True while credit notes have not credited the whole invoice. */
export function hasLeftToCredit(invoice: Pick<Invoice, "total" | "credited">): boolean {
  return compareDecimals(leftToCredit(invoice), "0") > 0;
}
