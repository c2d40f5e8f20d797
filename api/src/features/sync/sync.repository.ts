// SQL for sync runs and the stored booking snapshots.
import type { Queryable } from "../../shared/db";
import type { AttendeeRecord, BookingRecord } from "./mapping";

/** Counts per kind of record a run touched. */
export type SyncCounts = Record<string, number>;
/** One recorded sync problem; requestId is Graph's, for support. */
export interface SyncErrorEntry {
  kind: string;
  message: string;
  itemId?: string;
  status?: number;
  requestId?: string;
}
/** A sync run as the API shows it. */
export interface SyncRun {
  id: string;
  trigger: string;
  status: "running" | "succeeded" | "partial" | "failed";
  startedAt: string;
  finishedAt: string | null;
  counts: SyncCounts;
  errors: SyncErrorEntry[];
}

type RunRow = { id: string; trigger: string; status: SyncRun["status"]; started_at: Date; finished_at: Date | null; counts: SyncCounts; errors: SyncErrorEntry[] };
const toRun = (r: RunRow): SyncRun => ({
  id: r.id,
  trigger: r.trigger,
  status: r.status,
  startedAt: r.started_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
  counts: r.counts,
  errors: r.errors,
});

/** Opens a run in status running. */
export async function createRun(db: Queryable, tenantId: string, trigger: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>("INSERT INTO sync_runs (tenant_id, trigger, status) VALUES ($1, $2, 'running') RETURNING id", [tenantId, trigger]);
  return rows[0]!.id;
}

/** Closes a run with its outcome and returns it. */
export async function finishRun(
  db: Queryable,
  tenantId: string,
  id: string,
  status: SyncRun["status"],
  counts: SyncCounts,
  errors: SyncErrorEntry[],
): Promise<SyncRun> {
  const { rows } = await db.query<RunRow>(
    `UPDATE sync_runs SET status = $3, counts = $4, errors = $5, finished_at = now()
     WHERE tenant_id = $1 AND id = $2 RETURNING id, trigger, status, started_at, finished_at, counts, errors`,
    [tenantId, id, status, JSON.stringify(counts), JSON.stringify(errors.slice(0, 200))],
  );
  return toRun(rows[0]!);
}

/** The tenant's most recent runs, newest first. */
export async function listRuns(db: Queryable, tenantId: string, limit = 20): Promise<SyncRun[]> {
  const { rows } = await db.query<RunRow>(
    "SELECT id, trigger, status, started_at, finished_at, counts, errors FROM sync_runs WHERE tenant_id = $1 ORDER BY started_at DESC, id LIMIT $2",
    [tenantId, limit],
  );
  return rows.map(toRun);
}

/** Stored bookings that start inside a window, with their Graph lastUpdatedDateTime. */
export async function bookingsStartingIn(db: Queryable, tenantId: string, start: Date, end: Date): Promise<Map<string, { lastUpdatedAt: Date | null; cancelled: boolean }>> {
  const { rows } = await db.query<{ id: string; last_updated_at: Date | null; cancelled_at: Date | null }>(
    "SELECT id, last_updated_at, cancelled_at FROM bookings WHERE tenant_id = $1 AND start_at >= $2 AND start_at < $3",
    [tenantId, start, end],
  );
  return new Map(rows.map((r) => [r.id, { lastUpdatedAt: r.last_updated_at, cancelled: r.cancelled_at !== null }]));
}

/** Inserts or updates a booking snapshot; a reappearing booking is no longer cancelled. */
export async function upsertBooking(db: Queryable, tenantId: string, businessId: string, currency: string, b: BookingRecord): Promise<void> {
  await db.query(
    `INSERT INTO bookings (tenant_id, id, business_id, service_id, service_name, staff_member_ids, start_at, end_at, price, price_type, currency, last_updated_at, synced_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
     ON CONFLICT (tenant_id, id) DO UPDATE SET business_id = EXCLUDED.business_id, service_id = EXCLUDED.service_id,
       service_name = EXCLUDED.service_name, staff_member_ids = EXCLUDED.staff_member_ids, start_at = EXCLUDED.start_at,
       end_at = EXCLUDED.end_at, price = EXCLUDED.price, price_type = EXCLUDED.price_type, currency = EXCLUDED.currency,
       last_updated_at = EXCLUDED.last_updated_at, cancelled_at = NULL, synced_at = now()`,
    [tenantId, b.id, businessId, b.serviceId, b.serviceName, b.staffMemberIds, b.start, b.end, b.price, b.priceType, currency, b.lastUpdatedAt],
  );
}

/** Replaces a booking's attendees, keeping existing customer links; `link` resolves new ones. */
export async function replaceAttendees(
  db: Queryable,
  tenantId: string,
  bookingId: string,
  attendees: (AttendeeRecord & { customerId: string | null })[],
): Promise<void> {
  await db.query("DELETE FROM booking_attendees WHERE tenant_id = $1 AND booking_id = $2 AND NOT (attendee_key = ANY($3::text[]))", [
    tenantId,
    bookingId,
    attendees.map((a) => a.key),
  ]);
  for (const a of attendees) {
    await db.query(
      `INSERT INTO booking_attendees (tenant_id, booking_id, attendee_key, position, bookings_customer_id, name, email, customer_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id, booking_id, attendee_key) DO UPDATE SET position = EXCLUDED.position,
         bookings_customer_id = EXCLUDED.bookings_customer_id, name = EXCLUDED.name, email = EXCLUDED.email,
         customer_id = COALESCE(booking_attendees.customer_id, EXCLUDED.customer_id)`,
      [tenantId, bookingId, a.key, a.position, a.bookingsCustomerId, a.name, a.email, a.customerId],
    );
  }
}

/** Marks bookings as cancelled (they vanished from Bookings); returns how many were newly cancelled. */
export async function markCancelled(db: Queryable, tenantId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { rowCount } = await db.query(
    "UPDATE bookings SET cancelled_at = now() WHERE tenant_id = $1 AND id = ANY($2::text[]) AND cancelled_at IS NULL",
    [tenantId, ids],
  );
  return rowCount;
}
