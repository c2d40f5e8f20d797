// SQL for sync runs and the stored booking snapshots; writes are batched per window as one JSON parameter.
import type { Db, Queryable } from "../../shared/db";
import type { AttendeeRecord, BookingRecord } from "./mapping";
import type { SyncCounts, SyncErrorEntry, SyncProgress, SyncRun, SyncSkippedEntry } from "./sync.types";
import { ABANDONED_MESSAGE, withErrorCode, withReasonCode } from "./syncProblems";

type RunRow = {
  id: string;
  trigger: SyncRun["trigger"];
  status: SyncRun["status"];
  started_at: Date;
  finished_at: Date | null;
  counts: SyncCounts;
  errors: Parameters<typeof withErrorCode>[0][];
  skipped: Parameters<typeof withReasonCode>[0][];
  progress: Partial<SyncProgress>;
};
const RUN_COLUMNS = "id, trigger, status, started_at, finished_at, counts, errors, skipped, progress";
const MAX_LISTED = 200; // errors and skipped entries kept per run; counts always hold the full numbers

const toRun = (r: RunRow): SyncRun => ({
  id: r.id,
  trigger: r.trigger,
  status: r.status,
  startedAt: r.started_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
  counts: r.counts,
  errors: r.errors.map(withErrorCode),
  skipped: r.skipped.map(withReasonCode),
  progress: { phase: "starting", windowsDone: 0, windowsTotal: 0, ...r.progress },
});

/** Opens a run in status running. */
export async function createRun(db: Queryable, tenantId: string, trigger: SyncRun["trigger"]): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO sync_runs (tenant_id, trigger, status, progress) VALUES ($1, $2, 'running', '{"phase":"starting","windowsDone":0,"windowsTotal":0}') RETURNING id`,
    [tenantId, trigger],
  );
  return rows[0]!.id;
}

/** Publishes a running run's counts and progress so the setup page can show them. */
export async function updateRunProgress(db: Queryable, tenantId: string, id: string, counts: SyncCounts, progress: SyncProgress): Promise<void> {
  await db.query("UPDATE sync_runs SET counts = $3, progress = $4 WHERE tenant_id = $1 AND id = $2", [tenantId, id, JSON.stringify(counts), JSON.stringify(progress)]);
}

/** Closes a run with its outcome and returns it. */
export async function finishRun(
  db: Queryable,
  tenantId: string,
  id: string,
  outcome: { status: SyncRun["status"]; counts: SyncCounts; errors: SyncErrorEntry[]; skipped: SyncSkippedEntry[]; progress: SyncProgress },
): Promise<SyncRun> {
  const { rows } = await db.query<RunRow>(
    `UPDATE sync_runs SET status = $3, counts = $4, errors = $5, skipped = $6, progress = $7, finished_at = now()
     WHERE tenant_id = $1 AND id = $2 RETURNING ${RUN_COLUMNS}`,
    [
      tenantId,
      id,
      outcome.status,
      JSON.stringify(outcome.counts),
      JSON.stringify(outcome.errors.slice(0, MAX_LISTED)),
      JSON.stringify(outcome.skipped.slice(0, MAX_LISTED)),
      JSON.stringify(outcome.progress),
    ],
  );
  return toRun(rows[0]!);
}

/** Marks runs left "running" by a process that died as failed; call only while holding the tenant's sync lock. */
export async function abandonRunningRuns(db: Queryable, tenantId: string): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE sync_runs SET status = 'failed', finished_at = now(),
       errors = errors || jsonb_build_array(jsonb_build_object('kind', 'run', 'code', 'abandoned', 'message', $2::text))
     WHERE tenant_id = $1 AND status = 'running'`,
    [tenantId, ABANDONED_MESSAGE],
  );
  return rowCount;
}

