// SQL for a booking's attendees: their priced lines, the customer they are linked to, and whether they are invoiced.
import type { Queryable } from "../../shared/db";

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
