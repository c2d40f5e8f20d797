// Locale-aware display helpers and exact decimal arithmetic on money strings ("62.50").
import { t } from "./i18n/i18n";

let currentLocale: string | undefined;

/** Sets the display locale (from the Teams context); undefined means the browser's. */
export function setLocale(locale: string | undefined): void {
  currentLocale = locale || undefined;
}

/** The display locale in use. */
export function getLocale(): string | undefined {
  return currentLocale;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** A decimal string as an integer of units of 10^-scale, exactly (no binary floating point). */
function toScaled(value: string, scale: number): bigint {
  const match = DECIMAL.exec(value.trim());
  if (!match) return 0n;
  const [, sign, whole = "0", fraction = ""] = match;
  const digits = whole + fraction.padEnd(scale, "0").slice(0, scale);
  const scaled = BigInt(digits);
  return sign === "-" ? -scaled : scaled;
}

function scaleOf(value: string): number {
  return DECIMAL.exec(value.trim())?.[3]?.length ?? 0;
}

function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** Exact sum of decimal strings, keeping the largest number of decimals among them. */
export function sumDecimals(values: readonly string[]): string {
  const scale = Math.max(2, ...values.map(scaleOf));
  const total = values.reduce((acc, v) => acc + toScaled(v, scale), 0n);
  return fromScaled(total, scale);
}

/** Exact comparison of two decimal strings, for sorting. */
export function compareDecimals(a: string, b: string): number {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const diff = toScaled(a, scale) - toScaled(b, scale);
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}

/** Formats a decimal string as currency; Intl formats the string itself, so no float rounding. */
export function formatMoney(amount: string, currency: string, locale = getLocale()): string {
  const value = DECIMAL.test(amount.trim()) ? (amount.trim() as `${number}`) : "0";
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(value);
  } catch {
    // Unknown currency code: still show the amount.
    return `${amount} ${currency}`;
  }
}

/** Formats a whole count for the locale ("12,000"; Dutch "12.000"). */
export function formatCount(value: number, locale = getLocale()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** Formats a fraction from 0 to 1 as a whole percentage for the locale ("24%"; Dutch "24%"). */
export function formatPercent(fraction: number, locale = getLocale()): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(fraction);
}

/** Formats a decimal quantity string ("0.8333", "1") for the locale, exactly, with up to 4 decimals. */
export function formatQuantity(quantity: string, locale = getLocale()): string {
  const value = quantity.trim();
  if (!DECIMAL.test(value)) return quantity;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value as `${number}`);
}

/**
 * A line's quantity as a person reads it: an hourly line that is a whole number of minutes as its duration ("50 min",
 * "1 h 30 min" for 0.8333 and 1.5 hours), other hours as "1.2345 h"; a count as it is. The API keeps the exact
 * quantity; this is only how it reads.
 */
export function formatLineQuantity(line: { quantity: string; unit: "hour" | "each" }, locale = getLocale()): string {
  if (line.unit !== "hour") return formatQuantity(line.quantity, locale);
  const minutes = Number(line.quantity) * 60;
  const whole = Math.round(minutes);
  return whole > 0 && Math.abs(minutes - whole) < 0.01 ? formatDuration(whole) : t("format.hours", { h: formatQuantity(line.quantity, locale) });
}

/** A line's unit price with what it is per: "€75.00 per hour" for an hourly line, the bare price otherwise. */
export function formatUnitPrice(line: { unitPrice: string; unit: "hour" | "each" }, currency: string, locale = getLocale()): string {
  const price = formatMoney(line.unitPrice, currency, locale);
  return line.unit === "hour" ? t("format.perHour", { price }) : price;
}

/** Sums amounts per currency and formats them ("€125.00", or "€10.00 + $5.00" when mixed). */
export function formatMoneyTotals(items: readonly { amount: string; currency: string }[]): string {
  const byCurrency = new Map<string, string[]>();
  for (const item of items) byCurrency.set(item.currency, [...(byCurrency.get(item.currency) ?? []), item.amount]);
  return [...byCurrency].map(([currency, amounts]) => formatMoney(sumDecimals(amounts), currency)).join(" + ");
}

/** Locale date and time of an ISO timestamp ("12 Mar 2026, 09:30"). */
export function formatDateTime(iso: string, locale = getLocale()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** Locale date of a `YYYY-MM-DD` calendar date, without shifting it across time zones. */
export function formatCalendarDate(ymd: string, locale = getLocale()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  if (!match) return ymd;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** A duration in minutes as "45 min", "1 h" or "1 h 30 min" (Dutch: "1 u 30 min"). */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return t("format.minutes", { m });
  return m === 0 ? t("format.hours", { h }) : t("format.hoursMinutes", { h, m });
}
