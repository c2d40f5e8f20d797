-- The per-day log's UPDATE branch (migration 006) joined the statement's old and new rows. Transition tables carry no
-- statistics, so the join ran as a nested loop: an UPDATE of n bookings cost n² comparisons (3,000 rows took 4.6 s
-- on PGlite), and a sync window that refreshed its bookings' open state grew quadratically with the window.
-- Now the old rows count -1 and the new rows +1 per (tenant, day, currency) with no join at all: a booking that did not
-- change cancels out, so an unchanged re-sync still writes nothing. A day's row is written when its count or amount
-- changed, or when one of its awaiting bookings now ends later than any did before (last_end stays an upper bound:
-- when the new rows end no later than the old ones, the bound recorded for the old ones covers them).
CREATE OR REPLACE FUNCTION awaiting_day_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO awaiting_day_deltas (tenant_id, day, currency, bookings, amount, last_end)
    SELECT tenant_id, (start_at AT TIME ZONE 'UTC')::date, currency, count(*), sum(open_amount), max(end_at)
    FROM new_rows WHERE cancelled_at IS NULL AND price_type <> 'free' AND (open_count > 0 OR attendee_count = 0)
    GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO awaiting_day_deltas (tenant_id, day, currency, bookings, amount, last_end)
    SELECT tenant_id, (start_at AT TIME ZONE 'UTC')::date, currency, -count(*), -sum(open_amount), NULL
    FROM old_rows WHERE cancelled_at IS NULL AND price_type <> 'free' AND (open_count > 0 OR attendee_count = 0)
    GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO awaiting_day_deltas (tenant_id, day, currency, bookings, amount, last_end)
    SELECT tenant_id, day, currency, sum(sign), sum(sign * open_amount), max(end_at) FILTER (WHERE sign > 0)
    FROM (
      SELECT tenant_id, (start_at AT TIME ZONE 'UTC')::date AS day, currency, -1 AS sign, open_amount, end_at
      FROM old_rows WHERE cancelled_at IS NULL AND price_type <> 'free' AND (open_count > 0 OR attendee_count = 0)
      UNION ALL
      SELECT tenant_id, (start_at AT TIME ZONE 'UTC')::date, currency, 1, open_amount, end_at
      FROM new_rows WHERE cancelled_at IS NULL AND price_type <> 'free' AND (open_count > 0 OR attendee_count = 0)
    ) d
    GROUP BY 1, 2, 3
    HAVING sum(sign) <> 0 OR sum(sign * open_amount) <> 0
      OR max(end_at) FILTER (WHERE sign > 0) > COALESCE(max(end_at) FILTER (WHERE sign < 0), '-infinity');
  END IF;
  RETURN NULL;
END $$;
