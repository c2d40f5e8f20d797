// The PostgreSQL server store (DATABASE_URL), behind the Db interface: pooled connections that survive a restart or
// failover of the server, session advisory locks on connections of their own, and bounded waits everywhere.
import { createHash } from "node:crypto";
import pg from "pg";
import type { Db, Queryable, StoreEvents } from "./db";
import { StoreUnavailableError } from "./storeErrors";

// How many named locks (a tenant's sync, its notification) one process may hold at once.
const LOCK_CONNECTIONS = 10;
// A statement waits at most this long for a row or advisory lock before failing with 55P03 (answered as 503, retried).
const LOCK_TIMEOUT_MS = 30_000;
// Running out of connections, or a server that does not answer, is an error after this long, never a hang.
const CONNECT_TIMEOUT_MS = 30_000;

/** Where and how to connect; the timeouts are for tests that make the database go away or hold its locks. */
export interface PostgresOptions {
  url: string;
  schema?: string;
  poolSize?: number;
  /** How long a query waits for a connection (a free one in the pool, or a new one to the server); default 30 s. */
  connectTimeoutMs?: number;
  /** How long a statement waits for a row or advisory lock before failing with 55P03; default 30 s. */
  lockTimeoutMs?: number;
}

/**
 * A lock name as a 64-bit advisory lock key: the first 8 bytes of its SHA-256 (32-bit hashtext keys collide once a few
 * tens of thousands of tenants hold locks). The app's prefix keeps other users of the database out of its key space.
 */
export function advisoryLockKey(name: string): string {
  return createHash("sha256").update(`bookings-invoicing:${name}`).digest().readBigInt64BE(0).toString();
}

/** Opens the pools; the caller runs migrations next. */
export async function openPostgres(options: PostgresOptions, events: StoreEvents = {}): Promise<Omit<Db, "secrets">> {
  const onError = (err: Error) => events.onBackgroundError?.(err);
  const settings = {
    connectionString: options.url,
    // A schema per test run keeps parallel test files apart on one database.
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
    connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    // Every wait for a row or advisory lock is bounded (a startup parameter of each connection).
    lock_timeout: options.lockTimeoutMs ?? LOCK_TIMEOUT_MS,
    // Names the app's sessions in pg_stat_activity (an application_name in the URL wins).
    fallback_application_name: "bookings-invoicing",
    // A server that vanished without closing the connection (failover, a dropped network) is noticed by TCP itself.
    keepAlive: true,
  };
  const pool = new pg.Pool({ ...settings, max: options.poolSize ?? 10 });
  // Session advisory locks live on connections of their own: a holder runs its queries on the main pool, so holders
  // can never use up the connections their own work waits for.
  const lockPool = new pg.Pool({ ...settings, max: LOCK_CONNECTIONS, connectionTimeoutMillis: Math.min(settings.connectionTimeoutMillis, 10_000) });
  // An idle connection that the server closes (restart, failover, pg_terminate_backend) emits 'error' on its pool;
  // without a listener Node would end the process. The pool drops the connection and makes a new one when asked.
  pool.on("error", onError);
  lockPool.on("error", onError);

  if (options.schema) {
    const admin = new pg.Client({ connectionString: options.url });
    admin.on("error", onError);
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, "")}"`);
    await admin.end();
  }
  let storeSchema: Promise<string> | undefined;
  const schemaOfStore = () =>
    (storeSchema ??= pool.query<{ s: string }>("SELECT current_schema() AS s").then(
      (r) => r.rows[0]!.s,
      (err: unknown) => {
        storeSchema = undefined; // asked again next time
        throw err;
      },
    ));
  return {
    kind: "postgres",
    ...wrap(pool),
    async execRows(sql: string) {
      // A script that fails half-way inside its own BEGIN leaves the connection in an aborted transaction: roll it
      // back before the connection goes back to the pool.
      const client = await checkout(pool);
      let broken = false;
      try {
        const r = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
        return (Array.isArray(r) ? r : [r]).flatMap((x) => x.rows ?? []);
      } catch (err) {
        broken = await client.query("ROLLBACK").then(() => false, () => true);
        throw err;
      } finally {
        release(client, broken);
      }
    },
    async transaction(fn) {
      const client = await checkout(pool);
      let broken = false;
      try {
        await client.query("BEGIN");
        const result = await fn(wrap(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        broken = await client.query("ROLLBACK").then(() => false, () => true);
        throw err;
      } finally {
        release(client, broken);
      }
    },
    async tryWithLock(name, fn) {
      // Advisory locks are database-wide, but a store is one schema: two stores in one database never share a lock.
      const key = advisoryLockKey(`${await schemaOfStore()}:${name}`);
      const client = await checkout(lockPool);
      // Losing the lock's connection loses the lock: the holder is told, so it stops before another process starts.
      const lost = new AbortController();
      const onLost = (err?: Error) => lost.abort(new Error(`Lost the database connection that held the lock "${name}"${err ? `: ${err.message}` : ""}.`));
      client.on("error", onLost);
      client.on("end", onLost);
      let broken = false;
      try {
        const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS ok", [key]);
        if (!rows[0]?.ok) return { acquired: false };
        try {
          return { acquired: true, value: await fn(lost.signal) };
        } finally {
          broken = lost.signal.aborted || (await client.query("SELECT pg_advisory_unlock($1::bigint)", [key]).then(() => false, () => true));
        }
      } catch (err) {
        broken = true;
        throw err;
      } finally {
        client.off("error", onLost);
        client.off("end", onLost);
        release(client, broken);
      }
    },
    async ready() {
      await withTimeout(pool.query("SELECT 1"), 2_000, "The database did not answer within 2 s.");
    },
    close: async () => {
      await Promise.all([pool.end(), lockPool.end()]);
    },
  };

  // A checked-out connection has no pool listener: one that breaks while in use must not end the process either.
  async function checkout(from: pg.Pool): Promise<pg.PoolClient> {
    const client = await from.connect();
    client.on("error", onError);
    return client;
  }
  function release(client: pg.PoolClient, broken: boolean): void {
    client.off("error", onError);
    client.release(broken ? true : undefined); // a broken connection is closed, not handed out again
  }
}

function wrap(q: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await q.query(sql, params);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new StoreUnavailableError(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
