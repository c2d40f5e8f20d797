// Bookings of people Bookings knows only by name and phone (no customer id, no e-mail), added to the emulator's demo
// business: what the review queue's "New customer" and "link all their bookings" are for.
import { CUSTOMER_INFO_TYPE } from "../../api/emulator/appointmentModel";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { parseDateTimeTimeZone, toDateTimeTimeZone } from "../../api/emulator/time";
import type { TestServer } from "./testServer";

const DAY = 86_400_000;

/** Adds `count` ended fixed-price bookings of one walk-in, on consecutive days from `daysAgo` back; returns their ids. */
export function addWalkInBookings(server: TestServer, person: { name: string; phone: string | null; email?: string | null }, count: number, daysAgo = 3): string[] {
  const controls = server.emulator.controls;
  const template = controls.appointments(DEMO_BUSINESS_ID).find((a) => a.priceType === "fixedPrice" && (a.customers?.length ?? 0) === 1)!;
  return Array.from({ length: count }, (_, i) => {
    // 08:00 UTC, a day apart: ended, inside the sync's look-back, and never at the same time as each other.
    const start = Math.floor(Date.now() / DAY) * DAY - (daysAgo + i) * DAY + 8 * 3_600_000;
    const customer = { "@odata.type": CUSTOMER_INFO_TYPE, customerId: null, name: person.name, emailAddress: person.email ?? null, phone: person.phone };
    return controls.upsertAppointment(DEMO_BUSINESS_ID, {
      ...template,
      id: undefined,
      startDateTime: toDateTimeTimeZone(start),
      endDateTime: toDateTimeTimeZone(start + 45 * 60_000),
      customers: [customer] as never,
      customerName: person.name,
      customerEmailAddress: person.email ?? null,
      customerPhone: person.phone,
    }).id!;
  });
}

/** Adds `count` ended copies of an appointment (same service, price and customers) on earlier days; returns their ids. */
export function addBookingsLike(server: TestServer, appointmentId: string, count: number, daysAgo = 10): string[] {
  const controls = server.emulator.controls;
  const original = controls.appointments(DEMO_BUSINESS_ID).find((a) => a.id === appointmentId)!;
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor(Date.now() / DAY) * DAY - (daysAgo + i) * DAY + 9 * 3_600_000;
    return controls.upsertAppointment(DEMO_BUSINESS_ID, { ...original, id: undefined, startDateTime: toDateTimeTimeZone(start), endDateTime: toDateTimeTimeZone(start + 45 * 60_000) }).id!;
  });
}

/** The demo's first ended appointment of a Bookings customer (by display name), for addBookingsLike. */
export function firstAppointmentOf(server: TestServer, displayName: string): string {
  const controls = server.emulator.controls;
  const customer = controls.customers(DEMO_BUSINESS_ID).find((c) => c.displayName === displayName)!;
  const found = controls
    .appointments(DEMO_BUSINESS_ID)
    .find((a) => a.customers?.length === 1 && (a.customers[0] as { customerId?: string }).customerId === customer.id && a.priceType !== "free" && (parseDateTimeTimeZone(a.endDateTime!) ?? Infinity) < Date.now());
  if (!found) throw new Error(`no ended booking of ${displayName} in the demo data`);
  return found.id!;
}
