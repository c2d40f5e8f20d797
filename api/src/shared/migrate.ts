// Applies the versioned SQL migrations in api/src/shared/migrations once each, in order, under a lock.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db, Queryable } from "./db";

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
// Any constant works; it only has to be the same for every process that migrates this database.
const MIGRATION_LOCK_KEY = 7_202_611_240;
const MIGRATION_LOCK_WAIT = "10min";

/** A data step that belongs to a migration (re-pricing stored rows, say), run in its transaction right after its SQL. */
export type MigrationStep = (tx: Queryable) => Promise<unknown>;

/** What to apply: versions up to `upTo` only (tests of a migration over older data), and data steps by version. */
export interface MigrateOptions {
  upTo?: string;
  after?: Record<string, MigrationStep>;
}

/**
 * Applies pending migrations and returns the versions it applied. All of them, their `after` steps and their
 * schema_migrations rows commit together or not at all, so a failure or crash leaves the store as it was.
 */
export async function migrate(db: Db, options: MigrateOptions = {}): Promise<string[]> {
  const all = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  // A step under a mistyped version would silently never run.
  for (const version of Object.keys(options.after ?? {})) {
    if (!all.some((f) => f.startsWith(`${version}_`))) throw new Error(`migrate: there is no migration "${version}" to run a step after`);
  }
  const files = all.filter((f) => options.upTo === undefined || f.slice(0, 3) <= options.upTo);
  return db.transaction(async (tx) => {
    // Several API processes may start at once against one PostgreSQL: one migrates, the others wait. A migration may
    // take minutes (003 prices every stored attendee), longer than the lock wait a request gets, so this wait has its own bound.
    await tx.exec(`SET LOCAL lock_timeout = '${MIGRATION_LOCK_WAIT}'`);
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await tx.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const done = new Set((await tx.query<{ version: string }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
    const applied: string[] = [];
    for (const file of files) {
      const version = file.slice(0, 3);
      if (done.has(version)) continue;
      await tx.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, file), "utf8"));
      await options.after?.[version]?.(tx);
      await tx.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version]);
      applied.push(version);
    }
    return applied;
  });
}
