// The embedded store's thread: PGlite (PostgreSQL compiled to WebAssembly) runs here, so a long statement never
// blocks the API's event loop. The main thread sends { id, op, … } and gets { id, ok, … } back (pgliteStore.ts).
// Plain JavaScript on purpose: a worker thread starts without the TypeScript loader the main thread may run under.
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

// A new in-memory database starts from a dump of another (dumpDataDir) when given one: PGlite's initdb is the slow
// part of opening a store, and the test suites open a migrated store for nearly every test.
const startFrom = workerData.startFrom ? { loadDataDir: new Blob([readFileSync(workerData.startFrom)]) } : undefined;
// One options object: given a first argument that is not a string, PGlite ignores the second.
const lite = new PGlite({ dataDir: workerData.dataDir ?? undefined, ...startFrom });
const open = new Map(); // transaction id → { tx, finish(commit) }
const ROLLBACK = Symbol("rollback");

/** The fields of a database error the main thread branches on (code, constraint, hint …), as a plain object. */
function plainError(err) {
  const e = err ?? {};
  const out = { message: String(e.message ?? e), name: e.name ?? "Error" };
  for (const k of ["code", "constraint", "detail", "hint", "severity", "table", "column", "schema", "position", "routine"]) {
    if (e[k] !== undefined) out[k] = e[k];
  }
  return out;
}

const reply = (id, body) => parentPort.postMessage({ id, ...body });

async function target(txId) {
  if (txId === undefined) return lite;
  const entry = open.get(txId);
  if (!entry) throw new Error("The transaction has already ended.");
  return entry.tx;
}

function begin(id) {
  let finish;
  const decided = new Promise((resolve) => (finish = resolve));
  const entry = { tx: null, finish, endId: null };
  lite
    .transaction(async (tx) => {
      entry.tx = tx;
      open.set(id, entry);
      reply(id, { ok: true });
      if (!(await decided)) throw ROLLBACK;
    })
    .then(
      () => reply(entry.endId, { ok: true }),
      (err) => {
        // A transaction that could not begin answers its begin; one that ended answers its end.
        if (entry.endId === null) reply(id, { ok: false, error: plainError(err) });
        else if (err === ROLLBACK) reply(entry.endId, { ok: true });
        else reply(entry.endId, { ok: false, error: plainError(err) });
      },
    )
    .finally(() => open.delete(id));
}

async function handle(m) {
  switch (m.op) {
    case "query": {
      const r = await (await target(m.tx)).query(m.sql, m.params ?? []);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    }
    case "exec":
      await (await target(m.tx)).exec(m.sql);
      return {};
    case "script": {
      // A script (pg-boss's) runs inside one of PGlite's transactions: nothing interleaves with it, and one that fails
      // inside its own BEGIN is rolled back instead of leaving the session in an aborted transaction.
      const rows = await lite.transaction(async (tx) => (await tx.exec(m.sql)).flatMap((r) => r.rows ?? []));
      return { rows };
    }
    case "dump": {
      const blob = await lite.dumpDataDir("none");
      return { bytes: new Uint8Array(await blob.arrayBuffer()) };
    }
    case "close":
      await lite.close();
      return {};
    default:
      throw new Error(`unknown operation ${m.op}`);
  }
}

await lite.waitReady;
parentPort.on("message", (m) => {
  if (m.op === "begin") return begin(m.id);
  if (m.op === "end") {
    const entry = open.get(m.tx);
    if (!entry) return reply(m.id, { ok: false, error: { message: "The transaction has already ended." } });
    entry.endId = m.id;
    return entry.finish(m.commit);
  }
  handle(m).then(
    (body) => reply(m.id, { ok: true, ...body }),
    (err) => reply(m.id, { ok: false, error: plainError(err) }),
  );
});
parentPort.postMessage({ ready: true });
