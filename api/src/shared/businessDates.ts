// The business's calendar (PRODUCT.md §4.3): dates of instants in the setup's IANA time zone, never in UTC by accident.

// Region names ("Europe/Amsterdam", "America/Argentina/Buenos_Aires") and UTC; abbreviations such as "EST" and
// offsets are refused: they do not follow a region's daylight saving time.
const ZONE_NAME = /^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/;

/** An IANA time zone name in its proper case ("europe/amsterdam" → "Europe/Amsterdam"), or null if it is none. */
export function canonicalTimeZone(value: string): string | null {
  if (!ZONE_NAME.test(value)) return null;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
    // ICU may answer an older link ("America/Buenos_Aires" for "America/Argentina/Buenos_Aires"): keep the given name then.
    return resolved.toLowerCase() === value.toLowerCase() ? resolved : value;
  } catch {
    return null;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateIn(timeZone: string, instant: Date): string {
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formats.set(timeZone, format);
  }
  return format.format(instant);
}

/** A calendar date plus whole days (calendar arithmetic: no time zone, no daylight saving time). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
