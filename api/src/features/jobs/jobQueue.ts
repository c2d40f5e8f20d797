// Durable jobs on pg-boss, in the app's own database (PGlite or PostgreSQL): a job is enqueued in the transaction that
// records it, one worker across all processes runs it, and a worker that dies (kill -9) stops sending heartbeats, so
// pg-boss hands the job to the next worker, which resumes it from its committed steps (PRODUCT.md §4.13).
import { PgBoss } from "pg-boss";
import type { Logger } from "pino";
import type { Db, Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { advisoryLockKey } from "../../shared/postgresStore";
import { finishJob, markJobRunning } from "./job.repository";

/** What a job's handler is given: which job, and a signal that aborts when this worker lost the job. */
export interface JobContext {
  tenantId: string;
  jobId: string;
  signal: AbortSignal;
}

/** Runs one job to its end and returns its result; throw AppError for an outcome that retrying cannot change. */
export type JobHandler = (job: JobContext) => Promise<unknown>;

/** Enqueues and runs jobs. */
export interface JobQueue {
  /** Enqueues job `jobId` in the caller's transaction: it runs once that commits, never if it rolls back. */
  enqueue(tx: Queryable, kind: string, job: { tenantId: string; jobId: string }): Promise<void>;
  /** Tells this process's worker for `kind` to look for work now instead of at its next poll (after an enqueue commits). */
  wake(kind: string): void;
  /** Starts the workers for the registered kinds. */
  start(): Promise<void>;
  /** Stops taking jobs and waits up to `graceMs` for those running (their steps are committed one by one anyway). */
  stop(graceMs?: number): Promise<void>;
}

/** How often a running job proves it is alive, and how soon a silent one is handed on. pg-boss allows 10 s at least. */
const HEARTBEAT_SECONDS = 10;
// A job is retried after a crash or an unexpected error this often before it is marked failed.
const RETRY_LIMIT = 10;

/** pg-boss's queue name for a job kind. */
const queueName = (kind: string) => `bi-${kind}`;

/** Creates the queue over the store; `handlers` are the job kinds this process runs. */
export async function createJobQueue(db: Db, handlers: Record<string, JobHandler>, log?: Logger): Promise<JobQueue> {
  const boss = new PgBoss({
    db: bossDb(db),
    backend: db.kind === "pglite" ? "pglite" : "postgres",
    schema: await bossSchema(db),
    schedule: false,
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 5,
  });
  boss.on("error", (err: Error) => log?.warn({ err }, "job queue background work failed; it is retried"));
  let started = false;
  const workers = new Map<string, string>();
  return {
    async enqueue(tx, kind, job) {
      if (!handlers[kind]) throw new Error(`no handler for job kind ${kind}`);
      await boss.send(queueName(kind), job, { db: bossDb(tx), singletonKey: job.jobId });
    },
    wake(kind) {
      const id = workers.get(queueName(kind));
      if (id) boss.notifyWorker(id);
    },
    async start() {
      await oneAtATime(db, () => boss.start());
      started = true;
      for (const [kind, handler] of Object.entries(handlers)) {
        const name = queueName(kind);
        await boss.createQueue(name, { heartbeatSeconds: HEARTBEAT_SECONDS, retryLimit: RETRY_LIMIT, retryDelay: 1, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 6 * 3600 });
        const workerId = await boss.work<{ tenantId: string; jobId: string }>(name, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
          if (job) await runOne(db, handler, job, log);
        });
        workers.set(name, workerId);
      }
    },
    async stop(graceMs = 0) {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: graceMs > 0, timeout: Math.max(graceMs, 1), close: false }).catch((err: unknown) => log?.warn({ err }, "job queue did not stop cleanly"));
    },
  };
}

async function runOne(db: Db, handler: JobHandler, job: { data: { tenantId: string; jobId: string }; retryCount: number; signal: AbortSignal }, log?: Logger) {
  const { tenantId, jobId } = job.data;
  await markJobRunning(db, tenantId, jobId);
  try {
    const result = await handler({ tenantId, jobId, signal: job.signal });
    await finishJob(db, tenantId, jobId, { status: "succeeded", result });
  } catch (err) {
    const final = err instanceof AppError || job.retryCount >= RETRY_LIMIT;
    log?.warn({ err, jobId, attempt: job.retryCount + 1, final }, final ? "job failed" : "job attempt failed; it is retried");
    if (!final) throw err; // pg-boss retries it; its committed steps are not done again
    const error = err instanceof AppError ? { code: err.code, message: err.message } : { code: "INTERNAL", message: "The job stopped on an unexpected error; see the server log." };
    await finishJob(db, tenantId, jobId, { status: "failed", error });
  }
}

// Processes starting together on one PostgreSQL would each create pg-boss's schema (one failed on the duplicate):
// the first holds a transaction-level advisory lock while pg-boss installs itself, the others wait for it. The
// embedded store has one process and one connection (a transaction there would hold pg-boss's own queries off).
async function oneAtATime(db: Db, start: () => Promise<unknown>): Promise<void> {
  if (db.kind !== "postgres") {
    await start();
    return;
  }
  await db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1::bigint)", [advisoryLockKey("pg-boss:install")]);
    await start();
  });
}

// pg-boss speaks through the app's store: parameterised statements as queries, its multi-statement scripts whole.
function bossDb(q: Queryable | Db) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values?.length || !("execRows" in q)) return q.query(text, values ?? []);
      return { rows: await q.execRows(text) };
    },
  };
}

// pg-boss keeps its tables in a schema of its own; a store confined to one schema (tests) gets its own beside it.
async function bossSchema(db: Db): Promise<string> {
  const { rows } = await db.query<{ schema: string }>("SELECT current_schema() AS schema");
  const current = rows[0]?.schema ?? "public";
  return current === "public" ? "pgboss" : `${current}_pgboss`;
}
