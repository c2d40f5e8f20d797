// SQL for the per-tenant setup row; the webhook URL in it is stored sealed (shared/secrets.ts), never in plain.
import type { Db, Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import type { Logger } from "pino";
import type { TSetup, TSetupInput } from "./setup.schema";
import { upgradeStoredSetup } from "./storedSetup";
import { completeItemTemplate } from "./itemTemplate";
import { DEFAULT_NOTIFICATION_SETTINGS } from "./notificationSettings.schema";

type SetupRow = { business_id: string; business_name: string | null; currency: string; settings: unknown; updated_at: Date };

// The authenticated context of a tenant's sealed webhook URL: copied into another tenant's row, it does not open.
const webhookContext = (tenantId: string) => `tenant_setup:${tenantId}:notifications.webhookUrl`;

/**
 * How findSetup treats a stored secret it cannot open (another SECRETS_KEY): "fail" with SECRET_UNREADABLE, for callers
 * that use the notification settings; "skip" answers them as defaults, so syncs and invoicing go on regardless.
 */
export type UnreadableSecrets = "fail" | "skip";

/** The tenant's setup, or null before an admin saved one; settings a later schema refuses are repaired (and logged). */
export async function findSetup(db: Db, tenantId: string, opts: { unreadableSecrets?: UnreadableSecrets; log?: Logger } = {}): Promise<TSetup | null> {
  const { rows } = await db.query<SetupRow>(
    "SELECT business_id, business_name, currency, settings, updated_at FROM tenant_setup WHERE tenant_id = $1",
    [tenantId],
  );
  const row = rows[0];
  if (!row) return null;
  const stored = openSecrets(db, tenantId, row.settings, opts.unreadableSecrets ?? "fail");
  // Read forward, not refused: a row saved under older rules must not fail every request of its tenant. The row itself
  // is left as it is (a read never writes); the next save of the setup stores the repaired values.
  const { settings, changes } = upgradeStoredSetup(stored);
  if (changes.length) opts.log?.warn({ tenantId, changes }, "stored setup read with repairs: it does not fit the current rules; saving the setup stores the repaired values");
  const notifications = settings.notifications ?? DEFAULT_NOTIFICATION_SETTINGS;
  const itemTemplate = completeItemTemplate(settings.itemTemplate, settings.customerTemplate.taxRate);
  return { ...settings, itemTemplate, businessId: row.business_id, notifications, businessName: row.business_name, currency: row.currency, updatedAt: row.updated_at.toISOString() };
}

/** Inserts or replaces the tenant's setup; a webhook URL stored in plain by an older version is sealed now. */
export async function writeSetup(
  db: Db,
  tenantId: string,
  input: TSetupInput,
  business: { name: string | null; currency: string },
  userId: string,
): Promise<void> {
  const { businessId, ...plain } = input;
  const settings = mapWebhookUrl(plain, (url) => db.secrets.seal(url, webhookContext(tenantId)));
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

function openSecrets(db: Db, tenantId: string, settings: unknown, unreadable: UnreadableSecrets): unknown {
  try {
    return mapWebhookUrl(settings, (url) => db.secrets.open(url, webhookContext(tenantId)));
  } catch (err) {
    if (unreadable === "fail" || !(err instanceof AppError) || err.code !== "SECRET_UNREADABLE") throw err;
    return { ...(settings as object), notifications: undefined };
  }
}

// The settings with notifications.webhookUrl passed through `fn` when it is a string (null and absent stay as they are).
function mapWebhookUrl(settings: unknown, fn: (url: string) => string): unknown {
  const notifications = (settings as { notifications?: { webhookUrl?: unknown } } | null)?.notifications;
  if (typeof notifications?.webhookUrl !== "string") return settings;
  return { ...(settings as object), notifications: { ...notifications, webhookUrl: fn(notifications.webhookUrl) } };
}

/** The supplier's logo as stored. */
export interface SupplierLogo {
  contentType: "image/png" | "image/jpeg";
  data: Buffer;
  width: number;
  height: number;
  updatedAt: string;
}

/** The tenant's logo, or null when it has none. */
export async function findSupplierLogo(db: Queryable, tenantId: string): Promise<SupplierLogo | null> {
  const { rows } = await db.query<{ content_type: SupplierLogo["contentType"]; data: Uint8Array; width: number; height: number; updated_at: Date }>(
    "SELECT content_type, data, width, height, updated_at FROM supplier_logos WHERE tenant_id = $1",
    [tenantId],
  );
  const row = rows[0];
  // pg answers bytea as a Buffer, PGlite as a Uint8Array.
  return row ? { contentType: row.content_type, data: Buffer.from(row.data), width: row.width, height: row.height, updatedAt: row.updated_at.toISOString() } : null;
}

/** Stores or replaces the logo and answers it as stored; null when the tenant has no setup row to hang it on. */
export async function writeSupplierLogo(db: Queryable, tenantId: string, logo: Omit<SupplierLogo, "updatedAt">, userId: string): Promise<SupplierLogo | null> {
  const { rows } = await db.query<{ updated_at: Date }>(
    `INSERT INTO supplier_logos (tenant_id, content_type, data, width, height, updated_at, updated_by)
     SELECT tenant_id, $2, $3, $4, $5, now(), $6 FROM tenant_setup WHERE tenant_id = $1
     ON CONFLICT (tenant_id) DO UPDATE SET content_type = EXCLUDED.content_type, data = EXCLUDED.data, width = EXCLUDED.width,
       height = EXCLUDED.height, updated_at = now(), updated_by = EXCLUDED.updated_by
     RETURNING updated_at`,
    [tenantId, logo.contentType, logo.data, logo.width, logo.height, userId],
  );
  return rows[0] ? { ...logo, updatedAt: rows[0].updated_at.toISOString() } : null;
}

/** Removes the logo; true when there was one. */
export async function deleteSupplierLogo(db: Queryable, tenantId: string): Promise<boolean> {
  const { rows } = await db.query("DELETE FROM supplier_logos WHERE tenant_id = $1 RETURNING tenant_id", [tenantId]);
  return rows.length > 0;
}
