// Pure: the answer of GET /api/insights → what the Overview shows: KPI figures, chart points and table rows, labelled in
// the UI's language. Money stays an exact decimal string for every text; `value` is a number for drawing a bar only.
import { formatCount, formatMoney, getLocale } from "../../shared/format";
import { t } from "../../shared/i18n/i18n";
import type { AgeBucket, CountedAmount, Insights, InvoicedMonth, Money, RankedRow } from "./insightsApi";

/** One bar of a chart and one row of its table: what it is, how many, for how much. */
export interface AmountRow {
  /** Stable within its chart (bucket, service or staff id, "other", "none"), with the currency when it is not the tenant's. */
  key: string;
  label: string;
  currency: string;
  count: number;
  amount: Money;
  /** The amount as a number, for the bar's length; never shown as text. */
  value: number;
}

/** One month of the invoiced series: the bar is the net amount. */
export interface MonthRow {
  key: string;
  /** YYYY-MM */
  month: string;
  /** "Jan 2026"; Dutch "jan 2026". */
  label: string;
  currency: string;
  invoices: number;
  creditNotes: number;
  net: Money;
  total: Money;
  value: number;
}

/** A KPI: a count and one amount per currency (the tenant's first). */
export interface Kpi {
  count: number;
  amounts: { currency: string; amount: Money }[];
}

/** Everything the Overview page renders. */
export interface OverviewData {
  /** The tenant's currency: the charts draw its rows; the tables list every currency. */
  currency: string;
  today: string;
  /** Nothing awaits invoicing, nothing was invoiced in the window and nothing is outstanding. */
  empty: boolean;
  awaiting: Kpi;
  outstanding: Kpi;
  overdue: Kpi;
  byAge: AmountRow[];
  byService: AmountRow[];
  byStaff: AmountRow[];
  invoiced: MonthRow[];
}

/** The exact decimal string as a number, for drawing only (a bar's length, an axis). */
export function chartNumber(amount: Money): number {
  const value = Number(amount);
  return Number.isFinite(value) ? value : 0;
}

/** "0–7 days" … "> 60 days" in the UI's language. */
export function ageLabel(bucket: AgeBucket): string {
  const keys = { "0-7": "insights.age.days0to7", "8-30": "insights.age.days8to30", "31-60": "insights.age.days31to60", ">60": "insights.age.over60" } as const;
  return t(keys[bucket]);
}

/** A YYYY-MM month as the locale writes it short, with its year: "Jan 2026", Dutch "jan 2026". */
export function monthLabel(month: string, locale = getLocale()): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

/** A service row's label: its synced name, or the UI's words for the folded rest and for bookings without a service. */
export function serviceLabel(row: RankedRow & { serviceId: string | null }): string {
  if (row.other) return t("insights.otherServices");
  return row.serviceId === null ? t("insights.noService") : row.name;
}

/** A staff row's label: the staff member's name, or the UI's words for the folded rest and for bookings without one. */
export function staffLabel(row: RankedRow & { staffId: string | null }): string {
  if (row.other) return t("insights.otherStaff");
  return row.staffId === null ? t("insights.noStaff") : row.name;
}

const keyIn = (id: string, currency: string, tenantCurrency: string) => (currency === tenantCurrency ? id : `${id}:${currency}`);

const amountRow = (key: string, label: string, row: CountedAmount): AmountRow => ({
  key,
  label,
  currency: row.currency,
  count: row.count,
  amount: row.amount,
  value: chartNumber(row.amount),
});

const kpi = (rows: CountedAmount[]): Kpi => ({
  count: rows.reduce((sum, row) => sum + row.count, 0),
  amounts: rows.map(({ currency, amount }) => ({ currency, amount })),
});

/** Turns the API's answer into the page's figures, labels in the UI's language. */
export function toOverviewData(insights: Insights, locale = getLocale()): OverviewData {
  const c = insights.currency;
  const byAge = insights.awaiting.byAge.map((row) => amountRow(keyIn(row.bucket, row.currency, c), ageLabel(row.bucket), row));
  const byService = insights.awaiting.byService.map((row) => amountRow(keyIn(row.other ? "other" : (row.serviceId ?? "none"), row.currency, c), serviceLabel(row), row));
  const byStaff = insights.awaiting.byStaff.map((row) => amountRow(keyIn(row.other ? "other" : (row.staffId ?? "none"), row.currency, c), staffLabel(row), row));
  const invoiced = insights.invoiced.map((row: InvoicedMonth) => ({
    key: keyIn(row.month, row.currency, c),
    month: row.month,
    label: monthLabel(row.month, locale),
    currency: row.currency,
    invoices: row.invoices,
    creditNotes: row.creditNotes,
    net: row.net,
    total: row.total,
    value: chartNumber(row.net),
  }));
  const awaiting = kpi(insights.awaiting.totals);
  const outstanding = kpi(insights.outstanding);
  const overdue = kpi(insights.outstanding.map((row) => ({ currency: row.currency, ...row.overdue })));
  const empty = awaiting.count === 0 && outstanding.count === 0 && invoiced.every((row) => row.invoices === 0 && row.creditNotes === 0);
  return { currency: c, today: insights.today, empty, awaiting, outstanding, overdue, byAge, byService, byStaff, invoiced };
}

/** The rows a chart draws: those in the tenant's currency (one scale; the other currencies are in the table). */
export function chartRows<T extends { currency: string }>(rows: readonly T[], currency: string): T[] {
  return rows.filter((row) => row.currency === currency);
}

/** Whether a chart has anything to draw: a row with a non-zero amount. */
export function hasBars(rows: readonly { value: number }[]): boolean {
  return rows.some((row) => row.value !== 0);
}

/** A KPI's amounts as text: "€1,234.50", or "€1,234.50 + $10.00" when bookings are in more than one currency. */
export function kpiAmountText(k: Kpi, locale = getLocale()): string {
  return k.amounts.map(({ amount, currency }) => formatMoney(amount, currency, locale)).join(" + ");
}

/** One table row as the texts its cells show (label, count, amount). */
export function amountCells(row: AmountRow, locale = getLocale()): [string, string, string] {
  return [row.label, formatCount(row.count, locale), formatMoney(row.amount, row.currency, locale)];
}

/** One month's table row as the texts its cells show (month, invoices, credit notes, net). */
export function monthCells(row: MonthRow, locale = getLocale()): [string, string, string, string] {
  return [row.label, formatCount(row.invoices, locale), formatCount(row.creditNotes, locale), formatMoney(row.net, row.currency, locale)];
}

/** An axis tick: a compact amount for the scale ("€1.2K", Dutch "€ 1,2K"); the exact amounts are in the table. */
export function axisMoney(value: number, currency: string, locale = getLocale()): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(value);
  } catch {
    return String(value);
  }
}
