-- What a legal invoice needs to know of its customer (PRODUCT.md §4.6). Address and phone come from Bookings, the
-- address only until someone edits it in the app; company name, VAT id and Peppol id only ever come from the app, so
-- a sync never overwrites them. Existing customers start with nothing known: the next sync fills in what Bookings has.
ALTER TABLE customers ADD COLUMN address jsonb NOT NULL DEFAULT '{}';
ALTER TABLE customers ADD COLUMN address_edited boolean NOT NULL DEFAULT false;
ALTER TABLE customers ADD COLUMN phone text;
ALTER TABLE customers ADD COLUMN company_name text;
ALTER TABLE customers ADD COLUMN vat_id text;
ALTER TABLE customers ADD COLUMN peppol_id text;
