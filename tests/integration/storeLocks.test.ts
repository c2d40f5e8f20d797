// Covers the store's named locks (one sync or notification per tenant at a time): a second holder of a name is refused,
// and more holders than pool connections, each querying through the store, all finish instead of hanging.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "../../api/src/shared/db";
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

  const holdAndQuery = (name: string) =>
    db.tryWithLock(name, async () => {
      await new Promise((r) => setTimeout(r, 50)); // every holder is holding before any queries
      return (await db.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one;
    });

  it("lets more holders than pool connections query through the store", async () => {
    const names = ["sync:a", "sync:b", "notify:a", "notify:b", "sync:c"];
    const all = Promise.all(names.map(holdAndQuery));
    const outcome = await Promise.race([all, new Promise((resolve) => setTimeout(() => resolve("hung"), 5_000))]);
    expect(outcome).toEqual(names.map(() => ({ acquired: true, value: 1 })));
  });

  it("refuses a name while it is held, and grants it again once released", async () => {
    const [first, second] = await Promise.all([holdAndQuery("sync:same"), (async () => {
      await new Promise((r) => setTimeout(r, 10));
      return db.tryWithLock("sync:same", async () => 2);
    })()]);
    expect(first).toEqual({ acquired: true, value: 1 });
    expect(second).toEqual({ acquired: false });
    expect(await db.tryWithLock("sync:same", async () => 3)).toEqual({ acquired: true, value: 3 });
  });
});
