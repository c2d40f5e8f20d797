// Benchmark: preview and create drafts for 10,000 uninvoiced bookings of 500 customers, a plain multi-row INSERT of as
// many lines for comparison, and the p95 of an uninvoiced page of 100 with totals at 100,000 stored bookings.
// Usage: npm run bench:invoice   (BENCH_DATABASE_URL=postgres://… adds the PostgreSQL run). Prints JSON.
import { randomUUID } from "node:crypto";
import { priceEveryAttendee } from "../api/src/features/bookings/priceAttendees";
import { listUninvoiced } from "../api/src/features/bookings/listUninvoiced";
import { createInvoices, previewInvoices } from "../api/src/features/invoices/createInvoices";
import { openDb, type Db, type StoreOptions } from "../api/src/shared/db";
import { migrate } from "../api/src/shared/migrate";

const CREATE_BOOKINGS = 10_000;
const LIST_BOOKINGS = 100_000;
const CUSTOMERS = 500;
const PAGE_SAMPLES = 60;

/** Inserts `n` completed bookings (fixed-price and hourly) with one attendee each, spread over `customers` customers. */
async function seed(db: Db, tenantId: string, n: number, customers: number): Promise<void> {
  await db.query("INSERT INTO tenant_setup (tenant_id, business_id, business_name, currency, settings) VALUES ($1, 'bench@contoso.example', 'Bench', 'EUR', $2)", [
    tenantId,
    JSON.stringify({ customerTemplate: { taxRate: 21, paymentTermsDays: 14, language: "en" } }),
  ]);
  await db.query(
    `INSERT INTO customers (tenant_id, bookings_customer_id, name, email, tax_rate, currency)
     SELECT $1, 'cust-' || g, 'Customer ' || g, 'customer' || g || '@bench.example', 21, 'EUR' FROM generate_series(1, $2) g`,
    [tenantId, customers],
  );
  await db.query(
    `INSERT INTO bookings (tenant_id, id, business_id, service_id, service_name, start_at, end_at, price, price_type, currency)
     SELECT $1, 'bk-' || g, 'bench@contoso.example', 'svc-' || (g % 4), 'Service ' || (g % 4),
            now() - interval '400 days' + g * interval '5 minutes', now() - interval '400 days' + g * interval '5 minutes' + interval '50 minutes',
            CASE WHEN g % 2 = 0 THEN 85 ELSE 75 END, CASE WHEN g % 2 = 0 THEN 'fixedPrice' ELSE 'hourly' END, 'EUR'
     FROM generate_series(1, $2) g`,
    [tenantId, n],
  );
  await db.query(
    `INSERT INTO booking_attendees (tenant_id, booking_id, attendee_key, position, bookings_customer_id, name, email, customer_id)
     SELECT $1, 'bk-' || g, 'c:cust-' || (1 + g % $3), 0, 'cust-' || (1 + g % $3), c.name, c.email, c.id
     FROM generate_series(1, $2) g JOIN customers c ON c.tenant_id = $1 AND c.bookings_customer_id = 'cust-' || (1 + g % $3)`,
    [tenantId, n, customers],
  );
}

const progress = (step: string) => console.error(`[bench:invoice] ${new Date().toISOString().slice(11, 19)} ${step}`);

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: Math.round((performance.now() - t0) * 10) / 10, value };
}

async function runOn(options: StoreOptions, cleanup: () => Promise<void>) {
  const db = await openDb(options);
  await migrate(db);
  const deps = { db, now: () => new Date() };
  progress(`${options.kind}: seeding ${CREATE_BOOKINGS} bookings`);
  await seed(db, "bench-create", CREATE_BOOKINGS, CUSTOMERS);
  await priceEveryAttendee(db);
  await db.exec("VACUUM ANALYZE"); // the steady state autovacuum keeps a PostgreSQL server in (PGlite: the app analyzes after syncs)
  progress("preview and create");
  const preview = await timed(() => previewInvoices(deps, "bench-create", "bench", { filter: {}, skipConflicts: false }));
  const create = await timed(() => createInvoices(deps, "bench-create", "bench", { filter: {}, skipConflicts: false }));
  const lines = create.value.totals.lines;
  // Baseline: one plain multi-row INSERT of as many lines into a table shaped like invoice_lines, without constraints.
  await db.exec("CREATE TABLE bench_lines (LIKE invoice_lines INCLUDING DEFAULTS)");
  const invoiceId = randomUUID();
  const baseline = await timed(() =>
    db.query(
      `INSERT INTO bench_lines (tenant_id, invoice_id, position, booking_id, attendee_key, description, service_date, quantity, unit_price, amount, tax_rate, price_type)
       SELECT 'bench', $1, g, 'bk-' || g, 'k', 'Service · 50 min', current_date, 1, 85, 85, 21, 'fixedPrice' FROM generate_series(1, $2) g`,
      [invoiceId, lines],
    ),
  );

  progress(`seeding ${LIST_BOOKINGS} bookings for the list`);
  await seed(db, "bench-list", LIST_BOOKINGS, CUSTOMERS);
  await priceEveryAttendee(db);
  await db.exec("VACUUM ANALYZE");
  progress("timing pages");
  const samples: number[] = [];
  let cursor: string | undefined;
  const sorts = ["date", "-date", "amount", "customer"] as const;
  for (let i = 0; i < PAGE_SAMPLES; i++) {
    const sort = sorts[Math.floor(i / 15)]!;
    if (i % 15 === 0) cursor = undefined;
    const page = await timed(() => listUninvoiced(deps, "bench-list", { sort, cursor, limit: 100 }));
    if (i >= 4) samples.push(page.ms); // the first pages warm caches
    cursor = page.value.nextCursor ?? undefined;
    if (page.value.totals.count !== LIST_BOOKINGS) throw new Error(`totals.count ${page.value.totals.count}`);
  }
  samples.sort((a, b) => a - b);
  const p95 = samples[Math.ceil(samples.length * 0.95) - 1]!;
  await db.close();
  await cleanup();
  const createTarget = options.kind === "pglite" ? 2000 : 1000;
  return {
    store: options.kind,
    bookings: CREATE_BOOKINGS,
    customers: CUSTOMERS,
    previewMs: preview.ms,
    createMs: create.ms,
    createTargetMs: createTarget,
    createMet: create.ms <= createTarget,
    invoices: create.value.totals.invoices,
    lines,
    plainInsertMs: baseline.ms,
    createToPlainInsertRatio: Math.round((create.ms / baseline.ms) * 10) / 10,
    uninvoicedPage: { storedBookings: LIST_BOOKINGS, pageSize: 100, samples: samples.length, p50Ms: samples[Math.floor(samples.length / 2)], p95Ms: p95, targetMs: 50, met: p95 <= 50 },
  };
}

const results = [await runOn({ kind: "pglite" }, async () => undefined)];
const pgUrl = process.env.BENCH_DATABASE_URL;
if (pgUrl) {
  const schema = `bench_${randomUUID().slice(0, 8)}`;
  results.push(
    await runOn({ kind: "postgres", url: pgUrl, schema }, async () => {
      const admin = await openDb({ kind: "postgres", url: pgUrl });
      await admin.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.close();
    }),
  );
}
console.log(JSON.stringify({ benchmark: "invoice", results }, null, 2));
