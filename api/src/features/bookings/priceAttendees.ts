// Stores each attendee's priced line (PRODUCT.md §4.3) as computed by the pricing module, so lists and totals only sum.
import type { Queryable } from "../../shared/db";
import { priceAttendee } from "./attendeePricing";

type Row = {
  booking_id: string;
  attendee_key: string;
  price: string;
  price_type: string;
  currency: string;
  minutes: number;
  item_default_price: string | null;
};

/** Re-prices every attendee of the given bookings, or of every booking of the given Bookings services. */
export async function priceAttendees(db: Queryable, tenantId: string, scope: { bookingIds: string[] } | { serviceIds: string[] }): Promise<number> {
  const byService = "serviceIds" in scope;
  const ids = byService ? scope.serviceIds : scope.bookingIds;
  if (ids.length === 0) return 0;
  const { rows } = await db.query<Row>(
    `SELECT a.booking_id, a.attendee_key, trim_scale(b.price)::text AS price, b.price_type, b.currency,
            round(extract(epoch FROM b.end_at - b.start_at) / 60)::int AS minutes, trim_scale(si.default_price)::text AS item_default_price
     FROM booking_attendees a
     JOIN bookings b ON b.tenant_id = a.tenant_id AND b.id = a.booking_id
     LEFT JOIN service_items si ON si.tenant_id = b.tenant_id AND si.bookings_service_id = b.service_id
     WHERE a.tenant_id = $1 AND ${byService ? "b.service_id" : "b.id"} IN (SELECT unnest($2::text[]))`,
    [tenantId, ids],
  );
  const priced = rows.map((r) => {
    const line = priceAttendee({ priceType: r.price_type, price: r.price, durationMinutes: r.minutes, currency: r.currency, itemDefaultPrice: r.item_default_price });
    return { booking_id: r.booking_id, attendee_key: r.attendee_key, quantity: line?.quantity ?? "0", unit_price: line?.unitPrice ?? "0", amount: line?.amount ?? "0", flags: line?.flags ?? [] };
  });
  if (priced.length === 0) return 0;
  await db.query(
    `UPDATE booking_attendees a SET quantity = x.quantity, unit_price = x.unit_price, amount = x.amount, flags = x.flags
     FROM jsonb_to_recordset($2::jsonb) AS x(booking_id text, attendee_key text, quantity numeric, unit_price numeric, amount numeric, flags text[])
     WHERE a.tenant_id = $1 AND a.booking_id = x.booking_id AND a.attendee_key = x.attendee_key`,
    [tenantId, JSON.stringify(priced)],
  );
  return priced.length;
}

/** Prices every stored attendee of every tenant; run once when the stored priced lines were introduced. */
export async function priceEveryAttendee(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ tenant_id: string; ids: string[] }>("SELECT tenant_id, array_agg(id) AS ids FROM bookings GROUP BY tenant_id");
  let priced = 0;
  for (const { tenant_id, ids } of rows) {
    for (let i = 0; i < ids.length; i += 5000) priced += await priceAttendees(db, tenant_id, { bookingIds: ids.slice(i, i + 5000) });
  }
  return priced;
}
