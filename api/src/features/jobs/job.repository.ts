// SQL for jobs and their steps (migration 008); no rules here.
import type { Queryable } from "../../shared/db";
import type { JobError, JobStatus, JobView } from "./job.types";

type JobRow = {
  id: string;
  kind: string;
  status: JobStatus;
  created_by: string;
  input: unknown;
  total: number;
  done: number;
  failed: number;
  errors: JobError[];
  result: unknown;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};
const COLUMNS = "id, kind, status, created_by, input, total, done, failed, errors, result, created_at, started_at, finished_at";

/** A job row with its input, as a job's handler reads it. */
export type StoredJob = JobView & { createdBy: string; input: unknown };

const toJob = (r: JobRow): StoredJob => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  total: r.total,
  done: r.done,
  failed: r.failed,
  errors: r.errors,
  result: r.result,
  createdAt: r.created_at.toISOString(),
  startedAt: r.started_at?.toISOString() ?? null,
  finishedAt: r.finished_at?.toISOString() ?? null,
  createdBy: r.created_by,
  input: r.input,
});

/** A stored job as the API shows it: without its input and its author. */
export function presentJob(job: StoredJob): JobView {
  const { input: _input, createdBy: _createdBy, ...view } = job;
  return view;
}

/** Errors kept per job; `failed` always holds the full count. */
export const MAX_JOB_ERRORS = 200;

/** Inserts a queued job and returns it. */
export async function insertJob(db: Queryable, tenantId: string, job: { kind: string; createdBy: string; input: unknown; total: number }): Promise<StoredJob> {
  const { rows } = await db.query<JobRow>(
    `INSERT INTO jobs (tenant_id, kind, created_by, input, total) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [tenantId, job.kind, job.createdBy, JSON.stringify(job.input), job.total],
  );
  return toJob(rows[0]!);
}

/** The tenant's job, or null. */
export async function findJob(db: Queryable, tenantId: string, id: string): Promise<StoredJob | null> {
  const { rows } = await db.query<JobRow>(`SELECT ${COLUMNS} FROM jobs WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  return rows[0] ? toJob(rows[0]) : null;
}

/** Marks a job as running (again, after a crash) and counts the attempt. */
export async function markJobRunning(db: Queryable, tenantId: string, id: string): Promise<void> {
  await db.query(
    `UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = COALESCE(started_at, now()), updated_at = now()
     WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running')`,
    [tenantId, id],
  );
}

/** Adds to a job's progress and errors; `total` replaces the estimate once the job knows it exactly. */
export async function addJobProgress(db: Queryable, tenantId: string, id: string, p: { done?: number; failed?: number; errors?: JobError[]; total?: number; result?: unknown }): Promise<void> {
  await db.query(
    `UPDATE jobs SET done = done + $3, failed = failed + $4, total = COALESCE($5, total), result = COALESCE($7::jsonb, result),
       errors = (SELECT COALESCE(jsonb_agg(e.value ORDER BY e.ord), '[]')
                 FROM jsonb_array_elements(errors || $6::jsonb) WITH ORDINALITY AS e(value, ord) WHERE e.ord <= ${MAX_JOB_ERRORS}),
       updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, p.done ?? 0, p.failed ?? 0, p.total ?? null, JSON.stringify(p.errors ?? []), p.result === undefined ? null : JSON.stringify(p.result)],
  );
}

/** Ends a job: succeeded with its result, or failed with a last error. */
export async function finishJob(db: Queryable, tenantId: string, id: string, outcome: { status: "succeeded" | "failed"; result?: unknown; error?: JobError }): Promise<void> {
  await db.query(
    `UPDATE jobs SET status = $3, result = COALESCE($4::jsonb, result), errors = CASE WHEN $5::jsonb IS NULL THEN errors ELSE errors || $5::jsonb END,
       finished_at = now(), updated_at = now()
     WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running')`,
    [tenantId, id, outcome.status, outcome.result === undefined ? null : JSON.stringify(outcome.result), outcome.error ? JSON.stringify([outcome.error]) : null],
  );
}

/** Stores a job's planned steps (seq 1…n). */
export async function insertJobSteps(db: Queryable, tenantId: string, jobId: string, steps: unknown[]): Promise<void> {
  if (steps.length === 0) return;
  await db.query(
    `INSERT INTO job_steps (tenant_id, job_id, seq, data)
     SELECT $1, $2, s.ord::int, s.data FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS s(data, ord)`,
    [tenantId, jobId, JSON.stringify(steps)],
  );
}

/** The numbers of the steps not done yet, in order. */
export async function pendingJobSteps(db: Queryable, jobId: string): Promise<number[]> {
  const { rows } = await db.query<{ seq: number }>("SELECT seq FROM job_steps WHERE job_id = $1 AND NOT done ORDER BY seq", [jobId]);
  return rows.map((r) => r.seq);
}

/**
 * Claims a step inside the caller's transaction: its data, or null if it is done already. The row stays locked until
 * the transaction ends, so the step's effects and its "done" commit together or not at all.
 */
export async function claimJobStep<T>(db: Queryable, jobId: string, seq: number): Promise<T | null> {
  const { rows } = await db.query<{ data: T }>("UPDATE job_steps SET done = true WHERE job_id = $1 AND seq = $2 AND NOT done RETURNING data", [jobId, seq]);
  return rows[0]?.data ?? null;
}

/** Locks a job's row until the transaction ends and reads its result so far, for a step to add to it. */
export async function lockJobResult<T>(db: Queryable, jobId: string): Promise<T> {
  const { rows } = await db.query<{ result: T }>("SELECT result FROM jobs WHERE id = $1 FOR UPDATE", [jobId]);
  return rows[0]!.result;
}
