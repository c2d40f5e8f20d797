-- Initial schema. Every tenant-owned table carries tenant_id; money and quantities are exact numerics.

CREATE TABLE tenant_setup (
  tenant_id     text PRIMARY KEY,
  business_id   text NOT NULL,
  business_name text,
  currency      text NOT NULL DEFAULT 'EUR',
  settings      jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    text
);

CREATE TABLE customers (
  tenant_id            text NOT NULL,
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bookings_customer_id text,
  name                 text NOT NULL,
  email                text,
  active               boolean NOT NULL DEFAULT true,
  source               text NOT NULL DEFAULT 'bookings',
  currency             text,
  payment_terms_days   integer NOT NULL DEFAULT 14,
  tax_rate             numeric(7,4) NOT NULL DEFAULT 0,
  language             text,
  synced_at            timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_bookings_id_uq ON customers (tenant_id, bookings_customer_id) WHERE bookings_customer_id IS NOT NULL;
CREATE UNIQUE INDEX customers_email_uq ON customers (tenant_id, lower(email)) WHERE email IS NOT NULL;

CREATE TABLE service_items (
  tenant_id                text NOT NULL,
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bookings_service_id      text NOT NULL,
  name                     text NOT NULL,
  description              text,
  default_price            numeric(19,4) NOT NULL DEFAULT 0,
  price_type               text NOT NULL,
  default_duration_minutes integer,
  item_type                text NOT NULL DEFAULT 'service',
  active                   boolean NOT NULL DEFAULT true,
  synced_at                timestamptz,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, bookings_service_id)
);

CREATE TABLE staff_members (
  tenant_id        text NOT NULL,
  bookings_staff_id text NOT NULL,
  name             text NOT NULL,
  email            text,
  active           boolean NOT NULL DEFAULT true,
  PRIMARY KEY (tenant_id, bookings_staff_id)
);

CREATE TABLE bookings (
  tenant_id        text NOT NULL,
  id               text NOT NULL,
  business_id      text NOT NULL,
  service_id       text,
  service_name     text NOT NULL,
  staff_member_ids text[] NOT NULL DEFAULT '{}',
  start_at         timestamptz NOT NULL,
  end_at           timestamptz NOT NULL,
  price            numeric(19,4) NOT NULL DEFAULT 0,
  price_type       text NOT NULL,
  currency         text NOT NULL,
  last_updated_at  timestamptz,
  cancelled_at     timestamptz,
  synced_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX bookings_open_idx ON bookings (tenant_id, start_at, id) WHERE cancelled_at IS NULL;

CREATE TABLE booking_attendees (
  tenant_id            text NOT NULL,
  booking_id           text NOT NULL,
  attendee_key         text NOT NULL,
  position             integer NOT NULL,
  bookings_customer_id text,
  name                 text NOT NULL DEFAULT '',
  email                text,
  customer_id          uuid REFERENCES customers (id),
  PRIMARY KEY (tenant_id, booking_id, attendee_key),
  FOREIGN KEY (tenant_id, booking_id) REFERENCES bookings (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE invoices (
  tenant_id    text NOT NULL,
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number       text,
  status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
  customer_id  uuid NOT NULL REFERENCES customers (id),
  currency     text NOT NULL,
  issue_date   date NOT NULL,
  due_date     date,
  notes        text,
  net          numeric(19,4) NOT NULL,
  tax          numeric(19,4) NOT NULL,
  total        numeric(19,4) NOT NULL,
  created_by   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  finalized_at timestamptz,
  UNIQUE (tenant_id, number)
);
CREATE INDEX invoices_list_idx ON invoices (tenant_id, created_at DESC, id);

-- At most one invoice line per (booking, attendee), ever: the database enforces "never a double invoice".
CREATE TABLE invoice_lines (
  tenant_id    text NOT NULL,
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id   uuid NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
  position     integer NOT NULL,
  booking_id   text NOT NULL,
  attendee_key text NOT NULL,
  description  text NOT NULL,
  service_date date NOT NULL,
  quantity     numeric(19,4) NOT NULL,
  unit_price   numeric(19,4) NOT NULL,
  amount       numeric(19,4) NOT NULL,
  tax_rate     numeric(7,4) NOT NULL DEFAULT 0,
  price_type   text NOT NULL,
  CONSTRAINT invoice_lines_booking_attendee_uq UNIQUE (tenant_id, booking_id, attendee_key)
);
CREATE INDEX invoice_lines_invoice_idx ON invoice_lines (invoice_id, position);

CREATE TABLE sync_runs (
  tenant_id   text NOT NULL,
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trigger     text NOT NULL,
  status      text NOT NULL CHECK (status IN ('running', 'succeeded', 'partial', 'failed')),
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  counts      jsonb NOT NULL DEFAULT '{}'::jsonb,
  errors      jsonb NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX sync_runs_recent_idx ON sync_runs (tenant_id, started_at DESC);
