// Pure helpers of the date filters: dates written and read the way the Teams locale writes them (01-11-2026 in Dutch,
// 01/11/2026 in British English, 11/01/2026 in American English), the calendar's month and day names from the same
// locale, and the preset periods. Filter values stay YYYY-MM-DD calendar dates.

/** A preset period of the date filter. */
export type DatePreset = "thisMonth" | "lastMonth" | "last7Days";
export const DATE_PRESETS: readonly DatePreset[] = ["thisMonth", "lastMonth", "last7Days"];

const pad = (n: number) => String(n).padStart(2, "0");

/** A local date as YYYY-MM-DD. */
export const ymdOf = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** A YYYY-MM-DD date as a local Date at midnight; null for anything else. */
export function dateOf(ymd: string | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd ?? "");
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** The date as the locale writes it with digits: "01-11-2026" (nl), "01/11/2026" (en-GB), "11/01/2026" (en-US). */
export function formatDay(date: Date | undefined, locale: string): string {
  return date ? new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric" }).format(date) : "";
}

/**
 * A typed date in the locale's order of day, month and year, with "-", "/", "." or spaces between them and one- or
 * two-digit days and months ("5-11-2026"), or as YYYY-MM-DD; null when it is no real date.
 */
export function parseDay(text: string, locale: string): Date | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const parts = value.split(/[-/.\s]+/);
  let y: number, m: number, d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else {
    if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p))) return null;
    const order = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric" })
      .formatToParts(new Date(2026, 10, 5))
      .filter((p) => p.type === "day" || p.type === "month" || p.type === "year")
      .map((p) => p.type);
    const at = (type: string) => Number(parts[order.indexOf(type as "day")]);
    [y, m, d] = [at("year"), at("month"), at("day")];
    if (y < 100) y += 2000;
  }
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? date : null;
}

/** The preset's first and last day, from the local `today`. */
export function presetRange(preset: DatePreset, today: Date): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (preset) {
    case "thisMonth":
      return { from: ymdOf(new Date(y, m, 1)), to: ymdOf(new Date(y, m + 1, 0)) };
    case "lastMonth":
      return { from: ymdOf(new Date(y, m - 1, 1)), to: ymdOf(new Date(y, m, 0)) };
    case "last7Days":
      return { from: ymdOf(new Date(y, m, today.getDate() - 6)), to: ymdOf(today) };
  }
}

/** The calendar's month and weekday names in the locale (weekdays from Sunday, as the calendar counts them). */
export function calendarNames(locale: string): { months: string[]; shortMonths: string[]; days: string[]; shortDays: string[] } {
  const month = (style: "long" | "short") => Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(locale, { month: style }).format(new Date(2026, i, 1)));
  // 4 January 2026 is a Sunday.
  const day = (style: "long" | "short") => Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(locale, { weekday: style }).format(new Date(2026, 0, 4 + i)));
  // The calendar's column heads in two letters, as calendars print them: "ma di wo", "Mo Tu We".
  return { months: month("long"), shortMonths: month("short"), days: day("long"), shortDays: day("short").map((d) => d.replace(/\.$/, "").slice(0, 2)) };
}
