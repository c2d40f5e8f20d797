-- Durable jobs (PRODUCT.md §4.13): what a long piece of work is, how far it got and what came of it, per tenant.
-- pg-boss (its own schema) hands each job to one worker across processes and hands it on after a crash; the rows
-- here are what the API and the tab read. A job's steps are claimed in the same transaction as their effects, so a
-- step that committed is never done again, and one that did not is done by whoever resumes the job.
CREATE TABLE jobs (
  tenant_id   text NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  kind        text NOT NULL,
  status      text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  created_by  text NOT NULL,
  input       jsonb NOT NULL,
  total       integer NOT NULL DEFAULT 0,
  done        integer NOT NULL DEFAULT 0,
  failed      integer NOT NULL DEFAULT 0,
  errors      jsonb NOT NULL DEFAULT '[]',
  result      jsonb,
  attempts    integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  started_at  timestamptz,
  finished_at timestamptz,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id)
);
CREATE INDEX jobs_tenant_created_idx ON jobs (tenant_id, created_at DESC);

CREATE TABLE job_steps (
  tenant_id text NOT NULL,
  job_id    uuid NOT NULL,
  seq       integer NOT NULL,
  done      boolean NOT NULL DEFAULT false,
  data      jsonb NOT NULL,
  PRIMARY KEY (job_id, seq),
  FOREIGN KEY (tenant_id, job_id) REFERENCES jobs (tenant_id, id) ON DELETE CASCADE
);
-- A step's data is written once and read once: compressing it (hundreds of KB of JSON) cost more than it saved.
ALTER TABLE job_steps ALTER COLUMN data SET STORAGE EXTERNAL;

-- Idempotency keys belonged to the tenant: user B repeating user A's key got A's answer. They now belong to the user
-- who sent them, and expired ones are purged (the index serves the purge).
ALTER TABLE idempotency_keys ADD COLUMN user_id text NOT NULL DEFAULT '';
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (tenant_id, user_id, key);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
