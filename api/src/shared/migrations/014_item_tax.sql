-- VAT belongs to the service item, not the customer (PRODUCT.md §4.3): each item has a category (S standard, Z zero-rated,
-- E exempt with the reason printed), a rate and, for E, an optional VATEX code; each invoice line keeps what it was priced
-- with, and each invoice whether its amounts include tax, so its breakdown reads back exactly as it was computed.
-- Existing data keeps every stored total: items take the rate of their setup's customer template (the rate their
-- customers were created with), lines keep their rate (S above 0, Z at 0), and an invoice includes tax exactly when its
-- total is the sum of its line amounts while it carries tax.
ALTER TABLE service_items ADD COLUMN tax_category text NOT NULL DEFAULT 'Z';
ALTER TABLE service_items ADD COLUMN tax_rate numeric(7,4) NOT NULL DEFAULT 0;
ALTER TABLE service_items ADD COLUMN tax_exemption_reason text;
ALTER TABLE service_items ADD COLUMN tax_exemption_code text;

UPDATE service_items si SET tax_rate = s.rate, tax_category = CASE WHEN s.rate > 0 THEN 'S' ELSE 'Z' END
FROM (
  SELECT tenant_id, CASE WHEN settings #>> '{customerTemplate,taxRate}' ~ '^\d{1,2}(\.\d{1,4})?$'
                         THEN (settings #>> '{customerTemplate,taxRate}')::numeric ELSE 0 END AS rate
  FROM tenant_setup
) s
WHERE s.tenant_id = si.tenant_id;

ALTER TABLE service_items ADD CONSTRAINT service_items_tax_ck CHECK (
  (tax_category = 'S' AND tax_rate > 0 AND tax_exemption_reason IS NULL AND tax_exemption_code IS NULL)
  OR (tax_category = 'Z' AND tax_rate = 0 AND tax_exemption_reason IS NULL AND tax_exemption_code IS NULL)
  OR (tax_category = 'E' AND tax_rate = 0 AND tax_exemption_reason IS NOT NULL)
);

ALTER TABLE invoice_lines ADD COLUMN tax_category text NOT NULL DEFAULT 'Z';
ALTER TABLE invoice_lines ADD COLUMN tax_exemption_reason text;
ALTER TABLE invoice_lines ADD COLUMN tax_exemption_code text;
ALTER TABLE invoices ADD COLUMN prices_include_tax boolean NOT NULL DEFAULT false;

-- Final invoices are immutable (migration 003): only this migration fills in what they always were.
ALTER TABLE invoice_lines DISABLE TRIGGER invoice_lines_final_immutable;
ALTER TABLE invoices DISABLE TRIGGER invoices_final_immutable;
UPDATE invoice_lines SET tax_category = 'S' WHERE tax_rate > 0;
UPDATE invoices i SET prices_include_tax = true
WHERE i.tax <> 0 AND i.total = (SELECT sum(l.amount) FROM invoice_lines l WHERE l.invoice_id = i.id);
ALTER TABLE invoice_lines ENABLE TRIGGER invoice_lines_final_immutable;
ALTER TABLE invoices ENABLE TRIGGER invoices_final_immutable;

ALTER TABLE invoice_lines ADD CONSTRAINT invoice_lines_tax_ck CHECK (
  (tax_category = 'S' AND tax_rate > 0) OR (tax_category IN ('Z', 'E') AND tax_rate = 0)
);
