-- Notifications are recorded before they are posted: a delivery is claimed ('sending', with the bookings it announces)
-- in a committed transaction, then posted, then marked with what the post came to. A webhook cannot be asked whether a
-- message arrived, so a delivery found still 'sending' (the process died, or the write after the post failed) is taken
-- as perhaps delivered ('unknown') and never posted again; only a post that surely did not arrive ('failed') is retried.
CREATE TABLE notification_deliveries (
  tenant_id   text NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  channels    text[] NOT NULL,
  state       text NOT NULL CHECK (state IN ('sending', 'sent', 'failed', 'unknown')),
  claimed_at  timestamptz NOT NULL,
  finished_at timestamptz,
  -- What the card said (notification.types.ts AwaitingSummary).
  summary     jsonb NOT NULL,
  -- Per channel: { "outcome": "sent" | "failed" | "unknown", "status": number | null, "error": string | null }.
  outcome     jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (tenant_id, id)
);
-- At most one delivery of a tenant in flight: the per-tenant notification lock serialises them, and the store holds it too.
CREATE UNIQUE INDEX notification_deliveries_sending_uq ON notification_deliveries (tenant_id) WHERE state = 'sending';
CREATE INDEX notification_deliveries_recent_idx ON notification_deliveries (tenant_id, claimed_at DESC);

-- The delivery that announced a booking (NULL for announcements made before this migration). A delivery that surely
-- failed takes its announcements back, so the retry counts those bookings as new again.
ALTER TABLE notification_announced ADD COLUMN delivery_id uuid;
ALTER TABLE notification_announced
  ADD CONSTRAINT notification_announced_delivery_fk FOREIGN KEY (tenant_id, delivery_id) REFERENCES notification_deliveries (tenant_id, id);
CREATE INDEX notification_announced_delivery_idx ON notification_announced (tenant_id, delivery_id) WHERE delivery_id IS NOT NULL;
