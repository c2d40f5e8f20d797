// Graph date, time-zone and duration formats: parsing requests leniently, rendering responses canonically.
import type { DateTimeTimeZone } from "@microsoft/microsoft-graph-types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,7}Z$/;
const UTC_NAMES = new Set(["", "utc", "etc/utc", "gmt", "etc/gmt", "z", "coordinated universal time"]);
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Renders an instant as Graph's dateTimeTimeZone.dateTime: seven fractional digits and a Z. */
export function formatGraphDateTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}0000Z`;
}

/** Renders an instant as a UTC dateTimeTimeZone, the way Bookings always returns appointment times. */
export function toDateTimeTimeZone(ms: number): DateTimeTimeZone {
  return { dateTime: formatGraphDateTime(ms), timeZone: "UTC" };
}

/** Renders an instant as an ISO UTC DateTimeOffset. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** Renders the innerError.date format "yyyy-MM-ddTHH:mm:ss". */
export function formatErrorDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** Offset of a time zone from UTC in ms at an instant, or null for an unknown zone. */
function zoneOffsetMs(ms: number, timeZone: string): number | null {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      return null;
    }
    formatters.set(timeZone, formatter);
  }
  const part: Record<string, number> = {};
  for (const p of formatter.formatToParts(new Date(ms))) part[p.type] = Number(p.value);
  const asUtc = Date.UTC(part.year ?? 0, (part.month ?? 1) - 1, part.day ?? 1, part.hour ?? 0, part.minute ?? 0, part.second ?? 0);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Converts a wall-clock time (given as if it were UTC ms) in a time zone to a real instant; null if the zone is unknown. */
export function zonedTimeToUtc(wallMs: number, timeZone: string): number | null {
  if (UTC_NAMES.has(timeZone.trim().toLowerCase())) return wallMs;
  const first = zoneOffsetMs(wallMs, timeZone);
  if (first === null) return null;
  const second = zoneOffsetMs(wallMs - first, timeZone) ?? first;
  return wallMs - second;
}

/** The wall-clock calendar date (y, m, d as UTC midnight ms) of an instant in a time zone. */
export function zonedDate(ms: number, timeZone: string): number {
  const offset = UTC_NAMES.has(timeZone.trim().toLowerCase()) ? 0 : (zoneOffsetMs(ms, timeZone) ?? 0);
  const wall = ms + offset;
  return wall - (((wall % DAY) + DAY) % DAY);
}

/**
 * Parses an ISO 8601 instant. A space before a trailing "hh:mm" is read as "+" (an unencoded "+" in a
 * query string arrives as a space); a value without an offset is read in `timeZone` (default UTC).
 */
export function parseInstant(text: string, timeZone = "UTC"): number | null {
  // Fast path for the canonical form the emulator itself renders.
  if (CANONICAL.test(text)) return Date.parse(text);
  const fixed = text.trim().replace(/\s(\d{2}(?::?\d{2})?)$/, "+$1");
  const m = ISO_INSTANT.exec(fixed);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => Number(v ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const millis = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  const zone = m[8];
  if (!zone) return zonedTimeToUtc(wall, timeZone);
  if (zone.toUpperCase() === "Z") return wall;
  const digits = zone.slice(1).replace(":", "");
  const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * MINUTE;
  return zone.startsWith("-") ? wall + offset : wall - offset;
}

/** Parses a dateTimeTimeZone ({ dateTime, timeZone }) to an instant, or null when invalid. */
export function parseDateTimeTimeZone(value: { dateTime?: string | null; timeZone?: string | null }): number | null {
  if (typeof value.dateTime !== "string") return null;
  return parseInstant(value.dateTime, value.timeZone ?? "UTC");
}

/** Renders a length of time as a canonical ISO 8601 duration: PT45M, PT1H30M, P1D, PT0S. */
export function formatDuration(ms: number): string {
  if (ms <= 0) return "PT0S";
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  const seconds = (ms % MINUTE) / 1000;
  const time = `${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${seconds ? `${seconds}S` : ""}`;
  return `P${days ? `${days}D` : ""}${time ? `T${time}` : ""}`;
}

/** Parses an ISO 8601 duration to ms, or null when it is not one. */
export function parseDuration(text: string): number | null {
  const m = ISO_DURATION.exec(text);
  if (!m || text === "P" || text.endsWith("T")) return null;
  const [weeks, days, hours, minutes, seconds] = [m[1], m[2], m[3], m[4], m[5]].map((v) => Number(v ?? 0)) as [
    number, number, number, number, number,
  ];
  return Math.round(weeks * 7 * DAY + days * DAY + hours * HOUR + minutes * MINUTE + seconds * 1000);
}

/** Milliseconds per unit, for callers that lay out times. */
export const MS = { MINUTE, HOUR, DAY } as const;
