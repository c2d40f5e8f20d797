// Pure mapping from Graph Bookings JSON to the app's records; no I/O, tested on fixtures.
import { addressFromBookings, phoneFromBookings } from "../customers/bookingsAddress";
import type { TAppointment, TCustomer, TService, TStaffMember } from "../graph/graph.schema";
import type { TAddress } from "../../shared/partySchemas";

/** A booking as stored: the billing-relevant snapshot of one appointment. */
export interface BookingRecord {
  id: string;
  serviceId: string | null;
  serviceName: string;
  staffMemberIds: string[];
  start: Date;
  end: Date;
  /** Decimal string; Graph sends a double, we keep what it printed. */
  price: string;
  priceType: string;
  lastUpdatedAt: Date | null;
}

/** One customer attending a booking; the key is stable across syncs. */
export interface AttendeeRecord {
  key: string;
  position: number;
  bookingsCustomerId: string | null;
  name: string;
  email: string | null;
  /** The phone number the booking gave, or null. */
  phone: string | null;
}

/** Graph renders UTC as "…0000000Z" with timeZone "UTC"; a naked time is read as UTC too. */
export function parseGraphDateTime(value: { dateTime: string; timeZone?: string | null }): Date {
  const text = value.dateTime.trim();
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const date = new Date(hasZone ? text : `${text}Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`Unreadable date-time "${value.dateTime}"`);
  return date;
}

/** Maps an appointment (list or by-id form) to the stored booking. */
export function toBookingRecord(a: TAppointment): BookingRecord {
  return {
    id: a.id,
    serviceId: a.serviceId ?? null,
    serviceName: a.serviceName?.trim() || "(no service name)",
    staffMemberIds: a.staffMemberIds ?? [],
    start: parseGraphDateTime(a.startDateTime),
    end: parseGraphDateTime(a.endDateTime),
    price: decimalFromDouble(a.price ?? 0),
    priceType: a.priceType ?? "undefined",
    lastUpdatedAt: a.lastUpdatedDateTime ? new Date(a.lastUpdatedDateTime) : null,
  };
}

/** The attendees of an appointment read by id; the attendee key prefers the Bookings customer id. */
export function toAttendees(a: TAppointment): AttendeeRecord[] {
  const seen = new Set<string>();
  const out: AttendeeRecord[] = [];
  (a.customers ?? []).forEach((c, i) => {
    const email = normaliseEmail(c.emailAddress);
    const key = c.customerId ? `c:${c.customerId}` : email ? `e:${email.toLowerCase()}` : `i:${i}`;
    if (seen.has(key)) return; // the same customer twice on one booking is billed once
    seen.add(key);
    const phone = c.phone?.trim().slice(0, 40) || null;
    out.push({ key, position: out.length, bookingsCustomerId: c.customerId ?? null, name: c.name?.trim() ?? "", email, phone });
  });
  return out;
}

/** A usable e-mail address, or null. */
export function normaliseEmail(value: string | null | undefined): string | null {
  const email = value?.trim() ?? "";
  return /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/** Graph doubles printed as exact decimal strings (85 → "85", 62.5 → "62.5"). */
export function decimalFromDouble(value: number): string {
  if (!Number.isFinite(value)) return "0";
  // toPrecision(15) drops binary noise such as 0.1 + 0.2 = 0.30000000000000004.
  return String(Number(value.toPrecision(15)));
}

/** ISO 8601 duration (PT1H30M, P1D, PT0S) in whole minutes. */
export function durationMinutes(iso: string | null | undefined): number | null {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso?.trim() ?? "");
  if (!m) return null;
  const [, d, h, min, s] = m;
  return Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(min ?? 0) + Math.round(Number(s ?? 0) / 60);
}

/** A Bookings customer as the app keeps it; null e-mail means it is skipped. */
export function toCustomerRecord(c: TCustomer): { bookingsCustomerId: string; name: string; email: string | null; address: TAddress; phone: string | null } {
  return {
    bookingsCustomerId: c.id,
    name: c.displayName?.trim() || "(no name)",
    email: normaliseEmail(c.emailAddress),
    address: addressFromBookings(c.addresses),
    phone: phoneFromBookings(c.phones),
  };
}

/** A Bookings service as a service item. */
export function toServiceItemRecord(s: TService) {
  return {
    bookingsServiceId: s.id,
    name: s.displayName?.trim() || "(no name)",
    description: s.description ?? null,
    defaultPrice: decimalFromDouble(s.defaultPrice ?? 0),
    priceType: s.defaultPriceType ?? "undefined",
    defaultDurationMinutes: durationMinutes(s.defaultDuration),
  };
}

/** A staff member's id and display name. */
export function toStaffRecord(s: TStaffMember) {
  return { bookingsStaffId: s.id, name: s.displayName?.trim() || "(no name)", email: normaliseEmail(s.emailAddress) };
}

/** Calendar windows of at most `maxDays` covering [from, to). */
export function syncWindows(from: Date, to: Date, maxDays = 31): { start: Date; end: Date }[] {
  const out: { start: Date; end: Date }[] = [];
  const step = maxDays * 86_400_000;
  for (let t = from.getTime(); t < to.getTime(); t += step) {
    out.push({ start: new Date(t), end: new Date(Math.min(t + step, to.getTime())) });
  }
  return out;
}
