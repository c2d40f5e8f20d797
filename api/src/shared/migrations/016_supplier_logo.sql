-- The supplier's logo on its PDFs (PRODUCT.md §4.6): one PNG or JPEG per tenant, at most 256 KiB, kept apart from the
-- settings so that reading the setup (every sync, every invoice) never carries the image along.
CREATE TABLE supplier_logos (
  tenant_id    text PRIMARY KEY REFERENCES tenant_setup (tenant_id) ON DELETE CASCADE,
  content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
  data         bytea NOT NULL CHECK (octet_length(data) BETWEEN 1 AND 262144),
  width        integer NOT NULL CHECK (width > 0),
  height       integer NOT NULL CHECK (height > 0),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  updated_by   text
);
