-- The review queue that empties (issue 12, item 4). An attendee keeps the phone number the booking gave, and carries
-- who they are as one key: their Bookings customer id, else their name (trimmed, single-spaced, lower case) with the
-- digits of their phone. The same key finds the same person's other waiting bookings, and a customer made by hand
-- remembers the key it was made for: the unique index makes two clicks (or two admins) make that person only once.
ALTER TABLE booking_attendees ADD COLUMN phone text;
ALTER TABLE booking_attendees ADD COLUMN person_key text GENERATED ALWAYS AS (
  CASE
    WHEN bookings_customer_id IS NOT NULL THEN 'b:' || bookings_customer_id
    WHEN btrim(name) <> '' THEN 'n:' || lower(regexp_replace(btrim(name), '\s+', ' ', 'g')) || '|' || regexp_replace(COALESCE(phone, ''), '[^0-9]', '', 'g')
  END
) STORED;
-- Only attendees without a customer are ever looked up by person (the queue is small; linked attendees never are).
CREATE INDEX booking_attendees_unlinked_person_idx ON booking_attendees (tenant_id, person_key) WHERE customer_id IS NULL;

ALTER TABLE customers ADD COLUMN person_key text;
CREATE UNIQUE INDEX customers_person_key_uq ON customers (tenant_id, person_key) WHERE person_key IS NOT NULL;

-- Attendees stored before this migration have no phone: their bookings are read again by id at the next sync (a null
-- lastUpdatedDateTime counts as changed). Only bookings with an attendee still waiting for a customer need it.
UPDATE bookings b SET last_updated_at = NULL
WHERE EXISTS (SELECT 1 FROM booking_attendees a WHERE a.tenant_id = b.tenant_id AND a.booking_id = b.id AND a.customer_id IS NULL);
