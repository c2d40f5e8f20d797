-- Credit notes (PRODUCT.md §4.7): a final invoice is corrected by a final credit note of its own gapless series
-- (CN-2026-00001) whose lines point at the lines they credit. "One invoice line per (booking, attendee), ever" becomes
-- "one line that bills it": a credit note's lines bill nothing, and a line credited with rebill is released, so its
-- attendee awaits invoicing again. The database keeps that rule (a partial unique index) and the open state follows
-- a release (a trigger), whatever code path writes them. Documents store their tax breakdown from now on: a credit
-- note's tax is capped by what is left to credit, so it cannot always be computed again from its lines.
ALTER TABLE invoices ADD COLUMN kind text NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'creditNote'));
ALTER TABLE invoices ADD COLUMN credited_invoice_id uuid;
ALTER TABLE invoices ADD COLUMN credit_reason text;
ALTER TABLE invoices ADD COLUMN tax_breakdown jsonb;
ALTER TABLE invoices ADD CONSTRAINT invoices_credited_fk FOREIGN KEY (tenant_id, credited_invoice_id) REFERENCES invoices (tenant_id, id);
ALTER TABLE invoices ADD CONSTRAINT invoices_credit_note_ck CHECK (
  (kind = 'invoice' AND credited_invoice_id IS NULL AND credit_reason IS NULL)
  OR (kind = 'creditNote' AND credited_invoice_id IS NOT NULL AND credit_reason IS NOT NULL AND status = 'final')
);
CREATE INDEX invoices_credited_idx ON invoices (tenant_id, credited_invoice_id) WHERE credited_invoice_id IS NOT NULL;

CREATE TABLE credit_note_number_series (
  tenant_id   text NOT NULL,
  year        integer NOT NULL,
  last_number integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, year)
);

ALTER TABLE invoice_lines ADD COLUMN credited_line_id uuid;
-- Tenant-scoped like every foreign key since migration 009: a credit line credits a line of its own tenant.
ALTER TABLE invoice_lines ADD CONSTRAINT invoice_lines_tenant_id_uq UNIQUE (tenant_id, id);
ALTER TABLE invoice_lines ADD CONSTRAINT invoice_lines_credited_line_fk FOREIGN KEY (tenant_id, credited_line_id) REFERENCES invoice_lines (tenant_id, id);
ALTER TABLE invoice_lines ADD COLUMN released boolean NOT NULL DEFAULT false;
ALTER TABLE invoice_lines ADD COLUMN bills boolean NOT NULL GENERATED ALWAYS AS (credited_line_id IS NULL AND NOT released) STORED;
ALTER TABLE invoice_lines DROP CONSTRAINT invoice_lines_booking_attendee_uq;
CREATE UNIQUE INDEX invoice_lines_booking_attendee_uq ON invoice_lines (tenant_id, booking_id, attendee_key) WHERE bills;
CREATE INDEX invoice_lines_credited_idx ON invoice_lines (credited_line_id) WHERE credited_line_id IS NOT NULL;

-- A final invoice's lines stay immutable, but for the release a credit note with rebill makes: released, false → true.
CREATE OR REPLACE FUNCTION refuse_final_invoice_line_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM invoices i WHERE i.id = OLD.invoice_id AND i.status = 'final') THEN
    IF TG_OP = 'UPDATE' AND NOT OLD.released AND NEW.released
       AND (to_jsonb(NEW) - 'released' - 'bills') = (to_jsonb(OLD) - 'released' - 'bills') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'invoice % is final and cannot change', OLD.invoice_id USING ERRCODE = 'P0001', HINT = 'final_invoice';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

-- The open state (migrations 004, 011) counts only lines that bill their attendee.
CREATE OR REPLACE FUNCTION refresh_booking_open_state(p_tenant text, p_ids text[]) RETURNS void LANGUAGE sql SET enable_seqscan = off AS $$
  UPDATE bookings b SET (attendee_count, open_count, open_amount, open_no_customer, open_sort_name, open_flags) = (
    SELECT count(*)::int,
      (count(*) FILTER (WHERE o.open))::int,
      COALESCE(sum(o.amount) FILTER (WHERE o.open), 0),
      COALESCE(bool_or(o.customer_id IS NULL) FILTER (WHERE o.open), false),
      COALESCE((array_agg(lower(o.name) ORDER BY o.position) FILTER (WHERE o.open))[1], ''),
      COALESCE(ARRAY(SELECT DISTINCT f FROM booking_attendees a2 CROSS JOIN unnest(a2.flags) AS f
                     WHERE a2.tenant_id = b.tenant_id AND a2.booking_id = b.id AND cardinality(a2.flags) > 0
                       AND NOT EXISTS (SELECT 1 FROM invoice_lines l2 WHERE l2.tenant_id = a2.tenant_id AND l2.booking_id = a2.booking_id AND l2.attendee_key = a2.attendee_key AND l2.bills)
                     ORDER BY f), '{}')
    FROM (
      SELECT a.amount, a.customer_id, a.name, a.position,
        NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.tenant_id = a.tenant_id AND l.booking_id = a.booking_id AND l.attendee_key = a.attendee_key AND l.bills) AS open
      FROM booking_attendees a WHERE a.tenant_id = b.tenant_id AND a.booking_id = b.id
      OFFSET 0
    ) o
  )
  FROM unnest(p_ids) AS x(id)
  WHERE b.tenant_id = p_tenant AND b.id = x.id
$$;

-- A release (or a draft's line edit) refreshes its bookings, as inserts and deletes do (migration 004).
CREATE TRIGGER invoice_lines_open_upd AFTER UPDATE ON invoice_lines REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_open_state_from_new();
