-- "Awaiting invoicing" (but for "has ended", which moves with the clock) is defined here once, as a stored column: the
-- list, its totals, the notifications, the partial indexes and the per-day log read it instead of spelling it out each.
-- Adding the column rewrites bookings but fires no trigger, so the per-day log is left as it was; it already holds
-- exactly the rows this predicate selects (migrations 006 and 007 wrote it with the same words).
ALTER TABLE bookings ADD COLUMN awaiting boolean NOT NULL
  GENERATED ALWAYS AS (cancelled_at IS NULL AND price_type <> 'free' AND (open_count > 0 OR attendee_count = 0)) STORED;

-- Migration 004's indexes, one per sort order of the list, under the same names with the column as their predicate.
DROP INDEX bookings_awaiting_date_idx;
DROP INDEX bookings_awaiting_amount_idx;
DROP INDEX bookings_awaiting_customer_idx;
DROP INDEX bookings_awaiting_service_idx;
CREATE INDEX bookings_awaiting_date_idx ON bookings (tenant_id, start_at, id) INCLUDE (end_at, open_amount, currency) WHERE awaiting;
CREATE INDEX bookings_awaiting_amount_idx ON bookings (tenant_id, open_amount, id) WHERE awaiting;
CREATE INDEX bookings_awaiting_customer_idx ON bookings (tenant_id, open_sort_name, id) WHERE awaiting;
CREATE INDEX bookings_awaiting_service_idx ON bookings (tenant_id, lower(service_name), id) WHERE awaiting;

-- Migration 007's per-day log, unchanged but for the predicate: a stored generated column is computed before the row is
-- written, so the statement's transition tables carry it for the old rows and the new ones alike.
CREATE OR REPLACE FUNCTION awaiting_day_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO awaiting_day_deltas (tenant_id, day, currency, bookings, amount, last_end)
    SELECT tenant_id, (start_at AT TIME ZONE 'UTC')::date, currency, count(*), sum(open_amount), max(end_at)
    FROM new_rows WHERE awaiting
    GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO awaiting_day_deltas (tenant_id, day, currency, bookings, amount, last_end)
    SELECT tenant_id, (start_at AT TIME ZONE 'UTC')::date, currency, -count(*), -sum(open_amount), NULL
    FROM old_rows WHERE awaiting
    GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO awaiting_day_deltas (tenant_id, day, currency, bookings, amount, last_end)
    SELECT tenant_id, day, currency, sum(sign), sum(sign * open_amount), max(end_at) FILTER (WHERE sign > 0)
    FROM (
      SELECT tenant_id, (start_at AT TIME ZONE 'UTC')::date AS day, currency, -1 AS sign, open_amount, end_at
      FROM old_rows WHERE awaiting
      UNION ALL
      SELECT tenant_id, (start_at AT TIME ZONE 'UTC')::date, currency, 1, open_amount, end_at
      FROM new_rows WHERE awaiting
    ) d
    GROUP BY 1, 2, 3
    HAVING sum(sign) <> 0 OR sum(sign * open_amount) <> 0
      OR max(end_at) FILTER (WHERE sign > 0) > COALESCE(max(end_at) FILTER (WHERE sign < 0), '-infinity');
  END IF;
  RETURN NULL;
END $$;
