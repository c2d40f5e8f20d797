-- Each booking keeps its "open" state — attendees without an invoice line, their summed amount, their flags and the first
-- one's name for sorting — maintained by triggers on invoice_lines and booking_attendees, whatever code path writes them.
-- The uninvoiced list, its sort orders and its totals then read one table through partial indexes.
ALTER TABLE bookings ADD COLUMN attendee_count integer NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN open_count integer NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN open_amount numeric(19,4) NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN open_flags text[] NOT NULL DEFAULT '{}';
ALTER TABLE bookings ADD COLUMN open_no_customer boolean NOT NULL DEFAULT false;
ALTER TABLE bookings ADD COLUMN open_sort_name text NOT NULL DEFAULT '';

-- Driven by unnest(p_ids): each id probes bookings by primary key, its attendees by the key's prefix and lines by their
-- unique index, so the work stays linear in the number of ids whatever the statistics say. (A filter "id = ANY(p_ids)"
-- instead lets a planner that thinks bookings is small scan it and compare every row with every id.)
-- Every access here is a key lookup, so the function is pinned to index access: statistics taken while a table was
-- small or empty (a new tenant, or before the first large create) would otherwise turn a lookup into a scan per row.
CREATE FUNCTION refresh_booking_open_state(p_tenant text, p_ids text[]) RETURNS void LANGUAGE sql SET enable_seqscan = off AS $$
  UPDATE bookings b SET (attendee_count, open_count, open_amount, open_no_customer, open_sort_name, open_flags) = (
    SELECT count(*)::int,
      (count(*) FILTER (WHERE o.open))::int,
      COALESCE(sum(o.amount) FILTER (WHERE o.open), 0),
      COALESCE(bool_or(o.customer_id IS NULL) FILTER (WHERE o.open), false),
      COALESCE((array_agg(lower(o.name) ORDER BY o.position) FILTER (WHERE o.open))[1], ''),
      COALESCE(ARRAY(SELECT DISTINCT f FROM booking_attendees a2 CROSS JOIN unnest(a2.flags) AS f
                     WHERE a2.tenant_id = b.tenant_id AND a2.booking_id = b.id AND cardinality(a2.flags) > 0
                       AND NOT EXISTS (SELECT 1 FROM invoice_lines l2 WHERE l2.tenant_id = a2.tenant_id AND l2.booking_id = a2.booking_id AND l2.attendee_key = a2.attendee_key)
                     ORDER BY f), '{}')
    FROM (
      SELECT a.amount, a.customer_id, a.name, a.position,
        NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.tenant_id = a.tenant_id AND l.booking_id = a.booking_id AND l.attendee_key = a.attendee_key) AS open
      FROM booking_attendees a WHERE a.tenant_id = b.tenant_id AND a.booking_id = b.id
    ) o
  )
  FROM unnest(p_ids) AS x(id)
  WHERE b.tenant_id = p_tenant AND b.id = x.id
$$;

CREATE FUNCTION refresh_open_state_from_new() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN SELECT tenant_id, array_agg(DISTINCT booking_id) AS ids FROM changed GROUP BY tenant_id LOOP
    PERFORM refresh_booking_open_state(r.tenant_id, r.ids);
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER invoice_lines_open_ins AFTER INSERT ON invoice_lines REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_open_state_from_new();
CREATE TRIGGER invoice_lines_open_del AFTER DELETE ON invoice_lines REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_open_state_from_new();
CREATE TRIGGER booking_attendees_open_ins AFTER INSERT ON booking_attendees REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_open_state_from_new();
CREATE TRIGGER booking_attendees_open_upd AFTER UPDATE ON booking_attendees REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_open_state_from_new();
CREATE TRIGGER booking_attendees_open_del AFTER DELETE ON booking_attendees REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_open_state_from_new();

-- Bring existing rows up to date.
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT tenant_id, array_agg(id) AS ids FROM bookings GROUP BY tenant_id LOOP
    PERFORM refresh_booking_open_state(r.tenant_id, r.ids);
  END LOOP;
END $$;

-- Awaiting invoicing (but for "has ended", which moves with the clock): every sort order of the list has an index.
CREATE INDEX bookings_awaiting_date_idx ON bookings (tenant_id, start_at, id)
  INCLUDE (end_at, open_amount, currency) WHERE cancelled_at IS NULL AND price_type <> 'free' AND (open_count > 0 OR attendee_count = 0);
CREATE INDEX bookings_awaiting_amount_idx ON bookings (tenant_id, open_amount, id) WHERE cancelled_at IS NULL AND price_type <> 'free' AND (open_count > 0 OR attendee_count = 0);
CREATE INDEX bookings_awaiting_customer_idx ON bookings (tenant_id, open_sort_name, id) WHERE cancelled_at IS NULL AND price_type <> 'free' AND (open_count > 0 OR attendee_count = 0);
CREATE INDEX bookings_awaiting_service_idx ON bookings (tenant_id, lower(service_name), id) WHERE cancelled_at IS NULL AND price_type <> 'free' AND (open_count > 0 OR attendee_count = 0);