/** The tenant's most recent runs, newest first. */
export async function listRuns(db: Queryable, tenantId: string, limit = 20): Promise<SyncRun[]> {
  const { rows } = await db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM sync_runs WHERE tenant_id = $1 ORDER BY started_at DESC, id LIMIT $2`, [tenantId, limit]);
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

/** Inserts or updates booking snapshots in one statement; a reappearing booking is no longer cancelled. */
export async function upsertBookings(db: Queryable, tenantId: string, businessId: string, currency: string, bookings: BookingRecord[]): Promise<void> {
  if (bookings.length === 0) return;
  const rows = bookings.map((b) => ({
    id: b.id,
    service_id: b.serviceId,
    service_name: b.serviceName,
    staff_member_ids: b.staffMemberIds,
    start_at: b.start.toISOString(),
    end_at: b.end.toISOString(),
    price: b.price,
    price_type: b.priceType,
    last_updated_at: b.lastUpdatedAt?.toISOString() ?? null,
  }));
  await db.query(
    `INSERT INTO bookings (tenant_id, id, business_id, service_id, service_name, staff_member_ids, start_at, end_at, price, price_type, currency, last_updated_at, synced_at)
     SELECT $1, x.id, $2, x.service_id, x.service_name, x.staff_member_ids, x.start_at, x.end_at, x.price, x.price_type, $3, x.last_updated_at, now()
     FROM jsonb_to_recordset($4::jsonb) AS x(id text, service_id text, service_name text, staff_member_ids text[], start_at timestamptz,
          end_at timestamptz, price numeric, price_type text, last_updated_at timestamptz)
     ON CONFLICT (tenant_id, id) DO UPDATE SET business_id = EXCLUDED.business_id, service_id = EXCLUDED.service_id,
       service_name = EXCLUDED.service_name, staff_member_ids = EXCLUDED.staff_member_ids, start_at = EXCLUDED.start_at,
       end_at = EXCLUDED.end_at, price = EXCLUDED.price, price_type = EXCLUDED.price_type, currency = EXCLUDED.currency,
       last_updated_at = EXCLUDED.last_updated_at, cancelled_at = NULL, synced_at = now()`,
    [tenantId, businessId, currency, JSON.stringify(rows)],
  );
}

/** An attendee to store, with the customer it was linked to (null: not linkable yet) and its priced line. */
export type PricedAttendee = AttendeeRecord & { bookingId: string; customerId: string | null; quantity: string; unitPrice: string; amount: string; flags: string[] };

/** Replaces the attendees of the given bookings with their priced lines; a link made earlier (e.g. by hand) is kept. */
export async function replaceAttendees(db: Queryable, tenantId: string, bookingIds: string[], attendees: PricedAttendee[]): Promise<void> {
  if (bookingIds.length === 0) return;
  const rows = JSON.stringify(
    attendees.map((a) => ({
      booking_id: a.bookingId,
      attendee_key: a.key,
      position: a.position,
      bookings_customer_id: a.bookingsCustomerId,
      name: a.name,
      email: a.email,
      phone: a.phone,
      customer_id: a.customerId,
      quantity: a.quantity,
      unit_price: a.unitPrice,
      amount: a.amount,
      flags: a.flags,
    })),
  );
  const recordset = `jsonb_to_recordset($3::jsonb) AS x(booking_id text, attendee_key text, position int, bookings_customer_id text, name text, email text, phone text,
    customer_id uuid, quantity numeric, unit_price numeric, amount numeric, flags text[])`;
  await db.query(
    `DELETE FROM booking_attendees a WHERE a.tenant_id = $1 AND a.booking_id IN (SELECT unnest($2::text[]))
       AND NOT EXISTS (SELECT 1 FROM ${recordset} WHERE x.booking_id = a.booking_id AND x.attendee_key = a.attendee_key)`,
    [tenantId, bookingIds, rows],
  );
  await db.query(
    `INSERT INTO booking_attendees (tenant_id, booking_id, attendee_key, position, bookings_customer_id, name, email, phone, customer_id, quantity, unit_price, amount, flags)
     SELECT $1, x.booking_id, x.attendee_key, x.position, x.bookings_customer_id, x.name, x.email, x.phone, x.customer_id, x.quantity, x.unit_price, x.amount, x.flags
     FROM ${recordset} WHERE x.booking_id IN (SELECT unnest($2::text[]))
     ON CONFLICT (tenant_id, booking_id, attendee_key) DO UPDATE SET position = EXCLUDED.position,
       bookings_customer_id = EXCLUDED.bookings_customer_id, name = EXCLUDED.name, email = EXCLUDED.email, phone = EXCLUDED.phone,
       customer_id = COALESCE(booking_attendees.customer_id, EXCLUDED.customer_id),
       quantity = EXCLUDED.quantity, unit_price = EXCLUDED.unit_price, amount = EXCLUDED.amount, flags = EXCLUDED.flags`,
    [tenantId, bookingIds, rows],
  );
}

/** Marks bookings as cancelled (they vanished from Bookings); returns how many were newly cancelled. */
export async function markCancelled(db: Queryable, tenantId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { rowCount } = await db.query("UPDATE bookings SET cancelled_at = now() WHERE tenant_id = $1 AND id IN (SELECT unnest($2::text[])) AND cancelled_at IS NULL", [tenantId, ids]);
  return rowCount;
}

/** PGlite has no autovacuum: refreshes the planner's statistics after a sync changed many rows, as autovacuum would. */
export async function refreshStatistics(db: Db): Promise<void> {
  if (db.kind === "pglite") await db.exec("ANALYZE bookings, booking_attendees, invoice_lines, customers");
}

// Due: background sync on, and no run started within the tenant's interval (a failed run waits its turn too).
// Stored values are read as storedSetup.ts reads them, never cast blindly: one tenant's "abc" or 2.5 must not fail
// this query for every tenant. Off only when stored as false (or "false"); the interval rounded into its bounds.
const DUE_SQL = `
  SELECT s.tenant_id FROM tenant_setup s
  WHERE COALESCE(s.settings->'backgroundSync' NOT IN ('false'::jsonb, '"false"'::jsonb), true)
    AND NOT EXISTS (
      SELECT 1 FROM sync_runs r
      WHERE r.tenant_id = s.tenant_id
        AND r.started_at > $1::timestamptz - make_interval(mins => CASE
          WHEN s.settings->>'syncIntervalMinutes' ~ '^-?[0-9]+(\\.[0-9]+)?$'
            THEN LEAST(GREATEST(round((s.settings->>'syncIntervalMinutes')::numeric), $3::int), $4::int)::int
          ELSE $5::int END))
    AND ($2::text IS NULL OR s.tenant_id = $2)
  ORDER BY s.tenant_id`;

/** Tenants whose background sync is due at `now`, or just `tenantId` if it is due; intervals rounded into `bounds`. */
export async function findDueTenantIds(db: Queryable, now: Date, tenantId: string | null, bounds: { min: number; max: number; fallback: number }): Promise<string[]> {
  const { rows } = await db.query<{ tenant_id: string }>(DUE_SQL, [now, tenantId, bounds.min, bounds.max, bounds.fallback]);
  return rows.map((r) => r.tenant_id);
}
