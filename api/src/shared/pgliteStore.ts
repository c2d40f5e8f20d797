// The embedded store: PGlite in a worker thread of its own (pgliteWorker.mjs), behind the Db interface. PostgreSQL in
// WebAssembly runs synchronously; on the main thread one window of a large sync blocked every request for seconds.
import { Worker } from "node:worker_threads";
import { acquireDataDirLock } from "./dataDirLock";
import type { Db, Queryable } from "./db";
import { StoreUnavailableError } from "./storeErrors";

type Reply = { id: number; ok: boolean; rows?: unknown[]; rowCount?: number; bytes?: Uint8Array; error?: Record<string, unknown> & { message: string } };

/** The embedded store; `dumpDataDir` copies its whole database (a tarball a later store can start from). */
export type PgliteDb = Omit<Db, "secrets"> & { dumpDataDir(): Promise<Uint8Array> };

/**
 * Opens PGlite in `dataDir` (in memory without one) on its own thread; a data directory is locked to this process.
 * `startFrom` names a file written from dumpDataDir that a new database starts as (the tests' migrated template).
 */
export async function openPglite(dataDir?: string, startFrom?: string): Promise<PgliteDb> {
  const lock = dataDir ? await acquireDataDirLock(dataDir) : undefined;
  try {
    return await startWorker(dataDir, startFrom, () => lock?.release());
  } catch (err) {
    await lock?.release();
    throw err;
  }
}

async function startWorker(dataDir: string | undefined, startFrom: string | undefined, onClosed: () => Promise<void> | undefined): Promise<PgliteDb> {
  const worker = new Worker(new URL("./pgliteWorker.mjs", import.meta.url), { workerData: { dataDir, startFrom } });
  const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failure: Error | undefined;
  // The thread keeps the process alive only while it owes an answer, like a socket with a request in flight.
  const keepAlive = () => (pending.size > 0 ? worker.ref() : worker.unref());

  await new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`The embedded database could not start (exit ${code}).`)));
  });
  worker.on("message", (m: Reply) => {
    const call = pending.get(m.id);
    if (!call) return;
    pending.delete(m.id);
    keepAlive();
    call.resolve(m);
  });
  const fail = (err: Error) => {
    failure ??= new StoreUnavailableError(`The embedded database stopped: ${err.message}`);
    for (const call of pending.values()) call.reject(failure);
    pending.clear();
    keepAlive();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`its thread exited (${code})`)));
  keepAlive();

  const call = (message: Record<string, unknown>): Promise<Reply> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    const answer = new Promise<Reply>((resolve, reject) => pending.set(id, { resolve, reject }));
    keepAlive();
    worker.postMessage({ ...message, id });
    return answer.then((r) => (r.ok ? r : Promise.reject(databaseError(r.error!))));
  };

  const queryable = (tx?: number): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await call({ op: "query", sql, params, tx });
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await call({ op: "exec", sql, tx });
    },
  });
  const held = new Set<string>();
  let closed = false;
  return {
    kind: "pglite",
    ...queryable(),
    async execRows(sql: string) {
      return (await call({ op: "script", sql })).rows ?? [];
    },
    async transaction(fn) {
      const begun = await call({ op: "begin" });
      const tx = begun.id;
      let result;
      try {
        result = await fn(queryable(tx));
      } catch (err) {
        await call({ op: "end", tx, commit: false }).catch(() => undefined);
        throw err;
      }
      await call({ op: "end", tx, commit: true });
      return result;
    },
    // Only this process can open the data directory (dataDirLock.ts), so an in-process lock is a lock everywhere.
    async tryWithLock(name, fn) {
      if (held.has(name)) return { acquired: false };
      held.add(name);
      try {
        return { acquired: true, value: await fn(new AbortController().signal) };
      } finally {
        held.delete(name);
      }
    },
    async ready() {
      await call({ op: "query", sql: "SELECT 1" });
    },
    async dumpDataDir() {
      return (await call({ op: "dump" })).bytes!;
    },
    async close() {
      if (closed) return;
      closed = true;
      await call({ op: "close" }).catch(() => undefined);
      await worker.terminate();
      await onClosed();
    },
  };
}

// Rebuilds the worker's database error with the fields callers branch on (code, constraint, hint …).
function databaseError(fields: Record<string, unknown> & { message: string }): Error {
  return Object.assign(new Error(fields.message), fields);
}
