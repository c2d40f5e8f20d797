// SQL for notifications: the awaiting-invoicing summary, the per-tenant delivery state and the announced bookings.
import type { Db, Queryable } from "../../shared/db";
// "Awaiting invoicing" exactly as the list (PRODUCT.md §4.2); the end-time condition is added with the clock.
import { AWAITING, OPEN } from "../bookings/bookings.repository";
import { Decimal, moneyString } from "../../shared/money";
import type { AwaitingSummary, NotificationChannel } from "./notification.types";

const UNANNOUNCED = "NOT EXISTS (SELECT 1 FROM notification_announced n WHERE n.tenant_id = b.tenant_id AND n.booking_id = b.id)";

/** Delivery state of one tenant. */
export interface NotificationState {
  lastSentAt: Date | null;
  pending: NotificationChannel[];
  attempts: number;
  nextAttemptAt: Date | null;
}

/** The summary as of `now`, plus the ids of the bookings it is the first to announce. */
export async function loadAwaitingSummary(db: Queryable, tenantId: string, now: Date, top: number): Promise<{ summary: AwaitingSummary; newIds: string[] }> {
  const byCurrency = await db.query<{ currency: string; count: number; amount: string; oldest: Date }>(
    `SELECT b.currency, count(*)::int AS count, sum(b.open_amount)::text AS amount, min(b.start_at) AS oldest
     FROM bookings b WHERE b.tenant_id = $1 AND ${AWAITING} AND b.end_at <= $2 GROUP BY b.currency`,
    [tenantId, now],
  );
  const fresh = await db.query<{ id: string }>(
    `SELECT b.id FROM bookings b WHERE b.tenant_id = $1 AND ${AWAITING} AND b.end_at <= $2 AND ${UNANNOUNCED}`,
    [tenantId, now],
  );
  const customers = await db.query<{ name: string; currency: string; amount: string; bookings: number }>(
    `SELECT min(COALESCE(c.name, NULLIF(a.name, ''), a.email, '')) AS name, b.currency, sum(a.amount)::text AS amount,
       count(DISTINCT b.id)::int AS bookings
     FROM bookings b
     JOIN booking_attendees a ON a.tenant_id = b.tenant_id AND a.booking_id = b.id
     LEFT JOIN customers c ON c.id = a.customer_id
     WHERE b.tenant_id = $1 AND ${AWAITING} AND b.end_at <= $2 AND ${OPEN}
     GROUP BY COALESCE(a.customer_id::text, lower(a.email), a.name), b.currency
     ORDER BY sum(a.amount) DESC, 1
     LIMIT $3`,
    [tenantId, now, top],
  );
  const rows = byCurrency.rows;
  const oldest = rows.reduce<Date | null>((min, r) => (!min || r.oldest < min ? r.oldest : min), null);
  const summary: AwaitingSummary = {
    asOf: now.toISOString(),
    count: rows.reduce((n, r) => n + r.count, 0),
    newCount: fresh.rows.length,
    totals: rows
      .map((r) => ({ currency: r.currency, amount: moneyString(r.amount, r.currency) }))
      .sort((x, y) => new Decimal(y.amount).comparedTo(x.amount) || x.currency.localeCompare(y.currency)),
    oldestStart: oldest ? oldest.toISOString() : null,
    topCustomers: customers.rows.map((c) => ({ ...c, amount: moneyString(c.amount, c.currency) })),
  };
  return { summary, newIds: fresh.rows.map((r) => r.id) };
}

