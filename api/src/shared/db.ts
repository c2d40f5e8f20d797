// The store: one PostgreSQL-dialect interface over embedded PGlite (its own thread) or a PostgreSQL server (pg).
import path from "node:path";
import { openPglite } from "./pgliteStore";
import { openPostgres, type PostgresOptions } from "./postgresStore";
import { createSecretBox, secretsKeyFor, type SecretBox } from "./secrets";

/** Anything that runs SQL: the store itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** Outcome of tryWithLock: the value, or that another holder had the lock. */
export type LockResult<T> = { acquired: true; value: T } | { acquired: false };

/** The store used by every repository; `transaction` commits when `fn` resolves and rolls back when it throws. */
export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Seals the secrets repositories store (webhook URLs) with the key the store was opened with. */
  readonly secrets: SecretBox;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while holding a lock named `name` across every process that shares this database, or returns
   * `{ acquired: false }` at once if someone else holds it. PostgreSQL: a session advisory lock on a connection
   * kept for the duration, and `signal` aborts when that connection is lost (the lock with it), so the holder can stop;
   * PGlite: only one process can open the store, so an in-process lock suffices.
   */
  tryWithLock<T>(name: string, fn: (signal: AbortSignal) => Promise<T>): Promise<LockResult<T>>;
  /** Runs several statements without parameters and returns the rows of all of them (pg-boss's multi-statement SQL). */
  execRows(sql: string): Promise<unknown[]>;
  /** Resolves when the store answers a trivial query (readiness), rejects when it cannot. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Where the store lives: a PGlite directory (or memory) or a PostgreSQL URL, optionally in its own schema; and the key
 * that seals secrets stored in it (without one, stored plain values can be read but no secret can be saved).
 */
export type StoreOptions = (
  | { kind: "pglite"; dataDir?: string; startFrom?: string }
  | ({ kind: "postgres" } & PostgresOptions)
) & { secretsKey?: Buffer };

/** What the store reports that belongs to no request: a pooled connection the server closed, say. */
export interface StoreEvents {
  onBackgroundError?: (err: Error) => void;
}

/** Opens the store; the caller runs migrations next. */
export async function openDb(options: StoreOptions, events: StoreEvents = {}): Promise<Db> {
  const db = options.kind === "pglite" ? await openPglite(options.dataDir, options.startFrom) : await openPostgres(options, events);
  return Object.assign(db, { secrets: createSecretBox(options.secretsKey) });
}

/** Resolves the store options from the configuration: PostgreSQL when a URL is given, else PGlite in DATA_DIR. */
export function storeOptionsFor(config: { databaseUrl?: string; dataDir: string; secretsKey?: Buffer }): StoreOptions {
  const secretsKey = secretsKeyFor(config);
  return config.databaseUrl
    ? { kind: "postgres", url: config.databaseUrl, secretsKey }
    : { kind: "pglite", dataDir: path.join(config.dataDir, "pglite"), secretsKey };
}

// A note for every query in this code base: test membership in an id list with `col IN (SELECT unnest($n::text[]))`,
// not `col = ANY($n::text[])`. PostgreSQL plans the first as a semi-join (hashed or by index); the second is a filter
// that compares each row with each element, which statistics from a smaller table can turn into rows × ids.
