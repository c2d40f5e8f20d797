// The store: one PostgreSQL-dialect interface over embedded PGlite or a PostgreSQL server (pg).
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
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
   * kept for the duration; PGlite: only one process can open the store, so an in-process lock suffices.
   */
  tryWithLock<T>(name: string, fn: () => Promise<T>): Promise<LockResult<T>>;
  close(): Promise<void>;
}

// Namespace of this app's advisory locks (first key of the two-key form); the second key is hashtext(name).
const LOCK_NAMESPACE = 72_026;

/**
 * Where the store lives: a PGlite directory (or memory) or a PostgreSQL URL, optionally in its own schema; and the key
 * that seals secrets stored in it (without one, stored plain values can be read but no secret can be saved).
 */
export type StoreOptions = (
  | { kind: "pglite"; dataDir?: string }
  | { kind: "postgres"; url: string; schema?: string; poolSize?: number }
) & { secretsKey?: Buffer };

/** Opens the store; the caller runs migrations next. */
export async function openDb(options: StoreOptions): Promise<Db> {
  const db = options.kind === "pglite" ? await openPglite(options.dataDir) : await openPostgres(options);
  return { ...db, secrets: createSecretBox(options.secretsKey) };
}

async function openPglite(dataDir?: string): Promise<Omit<Db, "secrets">> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const lite = new PGlite(dataDir);
  await lite.waitReady;
  const wrap = (q: Pick<PGlite, "query" | "exec">): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const held = new Set<string>();
  return {
    kind: "pglite",
    ...wrap(lite),
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    async tryWithLock(name, fn) {
      if (held.has(name)) return { acquired: false };
      held.add(name);
      try {
        return { acquired: true, value: await fn() };
      } finally {
        held.delete(name);
      }
    },
    close: () => lite.close(),
  };
}

// How many named locks (a tenant's sync, its notification) one process may hold at once; more wait for a free one.
const LOCK_CONNECTIONS = 10;

async function openPostgres(options: { url: string; schema?: string; poolSize?: number }): Promise<Omit<Db, "secrets">> {
  const settings = {
    connectionString: options.url,
    // A schema per test run keeps parallel test files apart on one database.
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
    // Running out of connections is an error after a while, not a request that hangs forever.
    connectionTimeoutMillis: 30_000,
  };
  const pool = new pg.Pool({ ...settings, max: options.poolSize ?? 10 });
  // Session advisory locks live on connections of their own: a holder runs its queries on the main pool, so holders
  // can never use up the connections their own work waits for (with one pool, as many holders as connections hung).
  const lockPool = new pg.Pool({ ...settings, max: LOCK_CONNECTIONS, connectionTimeoutMillis: 0 });
  if (options.schema) {
    const admin = new pg.Client({ connectionString: options.url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, "")}"`);
    await admin.end();
  }
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await q.query(sql, params);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  return {
    kind: "postgres",
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(wrap(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async tryWithLock(name, fn) {
      const client = await lockPool.connect();
      try {
        const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [LOCK_NAMESPACE, name]);
        if (!rows[0]?.ok) return { acquired: false };
        try {
          return { acquired: true, value: await fn() };
        } finally {
          await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_NAMESPACE, name]);
        }
      } finally {
        client.release();
      }
    },
    close: async () => {
      await Promise.all([pool.end(), lockPool.end()]);
    },
  };
}

/**
 * Resolves the store options from the configuration: PostgreSQL when a URL is given, else PGlite in DATA_DIR; sealed
 * with SECRETS_KEY, else (local mode) with the key file in DATA_DIR, created here on first start.
 */
export function storeOptionsFor(config: { databaseUrl?: string; dataDir: string; secretsKey?: Buffer }): StoreOptions {
  const secretsKey = secretsKeyFor(config);
  return config.databaseUrl
    ? { kind: "postgres", url: config.databaseUrl, secretsKey }
    : { kind: "pglite", dataDir: path.join(config.dataDir, "pglite"), secretsKey };
}

// A note for every query in this code base: test membership in an id list with `col IN (SELECT unnest($n::text[]))`,
// not `col = ANY($n::text[])`. PostgreSQL plans the first as a semi-join (hashed or by index); the second is a filter
// that compares each row with each element, which statistics from a smaller table can turn into rows × ids.
