-- Bulk invoicing: each attendee carries its priced line (computed by the pricing module at sync time, so lists and
-- totals only sum), a per-tenant gapless invoice number series, and idempotency keys for create requests.
ALTER TABLE booking_attendees ADD COLUMN quantity numeric(19,4) NOT NULL DEFAULT 0;
ALTER TABLE booking_attendees ADD COLUMN unit_price numeric(19,4) NOT NULL DEFAULT 0;
ALTER TABLE booking_attendees ADD COLUMN amount numeric(19,4) NOT NULL DEFAULT 0;
ALTER TABLE booking_attendees ADD COLUMN flags text[] NOT NULL DEFAULT '{}';

CREATE INDEX bookings_completed_idx ON bookings (tenant_id, end_at) WHERE cancelled_at IS NULL;
CREATE INDEX booking_attendees_customer_idx ON booking_attendees (tenant_id, customer_id);

-- One row per tenant and year; finalizing takes the row lock, so numbers are gapless and never reused.
CREATE TABLE invoice_number_series (
  tenant_id   text NOT NULL,
  year        integer NOT NULL,
  last_number integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, year)
);

CREATE TABLE idempotency_keys (
  tenant_id    text NOT NULL,
  key          text NOT NULL,
  request_hash text NOT NULL,
  status       integer NOT NULL,
  response     jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);

ALTER TABLE invoices ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- A final invoice is immutable: the database refuses changes to it and to its lines, whatever the code does.
CREATE FUNCTION refuse_final_invoice_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'final' THEN
    RAISE EXCEPTION 'invoice % is final and cannot change', OLD.id USING ERRCODE = 'P0001', HINT = 'final_invoice';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
CREATE FUNCTION refuse_final_invoice_line_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM invoices i WHERE i.id = OLD.invoice_id AND i.status = 'final') THEN
    RAISE EXCEPTION 'invoice % is final and cannot change', OLD.invoice_id USING ERRCODE = 'P0001', HINT = 'final_invoice';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER invoices_final_immutable BEFORE UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION refuse_final_invoice_change();
CREATE TRIGGER invoice_lines_final_immutable BEFORE UPDATE OR DELETE ON invoice_lines FOR EACH ROW EXECUTE FUNCTION refuse_final_invoice_line_change();
