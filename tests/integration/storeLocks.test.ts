// Covers the store's named locks (one sync or notification per tenant at a time): a second holder of a name is refused,
// more holders than pool connections, each querying through the store, all finish instead of hanging, and on PostgreSQL
// two names whose 32-bit hashtext collide are two locks, and two stores (schemas) in one database never share one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "../../api/src/shared/db";
import { advisoryLockKey } from "../../api/src/shared/postgresStore";
import { testStore, testStores } from "../factories/testServer";

describe.each(testStores())("named locks on %s", (kind) => {
  const { store, dropStore } = testStore(kind);
  let db: Db;
  beforeAll(async () => {
    db = await openDb(store.kind === "postgres" ? { ...store, poolSize: 2 } : store);
  });
  afterAll(async () => {
    await db?.close();
    await dropStore();
  });

  // A promise with its resolve exposed, so a test orders callers by events instead of sleeps.
  const deferred = () => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  };

  // Holds `name`, waits for `go`, then queries through the store; `holding` is resolved once the lock is held.
  const holdAndQuery = (name: string, holding: () => void, go: Promise<void>) =>
    db.tryWithLock(name, async () => {
      holding();
      await go;
      return (await db.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one;
    });

  it("lets more holders than pool connections query through the store", async () => {
    const names = ["sync:a", "sync:b", "notify:a", "notify:b", "sync:c"];
    // Every holder is holding before any of them queries: the queries go out while all locks are held.
    const holding = names.map(deferred);
    const go = Promise.all(holding.map((h) => h.promise)).then(() => undefined);
    const all = Promise.all(names.map((name, i) => holdAndQuery(name, holding[i]!.resolve, go)));
    const outcome = await Promise.race([all, new Promise((resolve) => setTimeout(() => resolve("hung"), 5_000))]);
    expect(outcome).toEqual(names.map(() => ({ acquired: true, value: 1 })));
  });

  it("refuses a name while it is held, and grants it again once released", async () => {
    const holding = deferred();
    const release = deferred();
    const first = holdAndQuery("sync:same", holding.resolve, release.promise);
    await holding.promise; // the first caller holds the lock before the second asks for it
    const second = await db.tryWithLock("sync:same", async () => 2);
    release.resolve();
    expect(await first).toEqual({ acquired: true, value: 1 });
    expect(second).toEqual({ acquired: false });
    expect(await db.tryWithLock("sync:same", async () => 3)).toEqual({ acquired: true, value: 3 });
  });

  it.runIf(kind === "postgres")("holds two names at once whose 32-bit hashtext collide, as two advisory locks", async () => {
    const { rows } = await db.query<{ names: string[] }>(
      `SELECT array_agg(n ORDER BY n) AS names FROM (SELECT 'sync:tenant-' || g AS n FROM generate_series(1, 200000) g) s
       GROUP BY hashtext(n) HAVING count(*) > 1 LIMIT 1`,
    );
    const [a, b] = rows[0]!.names;
    const hashes = await db.query<{ h: number }>("SELECT hashtext(n) AS h FROM unnest($1::text[]) AS n", [[a, b]]);
    expect(hashes.rows[0]!.h).toBe(hashes.rows[1]!.h); // a key of hashtext(name) would make them one lock
    const schema = (await db.query<{ s: string }>("SELECT current_schema() AS s")).rows[0]!.s;
    const keys = [advisoryLockKey(`${schema}:${a}`), advisoryLockKey(`${schema}:${b}`)];

    const outcome = await db.tryWithLock(a!, async () => {
      const inner = await db.tryWithLock(b!, async () => {
        // Both granted, each under its own 64-bit key (pg_locks splits a bigint key into classid:objid).
        const held = await db.query<{ key: string }>(
          `SELECT ((classid::bigint << 32) | objid::bigint)::text AS key FROM pg_locks
           WHERE locktype = 'advisory' AND objsubid = 1 AND granted AND ((classid::bigint << 32) | objid::bigint) IN (SELECT unnest($1::bigint[]))`,
          [keys],
        );
        return held.rows.map((r) => r.key).sort();
      });
      return inner;
    });
    expect(outcome).toEqual({ acquired: true, value: { acquired: true, value: [...keys].sort() } });
  });

  it.runIf(kind === "postgres")("keeps the locks of two stores in one database apart: each schema is its own store", async () => {
    const other = testStore("postgres");
    const second = await openDb(other.store);
    try {
      const holding = deferred();
      const release = deferred();
      const first = holdAndQuery("sync:same", holding.resolve, release.promise);
      await holding.promise;
      // The same name in another schema is another lock; in this schema it is still held.
      expect(await second.tryWithLock("sync:same", async () => "other store")).toEqual({ acquired: true, value: "other store" });
      expect(await db.tryWithLock("sync:same", async () => "same store")).toEqual({ acquired: false });
      release.resolve();
      expect(await first).toEqual({ acquired: true, value: 1 });
    } finally {
      await second.close();
      await other.dropStore();
    }
  });
});
