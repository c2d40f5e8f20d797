// Benchmark: sending 1,000 final invoices by e-mail as a user runs it — the server started as `npm start` starts it,
// the Graph emulator in a process of its own enforcing Exchange's pacing per mailbox, POST /api/invoices/send and the
// job's end as GET /api/jobs/:id reports it. The limit is 30 messages a minute, so 1,000 take at least 33.3 minutes;
// the emulator and the server both run at BENCH_SEND_PER_MINUTE (default 600, twenty times faster) and the wall time
// is reported as a ratio to the pacing limit (documents ÷ per-minute), which must stay within 5 %. A second run kills
// the server (kill -9) mid-job and restarts it: every document must end sent exactly once — 0 duplicates, 0 lost.
// Usage: npm run bench:send   (BENCH_DATABASE_URL=postgres://… runs on PostgreSQL instead). Prints JSON.
import { openDb, type StoreOptions } from "../api/src/shared/db";
import { migrate } from "../api/src/shared/migrate";
import { KEY_PROPERTY_ID } from "../api/src/features/graph/mailClient";
import { TEST_SUPPLIER } from "../tests/factories/legalDetails";
import { seedBookings } from "../tests/factories/seedBookings";
import { progress, round, startEmulatorProcess, startServerProcess, type BenchStore } from "./harness";

const DOCUMENTS = Number(process.env.BENCH_SEND_DOCUMENTS ?? 1000);
const PER_MINUTE = Number(process.env.BENCH_SEND_PER_MINUTE ?? 600);
const TENANT = "bench-send";
const MAILBOX = "facturen@contoso.example";
const log = (step: string) => progress("send", step);

type Job = { status: string; done: number; failed: number; total: number };
type Mail = { extendedProperties: Record<string, string>; to: string[]; attachments: { name: string }[] };

const store: BenchStore = process.env.BENCH_DATABASE_URL ? { kind: "postgres", url: process.env.BENCH_DATABASE_URL } : { kind: "pglite" };

async function run(kill: boolean) {
  const emulator = await startEmulatorProcess({ latencyMs: 20, seed: "empty", mailPerMinute: PER_MINUTE });
  const env = { MAIL_PER_MINUTE: String(PER_MINUTE), MAIL_RECONCILE_SECONDS: "1" };
  let server = await startServerProcess({
    graphUrl: emulator.graphUrl,
    store,
    env,
    seed: async (options: StoreOptions) => {
      const db = await openDb(options);
      await migrate(db);
      const settings = { customerTemplate: { taxRate: 21, paymentTermsDays: 14, language: "nl" }, supplier: TEST_SUPPLIER, timeZone: "Europe/Amsterdam", delivery: { enabled: true, senderMailbox: MAILBOX } };
      await db.query("INSERT INTO tenant_setup (tenant_id, business_id, business_name, currency, settings) VALUES ($1, 'seed@contoso.example', 'Seed', 'EUR', $2)", [TENANT, JSON.stringify(settings)]);
      await seedBookings(db, { tenantId: TENANT, bookings: DOCUMENTS, customers: DOCUMENTS });
      await db.query(`UPDATE customers SET address = '{"street": "Oudegracht 1", "postalCode": "3511 AA", "city": "Utrecht", "countryCode": "NL"}' WHERE tenant_id = $1`, [TENANT]);
      await db.close();
    },
  });
  try {
    let api = await server.signIn(TENANT);
    log(`${kill ? "kill run" : "clean run"}: ${DOCUMENTS} drafts, finalized one by one (not measured)`);
    const created = await api.post<{ jobId?: string; invoices?: { id: string }[] }>("/invoices", { filter: {}, groupBy: "booking" });
    if (created.body.jobId) await waitFor(api, created.body.jobId, (j) => j.status === "succeeded");
    const drafts: string[] = [];
    for (let cursor: string | null = null; ; ) {
      const page: { items: { id: string }[]; nextCursor: string | null } = await api.get(`/invoices?status=draft&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      drafts.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    if (drafts.length !== DOCUMENTS) throw new Error(`expected ${DOCUMENTS} drafts, got ${drafts.length}`);
    for (let i = 0; i < drafts.length; i += 8) await Promise.all(drafts.slice(i, i + 8).map((id) => api.post(`/invoices/${id}/finalize`)));

    log(`${kill ? "kill run" : "clean run"}: send ${DOCUMENTS} at ${PER_MINUTE} a minute`);
    const t0 = performance.now();
    const started = await api.post<{ jobId: string; queued: number }>("/invoices/send", { filter: { status: "final" } });
    if (started.body.queued !== DOCUMENTS) throw new Error(`queued ${started.body.queued}`);
    let restartMs: number | null = null;
    let killedAtDone: number | null = null;
    if (kill) {
      const at = await waitFor(api, started.body.jobId, (j) => j.done >= DOCUMENTS * 0.4);
      killedAtDone = at.done;
      log(`kill -9 at ${at.done} sent`);
      await server.kill();
      const t1 = performance.now();
      server = await startServerProcess({ graphUrl: emulator.graphUrl, store, env, restartFrom: server.restartFrom });
      restartMs = Math.round(performance.now() - t1);
      api = await server.signIn(TENANT);
    }
    const job = await waitFor(api, started.body.jobId, (j) => j.status === "succeeded" || j.status === "failed");
    const wallMs = performance.now() - t0;
    const mail = await emulator.admin<Mail[]>("GET", `/mail?mailbox=${encodeURIComponent(MAILBOX)}`);
    const keys = mail.map((m) => m.extendedProperties[Object.keys(m.extendedProperties).find((k) => k.toLowerCase() === KEY_PROPERTY_ID.toLowerCase())!]);
    const finals: { id: string; delivery: { status: string } }[] = [];
    for (let cursor: string | null = null; ; ) {
      const page: { items: { id: string; delivery: { status: string } }[]; nextCursor: string | null } = await api.get(`/invoices?status=final&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      finals.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    const expected = new Set(finals.map((f) => `${f.id}.1`));
    const idealMs = (DOCUMENTS / PER_MINUTE) * 60_000;
    return {
      run: kill ? "kill -9 at 40 %, restart" : "uninterrupted",
      store: store.kind,
      documents: DOCUMENTS,
      perMinute: PER_MINUTE,
      job: { status: job.status, done: job.done, failed: job.failed },
      wallMs: Math.round(wallMs),
      pacingLimitMs: Math.round(idealMs),
      ratioToPacingLimit: round((wallMs / idealMs) * 1000) / 1000,
      atExchangeRate: { pacingLimitMinutes: round(DOCUMENTS / 30), projectedWallMinutes: round(((wallMs / idealMs) * DOCUMENTS) / 30) },
      messages: mail.length,
      duplicates: keys.length - new Set(keys).size,
      lost: [...expected].filter((k) => !keys.includes(k)).length,
      notSent: finals.filter((f) => f.delivery.status !== "sent").length,
      ...(kill ? { killedAtDone, restartMs } : {}),
    };
  } finally {
    await server.close();
    await emulator.close();
  }
}

async function waitFor(api: Awaited<ReturnType<Awaited<ReturnType<typeof startServerProcess>>["signIn"]>>, jobId: string, done: (j: Job) => boolean): Promise<Job> {
  for (;;) {
    const job = await api.get<Job>(`/jobs/${jobId}`);
    if (done(job)) return job;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const results = [await run(false), await run(true)];
console.log(JSON.stringify({ benchmark: "send", results }, null, 2));
