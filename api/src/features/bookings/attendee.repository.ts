// SQL for a booking's attendees: their priced lines, the customer they are linked to, and whether they are invoiced.
import type { Queryable } from "../../shared/db";
import { OPEN } from "./bookings.repository";

/** An attendee with what pricing needs of its booking and the booking's service item. */
export interface AttendeeToPrice {
  booking_id: string;
  attendee_key: string;
  price: string;
  price_type: string;
  currency: string;
  minutes: number;
  item_default_price: string | null;
}

/** Every attendee of the given bookings, or of every booking of the given Bookings services. */
export async function findAttendeesToPrice(db: Queryable, tenantId: string, scope: { bookingIds: string[] } | { serviceIds: string[] }): Promise<AttendeeToPrice[]> {
  const byService = "serviceIds" in scope;
  const { rows } = await db.query<AttendeeToPrice>(
    `SELECT a.booking_id, a.attendee_key, trim_scale(b.price)::text AS price, b.price_type, b.currency,
            round(extract(epoch FROM b.end_at - b.start_at) / 60)::int AS minutes, trim_scale(si.default_price)::text AS item_default_price
     FROM booking_attendees a
     JOIN bookings b ON b.tenant_id = a.tenant_id AND b.id = a.booking_id
     LEFT JOIN service_items si ON si.tenant_id = b.tenant_id AND si.bookings_service_id = b.service_id
     WHERE a.tenant_id = $1 AND ${byService ? "b.service_id" : "b.id"} IN (SELECT unnest($2::text[]))`,
    [tenantId, byService ? scope.serviceIds : scope.bookingIds],
  );
  return rows;
}

/** An attendee's priced line as stored beside it. */
export interface AttendeePrice {
  booking_id: string;
  attendee_key: string;
  quantity: string;
  unit_price: string;
  amount: string;
  flags: string[];
}

/** Stores the priced lines of many attendees in one statement. */
export async function storeAttendeePrices(db: Queryable, tenantId: string, prices: AttendeePrice[]): Promise<void> {
  if (prices.length === 0) return;
  await db.query(
    `UPDATE booking_attendees a SET quantity = x.quantity, unit_price = x.unit_price, amount = x.amount, flags = x.flags
     FROM jsonb_to_recordset($2::jsonb) AS x(booking_id text, attendee_key text, quantity numeric, unit_price numeric, amount numeric, flags text[])
     WHERE a.tenant_id = $1 AND a.booking_id = x.booking_id AND a.attendee_key = x.attendee_key`,
    [tenantId, JSON.stringify(prices)],
  );
}

/** Every tenant with the ids of all its bookings. */
export async function bookingIdsByTenant(db: Queryable): Promise<{ tenantId: string; ids: string[] }[]> {
  const { rows } = await db.query<{ tenantId: string; ids: string[] }>('SELECT tenant_id AS "tenantId", array_agg(id) AS ids FROM bookings GROUP BY tenant_id');
  return rows;
}

