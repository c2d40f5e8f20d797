-- Sync runs report what they skipped (with reasons) and where a running sync is; service items keep the
-- item template's unit of measure.
ALTER TABLE sync_runs ADD COLUMN skipped jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE sync_runs ADD COLUMN progress jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE service_items ADD COLUMN unit_of_measure text NOT NULL DEFAULT 'hour';