/** How many awaiting bookings no notification has announced yet. */
export async function countUnannounced(db: Queryable, tenantId: string, now: Date): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM bookings b WHERE b.tenant_id = $1 AND ${AWAITING} AND b.end_at <= $2 AND ${UNANNOUNCED}`,
    [tenantId, now],
  );
  return rows[0]?.n ?? 0;
}

/** The tenant's delivery state, or null before the first attempt. */
export async function findNotificationState(db: Queryable, tenantId: string): Promise<NotificationState | null> {
  const { rows } = await db.query<{ last_sent_at: Date | null; pending: NotificationChannel[]; attempts: number; next_attempt_at: Date | null }>(
    "SELECT last_sent_at, pending, attempts, next_attempt_at FROM notification_state WHERE tenant_id = $1",
    [tenantId],
  );
  const r = rows[0];
  return r ? { lastSentAt: r.last_sent_at, pending: r.pending, attempts: r.attempts, nextAttemptAt: r.next_attempt_at } : null;
}

/** What one delivery attempt did, as the tenant's delivery state keeps it. */
export interface AttemptRecord {
  at: Date;
  /** Set when a channel delivered (or may have): the summary it carried. */
  delivered: AwaitingSummary | null;
  pending: NotificationChannel[];
  attempts: number;
  nextAttemptAt: Date | null;
  status: number | null;
  error: string | null;
}

/** Stores an attempt's outcome in the tenant's delivery state. */
export async function recordAttempt(db: Queryable, tenantId: string, r: AttemptRecord): Promise<void> {
  await db.query(
    `INSERT INTO notification_state (tenant_id, last_sent_at, last_summary, pending, attempts, next_attempt_at, last_attempt_at, last_status, last_error, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
     ON CONFLICT (tenant_id) DO UPDATE SET
       last_sent_at = COALESCE(EXCLUDED.last_sent_at, notification_state.last_sent_at),
       last_summary = COALESCE(EXCLUDED.last_summary, notification_state.last_summary),
       pending = EXCLUDED.pending, attempts = EXCLUDED.attempts, next_attempt_at = EXCLUDED.next_attempt_at,
       last_attempt_at = EXCLUDED.last_attempt_at, last_status = EXCLUDED.last_status, last_error = EXCLUDED.last_error, updated_at = now()`,
    [tenantId, r.delivered ? r.at : null, r.delivered ? JSON.stringify(r.delivered) : null, r.pending, r.attempts, r.nextAttemptAt, r.at, r.status, r.error],
  );
}

/** A delivery about to be posted: when, to which channels, what it says and the bookings it is the first to announce. */
export interface DeliveryClaim {
  at: Date;
  channels: NotificationChannel[];
  summary: AwaitingSummary;
  newIds: string[];
}

/** Records a delivery as 'sending' with its bookings announced by it, committed before anything is posted; answers its id. */
export async function claimDelivery(db: Db, tenantId: string, claim: DeliveryClaim): Promise<string> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      "INSERT INTO notification_deliveries (tenant_id, channels, state, claimed_at, summary) VALUES ($1, $2, 'sending', $3, $4) RETURNING id",
      [tenantId, claim.channels, claim.at, JSON.stringify(claim.summary)],
    );
    const id = rows[0]!.id;
    if (claim.newIds.length) {
      await tx.query(
        `INSERT INTO notification_announced (tenant_id, booking_id, announced_at, delivery_id)
         SELECT $1, booking_id, $3, $4 FROM unnest($2::text[]) AS booking_id ON CONFLICT DO NOTHING`,
        [tenantId, claim.newIds, claim.at, id],
      );
    }
    return id;
  });
}

/** What a claimed delivery came to, per channel, and the tenant's delivery state after it. */
export interface DeliveryResult {
  state: "sent" | "failed" | "unknown";
  outcome: Record<string, { outcome: "sent" | "failed" | "unknown"; status: number | null; error: string | null }>;
  finishedAt: Date;
  attempt: AttemptRecord;
}

/** Marks a claimed delivery with its result and updates the tenant's state; a delivery that surely failed takes its announcements back. */
export async function finishDelivery(db: Db, tenantId: string, deliveryId: string, r: DeliveryResult): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      "UPDATE notification_deliveries SET state = $3, outcome = $4, finished_at = $5 WHERE tenant_id = $1 AND id = $2 AND state = 'sending'",
      [tenantId, deliveryId, r.state, JSON.stringify(r.outcome), r.finishedAt],
    );
    if (r.state === "failed") await tx.query("DELETE FROM notification_announced WHERE tenant_id = $1 AND delivery_id = $2", [tenantId, deliveryId]);
    await recordAttempt(tx, tenantId, r.attempt);
  });
}

/** A delivery that was claimed but never marked: the process died, or the write after the post failed. */
export interface InterruptedDelivery {
  id: string;
  channels: NotificationChannel[];
  claimedAt: Date;
  summary: AwaitingSummary;
}

/** The tenant's delivery still marked 'sending', if any (at most one: migration 010). */
export async function findSendingDelivery(db: Queryable, tenantId: string): Promise<InterruptedDelivery | null> {
  const { rows } = await db.query<{ id: string; channels: NotificationChannel[]; claimed_at: Date; summary: AwaitingSummary }>(
    "SELECT id, channels, claimed_at, summary FROM notification_deliveries WHERE tenant_id = $1 AND state = 'sending'",
    [tenantId],
  );
  const d = rows[0];
  return d ? { id: d.id, channels: d.channels, claimedAt: d.claimed_at, summary: d.summary } : null;
}

/** Tenants with notifications on and a failed delivery whose retry is due at `now`, or a delivery left interrupted
 * (the setting is compared, never cast: see scheduler.ts). */
export async function findTenantsToRetry(db: Queryable, now: Date): Promise<string[]> {
  const { rows } = await db.query<{ tenant_id: string }>(
    `SELECT t.tenant_id FROM (
       SELECT tenant_id FROM notification_state WHERE cardinality(pending) > 0 AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
       UNION SELECT tenant_id FROM notification_deliveries WHERE state = 'sending'
     ) t JOIN tenant_setup s ON s.tenant_id = t.tenant_id
     WHERE s.settings->'notifications'->'enabled' IN ('true'::jsonb, '"true"'::jsonb)
     ORDER BY t.tenant_id`,
    [now],
  );
  return rows.map((r) => r.tenant_id);
}

/** The user who last saved the setup: the activity feed's recipient. */
export async function findSetupEditor(db: Queryable, tenantId: string): Promise<string | null> {
  const { rows } = await db.query<{ updated_by: string | null }>("SELECT updated_by FROM tenant_setup WHERE tenant_id = $1", [tenantId]);
  return rows[0]?.updated_by ?? null;
}
