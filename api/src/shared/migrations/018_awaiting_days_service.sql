-- The list's totals estimate the VAT of what awaits invoicing, and VAT belongs to the service item (PRODUCT.md §4.3,
-- migration 014): the per-day log of migration 006 now keeps its counts and amounts per service too, so a day read from
-- the log can be taxed at its services' items (looked up when read, so an item's new rate applies at once, as it
-- re-prices the lines not yet invoiced). A booking moved to another service leaves one service's row for the other's.
-- Writers of bookings wait until this commits: one that started its trigger before the new one is in place would log
-- its delta without a service.
LOCK TABLE bookings IN SHARE MODE;
ALTER TABLE awaiting_day_deltas ADD COLUMN service_id text;

-- Migration 012's version, unchanged but for the service among the groups.
CREATE OR REPLACE FUNCTION awaiting_day_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO awaiting_day_deltas (tenant_id, day, currency, service_id, bookings, amount, last_end)
    SELECT tenant_id, (start_at AT TIME ZONE 'UTC')::date, currency, service_id, count(*), sum(open_amount), max(end_at)
    FROM new_rows WHERE awaiting
    GROUP BY 1, 2, 3, 4;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO awaiting_day_deltas (tenant_id, day, currency, service_id, bookings, amount, last_end)
    SELECT tenant_id, (start_at AT TIME ZONE 'UTC')::date, currency, service_id, -count(*), -sum(open_amount), NULL
    FROM old_rows WHERE awaiting
    GROUP BY 1, 2, 3, 4;
  ELSE
    INSERT INTO awaiting_day_deltas (tenant_id, day, currency, service_id, bookings, amount, last_end)
    SELECT tenant_id, day, currency, service_id, sum(sign), sum(sign * open_amount), max(end_at) FILTER (WHERE sign > 0)
    FROM (
      SELECT tenant_id, (start_at AT TIME ZONE 'UTC')::date AS day, currency, service_id, -1 AS sign, open_amount, end_at
      FROM old_rows WHERE awaiting
      UNION ALL
      SELECT tenant_id, (start_at AT TIME ZONE 'UTC')::date, currency, service_id, 1, open_amount, end_at
      FROM new_rows WHERE awaiting
    ) d
    GROUP BY 1, 2, 3, 4
    HAVING sum(sign) <> 0 OR sum(sign * open_amount) <> 0
      OR max(end_at) FILTER (WHERE sign > 0) > COALESCE(max(end_at) FILTER (WHERE sign < 0), '-infinity');
  END IF;
  RETURN NULL;
END $$;

-- Migration 006's fold, into a row per day, currency and service.
CREATE OR REPLACE FUNCTION compact_awaiting_days(p_tenant text) RETURNS void LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM awaiting_day_deltas WHERE tenant_id = p_tenant RETURNING *)
  INSERT INTO awaiting_day_deltas (tenant_id, day, currency, service_id, bookings, amount, last_end)
  SELECT tenant_id, day, currency, service_id, sum(bookings), sum(amount), max(last_end) FROM gone GROUP BY 1, 2, 3, 4
  HAVING sum(bookings) <> 0 OR sum(amount) <> 0
$$;

-- The rows logged so far have no service: the log is written anew from the bookings, as migration 006 first wrote it.
DELETE FROM awaiting_day_deltas;
INSERT INTO awaiting_day_deltas (tenant_id, day, currency, service_id, bookings, amount, last_end)
SELECT tenant_id, (start_at AT TIME ZONE 'UTC')::date, currency, service_id, count(*), sum(open_amount), max(end_at)
FROM bookings WHERE awaiting
GROUP BY 1, 2, 3, 4;
