// SQL for the per-tenant setup row.
import type { Queryable } from "../../shared/db";
import type { TSetup, TSetupInput } from "./setup.schema";
import { ZSetupInput } from "./setup.schema";
import { DEFAULT_NOTIFICATION_SETTINGS } from "../notifications/notification.schema";

type SetupRow = { business_id: string; business_name: string | null; currency: string; settings: unknown; updated_at: Date };

/** The tenant's setup, or null before an admin saved one. */
export async function findSetup(db: Queryable, tenantId: string): Promise<TSetup | null> {
  const { rows } = await db.query<SetupRow>(
    "SELECT business_id, business_name, currency, settings, updated_at FROM tenant_setup WHERE tenant_id = $1",
    [tenantId],
  );
  const row = rows[0];
  if (!row) return null;
  // Stored settings are re-read through the schema so defaults added later fill in for old rows.
  const settings = ZSetupInput.parse({ ...(row.settings as object), businessId: row.business_id });
  const notifications = settings.notifications ?? DEFAULT_NOTIFICATION_SETTINGS;
  return { ...settings, notifications, businessName: row.business_name, currency: row.currency, updatedAt: row.updated_at.toISOString() };
}

/** Inserts or replaces the tenant's setup. */
export async function saveSetup(
  db: Queryable,
  tenantId: string,
  input: TSetupInput,
  business: { name: string | null; currency: string },
  userId: string,
): Promise<void> {
  const { businessId, ...settings } = input;
  await db.query(
    `INSERT INTO tenant_setup (tenant_id, business_id, business_name, currency, settings, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, now(), $6)
     ON CONFLICT (tenant_id) DO UPDATE SET business_id = EXCLUDED.business_id, business_name = EXCLUDED.business_name,
       currency = EXCLUDED.currency, settings = EXCLUDED.settings, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [tenantId, businessId, business.name, business.currency, JSON.stringify(settings), userId],
  );
}

/** Records the business's name and currency as last read from Graph. */
export async function updateBusinessInfo(db: Queryable, tenantId: string, name: string | null, currency: string): Promise<void> {
  await db.query("UPDATE tenant_setup SET business_name = $2, currency = $3 WHERE tenant_id = $1", [tenantId, name, currency]);
}
