// SQL for service items (one per Bookings service).
import type { Queryable } from "../../shared/db";
import type { ItemTax } from "../../shared/taxSchemas";

/** A Bookings service as a service item. */
export interface ServiceItemRecord {
  bookingsServiceId: string;
  name: string;
  description: string | null;
  defaultPrice: string;
  priceType: string;
  defaultDurationMinutes: number | null;
}

/** Creates or updates the item for a Bookings service; reactivates it if it was gone. A new item gets the template's VAT; a sync never changes an item's VAT. */
export async function upsertServiceItem(
  db: Queryable,
  tenantId: string,
  s: ServiceItemRecord,
  template: { type: string; unitOfMeasure: string } & ItemTax,
): Promise<"created" | "updated" | "unchanged"> {
  const { rows } = await db.query<{ inserted: boolean; changed: boolean }>(
    `INSERT INTO service_items (tenant_id, bookings_service_id, name, description, default_price, price_type, default_duration_minutes,
       item_type, unit_of_measure, tax_category, tax_rate, tax_exemption_reason, tax_exemption_code, synced_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
     ON CONFLICT (tenant_id, bookings_service_id) DO UPDATE SET
       name = EXCLUDED.name, description = EXCLUDED.description, default_price = EXCLUDED.default_price,
       price_type = EXCLUDED.price_type, default_duration_minutes = EXCLUDED.default_duration_minutes,
       active = true, synced_at = now(),
       updated_at = CASE WHEN (service_items.name, service_items.description, service_items.default_price, service_items.price_type,
                              service_items.default_duration_minutes, service_items.active)
                         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description, EXCLUDED.default_price, EXCLUDED.price_type,
                              EXCLUDED.default_duration_minutes, true)
                         THEN now() ELSE service_items.updated_at END
     RETURNING (xmax = 0) AS inserted, (updated_at = synced_at) AS changed`,
    [tenantId, s.bookingsServiceId, s.name, s.description, s.defaultPrice, s.priceType, s.defaultDurationMinutes, template.type, template.unitOfMeasure,
      template.taxCategory, template.taxRate, template.taxExemptionReason, template.taxExemptionCode],
  );
  const r = rows[0]!;
  return r.inserted ? "created" : r.changed ? "updated" : "unchanged";
}

/** Each service item's default price by Bookings service id (what a booking without a price of its own is billed). */
export async function loadItemDefaultPrices(db: Queryable, tenantId: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; price: string }>(
    "SELECT bookings_service_id AS id, trim_scale(default_price)::text AS price FROM service_items WHERE tenant_id = $1",
    [tenantId],
  );
  return new Map(rows.map((r) => [r.id, r.price]));
}

/** Marks items whose Bookings service is gone as inactive; returns how many. */
export async function deactivateMissingItems(db: Queryable, tenantId: string, presentIds: string[]): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE service_items SET active = false, updated_at = now()
     WHERE tenant_id = $1 AND active AND bookings_service_id NOT IN (SELECT unnest($2::text[]))`,
    [tenantId, presentIds],
  );
  return rowCount;
}

/** A service item as the API shows it. */
export interface ServiceItemView extends ServiceItemRecord, ItemTax {
  id: string;
  type: string;
  unitOfMeasure: string;
  active: boolean;
}

const ITEM_COLUMNS = `id, bookings_service_id AS "bookingsServiceId", name, description, trim_scale(default_price)::text AS "defaultPrice",
  price_type AS "priceType", default_duration_minutes AS "defaultDurationMinutes", item_type AS type, unit_of_measure AS "unitOfMeasure", active,
  tax_category AS "taxCategory", trim_scale(tax_rate)::text AS "taxRate", tax_exemption_reason AS "taxExemptionReason", tax_exemption_code AS "taxExemptionCode"`;

/** All of a tenant's service items, by name. */
export async function listServiceItems(db: Queryable, tenantId: string): Promise<ServiceItemView[]> {
  const { rows } = await db.query<ServiceItemView>(`SELECT ${ITEM_COLUMNS} FROM service_items WHERE tenant_id = $1 ORDER BY lower(name), id`, [tenantId]);
  return rows;
}

/** Sets an item's VAT and answers the item, or undefined when the tenant has no such item. */
export async function updateItemTax(db: Queryable, tenantId: string, id: string, tax: ItemTax): Promise<ServiceItemView | undefined> {
  const { rows } = await db.query<ServiceItemView>(
    `UPDATE service_items SET tax_category = $3, tax_rate = $4, tax_exemption_reason = $5, tax_exemption_code = $6, updated_at = now()
     WHERE tenant_id = $1 AND id = $2 RETURNING ${ITEM_COLUMNS}`,
    [tenantId, id, tax.taxCategory, tax.taxRate, tax.taxExemptionReason, tax.taxExemptionCode],
  );
  return rows[0];
}
