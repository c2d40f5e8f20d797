-- Notifications (PRODUCT.md §6): per tenant, when the last card went out and what it said, and which channels still owe a
-- delivery after a failure; plus every booking already announced, so "new since the last notice" is exact.
CREATE TABLE notification_state (
  tenant_id       text PRIMARY KEY,
  last_sent_at    timestamptz,
  last_summary    jsonb,
  -- Channels ('webhook', 'activityFeed') whose last delivery failed and is retried on a later tick.
  pending         text[] NOT NULL DEFAULT '{}',
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  last_status     integer,
  last_error      text,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_state_pending_idx ON notification_state (next_attempt_at) WHERE cardinality(pending) > 0;

CREATE TABLE notification_announced (
  tenant_id    text NOT NULL,
  booking_id   text NOT NULL,
  announced_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, booking_id)
);
