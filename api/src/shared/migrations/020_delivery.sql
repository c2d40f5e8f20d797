-- Sending final invoices and credit notes by e-mail (PRODUCT.md §4.9). One row per document once it has been queued
-- (kind 'document', seq 0), and one per reminder of an overdue invoice (kind 'reminder', seq 1, 2, …): final invoices
-- are immutable (migration 003), so what happens to a document after it is final lives beside it.
-- A send is claimed here (status 'sending') and each send call recorded (attempts + 1) and committed before Graph is
-- called; the message carries `message_key`, so a send whose outcome is unknown (a crash, a timeout) is looked up in
-- the sender's Sent Items before anything is sent again. A document's key changes only when a person asks to send it
-- again (generation + 1); each reminder has its own.
CREATE TABLE invoice_deliveries (
  tenant_id    text NOT NULL,
  invoice_id   uuid NOT NULL,
  kind         text NOT NULL DEFAULT 'document' CHECK (kind IN ('document', 'reminder')),
  seq          integer NOT NULL DEFAULT 0,
  status       text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  generation   integer NOT NULL DEFAULT 1,
  message_key  text NOT NULL,
  job_id       uuid,
  mailbox      text,
  to_address   text,
  attempts     integer NOT NULL DEFAULT 0,
  claimed_at   timestamptz,
  sent_at      timestamptz,
  request_id   text,
  error        jsonb,
  queued_by    text NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, invoice_id, kind, seq),
  CHECK ((kind = 'document') = (seq = 0)),
  FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE
);
-- A send job walks its documents; the list's "not sent" / "failed" filters read the status.
CREATE INDEX invoice_deliveries_job_idx ON invoice_deliveries (job_id, invoice_id) WHERE status IN ('queued', 'sending');
CREATE INDEX invoice_deliveries_status_idx ON invoice_deliveries (tenant_id, status) WHERE kind = 'document';
-- A message key names one message for ever: the lookup in Sent Items relies on it.
CREATE UNIQUE INDEX invoice_deliveries_key_uq ON invoice_deliveries (tenant_id, message_key);
