-- Tenant isolation in the database, not only in the code: every reference between tenant-owned rows carries the
-- tenant, so a row can only ever point at a row of its own tenant, whatever code path (or hand-written SQL) writes it.
-- The single-column foreign keys of migration 001 are replaced by composite ones on (tenant_id, id), which need a
-- unique (tenant_id, id) on the referenced tables; ON DELETE behaviour stays as it was. Also new:
--   invoice_lines → bookings: a line always bills a booking of its tenant; bookings are never deleted (a vanished
--     appointment is marked cancelled), and a booking on an invoice must not be (NO ACTION, as for customers).
--   notification_announced → bookings: an announcement is about a booking of its tenant, and goes with it.
-- invoice_lines does not reference booking_attendees: a sync may drop an attendee whose line must stay on its invoice.

-- Stored rows that already cross tenants would make ADD CONSTRAINT fail with a bare key; say what is wrong instead.
-- The whole migration runs in one transaction, so a refusal leaves the store exactly as it was.
DO $$
DECLARE
  n bigint;
BEGIN
  SELECT count(*) INTO n FROM invoice_lines l WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.tenant_id = l.tenant_id AND i.id = l.invoice_id);
  IF n > 0 THEN RAISE EXCEPTION 'migration 009: % invoice line(s) point at an invoice of another tenant; correct them, then start again', n; END IF;
  SELECT count(*) INTO n FROM invoice_lines l WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.tenant_id = l.tenant_id AND b.id = l.booking_id);
  IF n > 0 THEN RAISE EXCEPTION 'migration 009: % invoice line(s) bill a booking their tenant does not have; correct them, then start again', n; END IF;
  SELECT count(*) INTO n FROM invoices i WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.tenant_id = i.tenant_id AND c.id = i.customer_id);
  IF n > 0 THEN RAISE EXCEPTION 'migration 009: % invoice(s) belong to a customer of another tenant; correct them, then start again', n; END IF;
  SELECT count(*) INTO n FROM booking_attendees a
    WHERE a.customer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.tenant_id = a.tenant_id AND c.id = a.customer_id);
  IF n > 0 THEN RAISE EXCEPTION 'migration 009: % attendee(s) are linked to a customer of another tenant; correct them, then start again', n; END IF;
END $$;

-- An announcement of a booking its tenant does not have announces nothing: drop it rather than refuse to migrate.
DELETE FROM notification_announced n WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.tenant_id = n.tenant_id AND b.id = n.booking_id);

ALTER TABLE customers ADD CONSTRAINT customers_tenant_id_uq UNIQUE (tenant_id, id);
ALTER TABLE invoices ADD CONSTRAINT invoices_tenant_id_uq UNIQUE (tenant_id, id);

ALTER TABLE invoice_lines
  DROP CONSTRAINT invoice_lines_invoice_id_fkey,
  ADD CONSTRAINT invoice_lines_invoice_fk FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE,
  -- Served by the unique index on (tenant_id, booking_id, attendee_key).
  ADD CONSTRAINT invoice_lines_booking_fk FOREIGN KEY (tenant_id, booking_id) REFERENCES bookings (tenant_id, id);

ALTER TABLE invoices
  DROP CONSTRAINT invoices_customer_id_fkey,
  ADD CONSTRAINT invoices_customer_fk FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id);
-- The key's lookups (and GET /api/invoices?customerId=) read invoices by tenant and customer.
CREATE INDEX invoices_customer_idx ON invoices (tenant_id, customer_id);

-- An attendee without a customer (customer_id NULL) is not checked (MATCH SIMPLE), as before.
ALTER TABLE booking_attendees
  DROP CONSTRAINT booking_attendees_customer_id_fkey,
  ADD CONSTRAINT booking_attendees_customer_fk FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id);

ALTER TABLE notification_announced
  ADD CONSTRAINT notification_announced_booking_fk FOREIGN KEY (tenant_id, booking_id) REFERENCES bookings (tenant_id, id) ON DELETE CASCADE;