/** Locks one attendee until the transaction ends and tells whether it is on an invoice line; undefined when there is none. */
export async function lockAttendee(db: Queryable, tenantId: string, bookingId: string, attendeeKey: string): Promise<{ invoiced: boolean } | undefined> {
  const { rows } = await db.query<{ invoiced: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.tenant_id = a.tenant_id AND l.booking_id = a.booking_id AND l.attendee_key = a.attendee_key AND l.bills) AS invoiced
     FROM booking_attendees a WHERE a.tenant_id = $1 AND a.booking_id = $2 AND a.attendee_key = $3 FOR UPDATE`,
    [tenantId, bookingId, attendeeKey],
  );
  return rows[0];
}

/** Records the customer an attendee was linked to. */
export async function setAttendeeCustomer(db: Queryable, tenantId: string, bookingId: string, key: string, customerId: string): Promise<void> {
  await db.query("UPDATE booking_attendees SET customer_id = $4 WHERE tenant_id = $1 AND booking_id = $2 AND attendee_key = $3", [tenantId, bookingId, key, customerId]);
}

/** What the booking knows of an attendee: who they are (their person key, null without name or Bookings id) and how to reach them. */
export interface AttendeePerson {
  personKey: string | null;
  bookingsCustomerId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
}

/** One attendee's person, or undefined when the booking has no such attendee. */
export async function findAttendeePerson(db: Queryable, tenantId: string, bookingId: string, attendeeKey: string): Promise<AttendeePerson | undefined> {
  const { rows } = await db.query<AttendeePerson>(
    `SELECT person_key AS "personKey", bookings_customer_id AS "bookingsCustomerId", name, email, phone
     FROM booking_attendees WHERE tenant_id = $1 AND booking_id = $2 AND attendee_key = $3`,
    [tenantId, bookingId, attendeeKey],
  );
  return rows[0];
}

// An attendee (alias `a`) of a booking (alias `b`) waiting in the review queue: no customer, not invoiced, the booking
// awaiting invoicing and ended by $now. "Their other waiting bookings" and "link all of them" both mean this.
const WAITING_UNLINKED = (now: string) => `a.customer_id IS NULL AND ${OPEN} AND b.awaiting AND b.end_at <= ${now}`;

/** An attendee a link will write, locked; `invoiced` when it is on an invoice line already. */
export interface LinkTarget {
  bookingId: string;
  attendee: string;
  invoiced: boolean;
}

/**
 * Locks the attendee to link and, with a person key, every waiting attendee of that person, in one statement and one
 * order (booking, attendee) so that concurrent links of the same person queue up instead of deadlocking. A row another
 * request linked meanwhile drops out (the condition is checked again once its lock is free).
 */
export async function lockLinkTargets(db: Queryable, tenantId: string, now: Date, target: { bookingId: string; attendee: string }, personKey: string | null): Promise<LinkTarget[]> {
  const { rows } = await db.query<LinkTarget>(
    `SELECT a.booking_id AS "bookingId", a.attendee_key AS attendee, NOT ${OPEN} AS invoiced
     FROM booking_attendees a JOIN bookings b ON b.tenant_id = a.tenant_id AND b.id = a.booking_id
     WHERE a.tenant_id = $1 AND ((a.booking_id = $2 AND a.attendee_key = $3) OR (a.person_key = $4 AND ${WAITING_UNLINKED("$5")}))
     ORDER BY a.booking_id, a.attendee_key
     FOR UPDATE OF a`,
    [tenantId, target.bookingId, target.attendee, personKey, now],
  );
  return rows;
}

/** Records one customer for many attendees in one statement. */
export async function setAttendeesCustomer(db: Queryable, tenantId: string, attendees: { bookingId: string; attendee: string }[], customerId: string): Promise<void> {
  if (attendees.length === 0) return;
  await db.query(
    `UPDATE booking_attendees a SET customer_id = $4
     FROM unnest($2::text[], $3::text[]) AS x(booking_id, attendee_key)
     WHERE a.tenant_id = $1 AND a.booking_id = x.booking_id AND a.attendee_key = x.attendee_key`,
    [tenantId, attendees.map((a) => a.bookingId), attendees.map((a) => a.attendee), customerId],
  );
}

/** What the review queue shows beside an attendee without a customer: the phone the booking gave, and the person's other waiting bookings. */
export interface AttendeeLinkFacts {
  bookingId: string;
  attendee: string;
  phone: string | null;
  /** Bookings of the same person in the queue besides this one. */
  otherWaiting: number;
}

/** The facts of the given attendees, in one statement; an attendee without a person key has no other bookings. */
export async function findAttendeeLinkFacts(db: Queryable, tenantId: string, now: Date, attendees: { bookingId: string; attendee: string }[]): Promise<AttendeeLinkFacts[]> {
  if (attendees.length === 0) return [];
  const { rows } = await db.query<AttendeeLinkFacts>(
    `SELECT t.booking_id AS "bookingId", t.attendee_key AS attendee, t.phone,
       CASE WHEN t.person_key IS NULL THEN 0 ELSE (
         SELECT count(DISTINCT a.booking_id)::int FROM booking_attendees a JOIN bookings b ON b.tenant_id = a.tenant_id AND b.id = a.booking_id
         WHERE a.tenant_id = t.tenant_id AND a.person_key = t.person_key AND a.booking_id <> t.booking_id AND ${WAITING_UNLINKED("$4")}
       ) END AS "otherWaiting"
     FROM unnest($2::text[], $3::text[]) AS x(booking_id, attendee_key)
     JOIN booking_attendees t ON t.tenant_id = $1 AND t.booking_id = x.booking_id AND t.attendee_key = x.attendee_key`,
    [tenantId, attendees.map((a) => a.bookingId), attendees.map((a) => a.attendee), now],
  );
  return rows;
}
