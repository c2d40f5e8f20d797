-- Totals of the uninvoiced list without reading every awaiting booking: per tenant, per UTC start day and currency,
-- how many bookings await invoicing (migration 004's predicate, but for the clock) and their open amount.
-- Kept as an insert-only log of deltas written by statement triggers on bookings: writers never update a shared row,
-- so concurrent creates and syncs neither wait for nor deadlock on each other. compact_awaiting_days folds a tenant's
-- log into one row per day; the log's sum is the same before and after, whatever runs concurrently.
-- last_end is an upper bound of the end of the day's awaiting bookings: a day whose bound has passed is wholly "ended".
CREATE TABLE awaiting_day_deltas (
  tenant_id text NOT NULL,
  day date NOT NULL,
  currency text NOT NULL,
  bookings integer NOT NULL,
  amount numeric(19,4) NOT NULL,
  last_end timestamptz
);
CREATE INDEX awaiting_day_deltas_idx ON awaiting_day_deltas (tenant_id, day);

CREATE FUNCTION awaiting_day_log() RETURNS trigger LANGUAGE plpgsql AS $$
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
    -- Only rows whose membership, day, currency, amount or end changed: an unchanged re-sync writes nothing.
    INSERT INTO awaiting_day_deltas (tenant_id, day, currency, bookings, amount, last_end)
    SELECT tenant_id, day, currency, sum(sign), sum(sign * open_amount), max(end_at) FILTER (WHERE sign > 0)
    FROM (
      SELECT o.tenant_id, (o.start_at AT TIME ZONE 'UTC')::date AS day, o.currency, -1 AS sign, o.open_amount, NULL::timestamptz AS end_at
      FROM old_rows o JOIN new_rows n ON n.tenant_id = o.tenant_id AND n.id = o.id
      WHERE o.cancelled_at IS NULL AND o.price_type <> 'free' AND (o.open_count > 0 OR o.attendee_count = 0)
        AND (o.start_at, o.end_at, o.currency, o.open_amount, o.open_count, o.attendee_count, o.cancelled_at, o.price_type)
            IS DISTINCT FROM (n.start_at, n.end_at, n.currency, n.open_amount, n.open_count, n.attendee_count, n.cancelled_at, n.price_type)
      UNION ALL
      SELECT n.tenant_id, (n.start_at AT TIME ZONE 'UTC')::date, n.currency, 1, n.open_amount, n.end_at
      FROM old_rows o JOIN new_rows n ON n.tenant_id = o.tenant_id AND n.id = o.id
      WHERE n.cancelled_at IS NULL AND n.price_type <> 'free' AND (n.open_count > 0 OR n.attendee_count = 0)
        AND (o.start_at, o.end_at, o.currency, o.open_amount, o.open_count, o.attendee_count, o.cancelled_at, o.price_type)
            IS DISTINCT FROM (n.start_at, n.end_at, n.currency, n.open_amount, n.open_count, n.attendee_count, n.cancelled_at, n.price_type)
    ) d
    GROUP BY 1, 2, 3;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER bookings_awaiting_ins AFTER INSERT ON bookings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION awaiting_day_log();
CREATE TRIGGER bookings_awaiting_upd AFTER UPDATE ON bookings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION awaiting_day_log();
CREATE TRIGGER bookings_awaiting_del AFTER DELETE ON bookings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION awaiting_day_log();

-- Folds one tenant's log into a row per day and currency. Only rows this statement deletes are summed back, so deltas
-- committed meanwhile (or folded by a concurrent call) are neither lost nor counted twice.
CREATE FUNCTION compact_awaiting_days(p_tenant text) RETURNS void LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM awaiting_day_deltas WHERE tenant_id = p_tenant RETURNING *)
  INSERT INTO awaiting_day_deltas (tenant_id, day, currency, bookings, amount, last_end)
  SELECT tenant_id, day, currency, sum(bookings), sum(amount), max(last_end) FROM gone GROUP BY 1, 2, 3
  HAVING sum(bookings) <> 0 OR sum(amount) <> 0
$$;

INSERT INTO awaiting_day_deltas (tenant_id, day, currency, bookings, amount, last_end)
SELECT tenant_id, (start_at AT TIME ZONE 'UTC')::date, currency, count(*), sum(open_amount), max(end_at)
FROM bookings WHERE cancelled_at IS NULL AND price_type <> 'free' AND (open_count > 0 OR attendee_count = 0)
GROUP BY 1, 2, 3;
