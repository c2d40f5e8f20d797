// Stores each attendee's priced line (PRODUCT.md §4.3) as computed by the pricing module, so lists and totals only sum.
import type { Queryable } from "../../shared/db";
import { bookingIdsByTenant, findAttendeesToPrice, storeAttendeePrices } from "./attendee.repository";
import { priceAttendee } from "./attendeePricing";

/** Re-prices every attendee of the given bookings, or of every booking of the given Bookings services. */
export async function priceAttendees(db: Queryable, tenantId: string, scope: { bookingIds: string[] } | { serviceIds: string[] }): Promise<number> {
  if (("serviceIds" in scope ? scope.serviceIds : scope.bookingIds).length === 0) return 0;
  const priced = (await findAttendeesToPrice(db, tenantId, scope)).map((r) => {
    const line = priceAttendee({ priceType: r.price_type, price: r.price, durationMinutes: r.minutes, currency: r.currency, itemDefaultPrice: r.item_default_price });
    return { booking_id: r.booking_id, attendee_key: r.attendee_key, quantity: line?.quantity ?? "0", unit_price: line?.unitPrice ?? "0", amount: line?.amount ?? "0", flags: line?.flags ?? [] };
  });
  await storeAttendeePrices(db, tenantId, priced);
  return priced.length;
}

/** Prices every stored attendee of every tenant; run once when the stored priced lines were introduced. */
export async function priceEveryAttendee(db: Queryable): Promise<number> {
  let priced = 0;
  for (const { tenantId, ids } of await bookingIdsByTenant(db)) {
    for (let i = 0; i < ids.length; i += 5000) priced += await priceAttendees(db, tenantId, { bookingIds: ids.slice(i, i + 5000) });
  }
  return priced;
}
