-- Payments (PRODUCT.md §4.9): what customers paid of a final invoice, recorded by hand and undone by deleting the row.
-- A final invoice stays immutable (migration 003): its payments live beside it, and what is left to pay is computed
-- when read — total − what its credit notes credit − what was paid. The invoice row is locked while a payment is
-- recorded, so concurrent payments queue and together never exceed what is left.
CREATE TABLE invoice_payments (
  tenant_id        text NOT NULL,
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id       uuid NOT NULL,
  amount           numeric(19,4) NOT NULL CHECK (amount > 0),
  paid_on          date NOT NULL,
  method           text NOT NULL CHECK (method IN ('bankTransfer', 'card', 'cash', 'other')),
  recorded_at      timestamptz NOT NULL,
  -- Who recorded it: the token's user id (oid), and the name it carried, if any.
  recorded_by      text NOT NULL,
  recorded_by_name text,
  -- The order they were recorded in: payments of one request's instant (or one clock tick) still list in that order.
  seq              bigint GENERATED ALWAYS AS IDENTITY,
  -- Tenant-scoped like every reference since migration 009. No cascade: a final invoice is never deleted, and a
  -- payment must not vanish with whatever does delete its invoice.
  CONSTRAINT invoice_payments_invoice_fk FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id)
);
-- Each invoice's payments and their sum (read for every invoice shown, listed or totalled), from the index alone.
CREATE INDEX invoice_payments_invoice_idx ON invoice_payments (tenant_id, invoice_id) INCLUDE (amount);
-- The invoices that can be paid, by due date: the list's paymentStatus filter and the Overview's outstanding and overdue.
CREATE INDEX invoices_payable_due_idx ON invoices (tenant_id, due_date) WHERE status = 'final' AND kind = 'invoice';

-- Only a final invoice is paid (not a draft, not a credit note), whatever code path writes the row.
CREATE FUNCTION refuse_payment_of_unpayable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM invoices i WHERE i.tenant_id = NEW.tenant_id AND i.id = NEW.invoice_id AND i.status = 'final' AND i.kind = 'invoice') THEN
    RAISE EXCEPTION 'invoice % is not a final invoice and cannot be paid', NEW.invoice_id USING ERRCODE = 'P0001', HINT = 'not_payable';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER invoice_payments_payable BEFORE INSERT OR UPDATE ON invoice_payments FOR EACH ROW EXECUTE FUNCTION refuse_payment_of_unpayable();
