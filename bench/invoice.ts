// Benchmark: invoicing as a user runs it, through the HTTP API of a server started as `npm start` starts it.
//  - "select all" of 10,000 and of 50,000 uninvoiced bookings (500 customers): preview, then POST /api/invoices
//    { filter: {} } → 202 job, timed from the request to the job's end as GET /api/jobs/:id reports it;
//  - a page of 100 of the uninvoiced list with totals at 100,000 stored bookings (p50 / p95 over GET requests).
// The bookings are written straight into the store before the server starts (seeding is not what is measured).
// Usage: npm run bench:invoice   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL). Prints JSON.
import { openDb, type StoreOptions } from "../api/src/shared/db";
import { migrate } from "../api/src/shared/migrate";
import { seedBookings } from "../tests/factories/seedBookings";
import { progress, startServerProcess, summarize, type BenchStore } from "./harness";

const CUSTOMERS = 500;
const LIST_BOOKINGS = Number(process.env.BENCH_LIST_BOOKINGS ?? 100_000);
const SIZES = (process.env.BENCH_INVOICE_SIZES ?? "10000,50000").split(",").map(Number);
const PAGE_SAMPLES = 60;
const TARGET_MS = { pglite: 2_000, postgres: 1_000 } as const; // for 10,000 bookings, request to the job's end
const PAGE_TARGET_MS = 50;
const log = (step: string) => progress("invoice", step);

/** A server whose store already holds `bookings` uninvoiced bookings of one tenant. */
async function serverWith(store: BenchStore, tenantId: string, bookings: number) {
  const server = await startServerProcess({
    graphUrl: "http://127.0.0.1:9/v1.0", // never called: nothing syncs
    store,
    seed: async (options: StoreOptions) => {
      const db = await openDb(options);
      await migrate(db);
      await seedBookings(db, { tenantId, bookings, customers: CUSTOMERS });
      if (db.kind === "postgres") await db.exec("VACUUM ANALYZE"); // the steady state autovacuum keeps a server in
      await db.close();
    },
  });
  return { server, api: await server.signIn(tenantId) };
}

async function selectAll(store: BenchStore, bookings: number) {
  log(`${store.kind}: seeding ${bookings} bookings`);
  const { server, api } = await serverWith(store, `bench-${bookings}`, bookings);
  try {
    const list = (await api.get<{ totals: { count: number; amount: string } }>("/bookings/uninvoiced?limit=1")).totals;
    if (list.count !== bookings) throw new Error(`expected ${bookings} awaiting, the list says ${list.count}`);
    log(`${store.kind}: preview and create ${bookings}`);
    const t0 = performance.now();
    const preview = (await api.post<{ totals: { invoices: number; lines: number } }>("/invoices/preview", { filter: {} })).body;
    const previewMs = performance.now() - t0;
    const requestedAt = Date.now();
    const started = await api.post<{ jobId: string }>("/invoices", { filter: {} });
    if (started.status !== 202) throw new Error(`expected 202, got ${started.status}`);
    let job: { status: string; done: number; total: number; finishedAt: string; result: { invoices: number; lines: number; net: string } };
    // Polled as the tab polls (it asks every 700 ms), but more often; the job's own finishedAt (same machine clock)
    // says when it ended, so the poll interval adds nothing to the figure and the polls take little from the server.
    for (;;) {
      job = await api.get(`/jobs/${started.body.jobId}`);
      if (job.status === "succeeded" || job.status === "failed") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const createMs = Date.parse(job.finishedAt) - requestedAt;
    if (job.status !== "succeeded" || job.result.lines !== bookings || job.result.net !== list.amount) throw new Error(`job ended ${JSON.stringify(job)}`);
    const target = bookings === 10_000 ? TARGET_MS[store.kind] : undefined;
    return {
      bookings,
      customers: CUSTOMERS,
      previewMs: Math.round(previewMs),
      previewDrafts: preview.totals.invoices,
      createToJobEndMs: Math.round(createMs),
      ...(target ? { targetMs: target, met: createMs <= target } : {}),
      invoices: job.result.invoices,
      lines: job.result.lines,
      netEqualsList: job.result.net === list.amount,
    };
  } finally {
    if (process.env.BENCH_SHOW) console.error(server.output().split("\n").filter((l) => /JOB|STEP|PLAN/.test(l)).join("\n"));
    await server.close();
  }
}

async function listPages(store: BenchStore) {
  log(`${store.kind}: seeding ${LIST_BOOKINGS} bookings for the list`);
  const { server, api } = await serverWith(store, "bench-list", LIST_BOOKINGS);
  try {
    const samples: number[] = [];
    const sorts = ["date", "-date", "amount", "customer"];
    for (let i = 0, cursor: string | null = null; i < PAGE_SAMPLES + 4; i++) {
      if (i % 16 === 0) cursor = null;
      const sort = sorts[Math.floor(i / 16) % sorts.length]!;
      const t0 = performance.now();
      const page: { nextCursor: string | null; totals: { count: number } } = await api.get(`/bookings/uninvoiced?limit=100&sort=${sort}${cursor ? `&cursor=${cursor}` : ""}`);
      if (i >= 4) samples.push(performance.now() - t0); // the first pages warm caches
      if (page.totals.count !== LIST_BOOKINGS) throw new Error(`totals.count ${page.totals.count}`);
      cursor = page.nextCursor;
    }
    const s = summarize(samples);
    return { storedBookings: LIST_BOOKINGS, pageSize: 100, ...s, targetP95Ms: PAGE_TARGET_MS, met: s.p95Ms <= PAGE_TARGET_MS };
  } finally {
    await server.close();
  }
}

const stores: BenchStore[] = [{ kind: "pglite" }];
if (process.env.BENCH_DATABASE_URL) stores.push({ kind: "postgres", url: process.env.BENCH_DATABASE_URL });
const results = [];
for (const store of stores) {
  const selectAllRuns = [];
  for (const n of SIZES) selectAllRuns.push(await selectAll(store, n));
  results.push({ store: store.kind, selectAll: selectAllRuns, uninvoicedPage: await listPages(store) });
}
console.log(JSON.stringify({ benchmark: "invoice", through: "the server's HTTP API", results }, null, 2));
