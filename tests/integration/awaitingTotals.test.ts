// Covers the per-day totals log of migration 006: after inserts, creates, deletes, cancellations, moves and compaction,
// the list's totals for any date range equal a plain aggregate over the bookings, on both stores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { priceEveryAttendee } from "../../api/src/features/bookings/priceAttendees";
import { compactGrownDayLogs, uninvoicedTotals } from "../../api/src/features/bookings/bookings.repository";
import { createInvoices } from "../../api/src/features/invoices/createInvoices";
import { deleteDraft } from "../../api/src/features/invoices/deleteDraft";
import { openDb, type Db } from "../../api/src/shared/db";
import { migrate } from "../../api/src/shared/migrate";
import { testStore, testStores } from "../factories/testServer";

const T = "tenant-days";
const NOW = new Date("2026-11-20T14:30:00Z");
const HOUR = 3_600_000;

// The oracle: the awaiting predicate written out once more, over every booking.
async function expected(db: Db, from?: Date, to?: Date) {
  const { rows } = await db.query<{ count: number; amount: string }>(
    `SELECT count(*)::int AS count, COALESCE(sum(open_amount), 0)::numeric(19,2)::text AS amount FROM bookings
     WHERE tenant_id = $1 AND cancelled_at IS NULL AND price_type <> 'free' AND (open_count > 0 OR attendee_count = 0) AND end_at <= $2
       AND ($3::timestamptz IS NULL OR start_at >= $3) AND ($4::timestamptz IS NULL OR start_at < $4)`,
    [T, NOW, from ?? null, to ?? null],
  );
  return rows[0]!;
}

// Ranges with edges at midnight, mid-day, on the running booking's day and in the future.
const RANGES: [Date | undefined, Date | undefined][] = [
  [undefined, undefined],
  [new Date("2026-11-10T00:00:00Z"), new Date("2026-11-15T00:00:00Z")],
  [new Date("2026-11-10T09:15:00Z"), new Date("2026-11-15T16:45:00Z")],
  [new Date("2026-11-19T00:00:00Z"), undefined],
  [undefined, new Date("2026-11-12T12:00:00Z")],
  [new Date("2026-11-20T00:00:00Z"), new Date("2026-12-31T00:00:00Z")],
];

async function expectTotalsMatch(db: Db, label: string) {
  for (const [from, to] of RANGES) {
    const got = await uninvoicedTotals(db, T, NOW, { from, to });
    const want = await expected(db, from, to);
    expect({ count: got.count, amount: Number(got.amount).toFixed(2) }, `${label} ${from?.toISOString()}..${to?.toISOString()}`).toEqual({
      count: want.count,
      amount: want.amount,
    });
  }
}

describe.each(testStores())("per-day uninvoiced totals on %s", (kind) => {
  const { store, dropStore } = testStore(kind);
  let db: Db;
  const deps = () => ({ db, now: () => NOW });

  beforeAll(async () => {
    db = await openDb(store);
    await migrate(db);
    await db.query("INSERT INTO tenant_setup (tenant_id, business_id, business_name, currency, settings) VALUES ($1, 'b@x.example', 'B', 'EUR', '{}')", [T]);
    await db.query(
      `INSERT INTO customers (tenant_id, bookings_customer_id, name, email, tax_rate, currency)
       SELECT $1, 'cust-' || g, 'Customer ' || g, 'c' || g || '@x.example', 21, 'EUR' FROM generate_series(1, 7) g`,
      [T],
    );
    // 240 bookings every 2 h from Nov 1, 50 minutes each: some end after NOW, some start in the future.
    await db.query(
      `INSERT INTO bookings (tenant_id, id, business_id, service_id, service_name, start_at, end_at, price, price_type, currency)
       SELECT $1, 'bk-' || g, 'b@x.example', 's', 'Service', $2::timestamptz + g * interval '2 hours', $2::timestamptz + g * interval '2 hours' + interval '50 minutes',
              60 + g % 5, CASE WHEN g % 7 = 0 THEN 'free' WHEN g % 2 = 0 THEN 'fixedPrice' ELSE 'hourly' END, 'EUR'
       FROM generate_series(0, 239) g`,
      [T, "2026-11-01T00:00:00Z"],
    );
    // One booking started yesterday and still running, one long one that ended this morning.
    await db.query(
      `INSERT INTO bookings (tenant_id, id, business_id, service_id, service_name, start_at, end_at, price, price_type, currency) VALUES
       ($1, 'long-running', 'b@x.example', 's', 'Retreat', '2026-11-19T09:00:00Z', '2026-11-21T17:00:00Z', 900, 'fixedPrice', 'EUR'),
       ($1, 'long-ended', 'b@x.example', 's', 'Retreat', '2026-11-18T09:00:00Z', '2026-11-20T09:00:00Z', 700, 'fixedPrice', 'EUR')`,
      [T],
    );
    await db.query(
      `INSERT INTO booking_attendees (tenant_id, booking_id, attendee_key, position, bookings_customer_id, name, email, customer_id)
       SELECT b.tenant_id, b.id, 'c:' || c.bookings_customer_id, 0, c.bookings_customer_id, c.name, c.email, c.id
       FROM bookings b JOIN customers c ON c.tenant_id = b.tenant_id AND c.bookings_customer_id = 'cust-' || (1 + length(b.id) % 7)
       WHERE b.tenant_id = $1`,
      [T],
    );
    await priceEveryAttendee(db);
  });
  afterAll(async () => {
    await db?.close();
    await dropStore();
  });

  it("equals the plain aggregate after seeding, for every range", async () => {
    const all = await expected(db);
    expect(all.count).toBeGreaterThan(150);
    await expectTotalsMatch(db, "seeded");
  });

  it("follows creates, deletes, cancellations, moves and price changes, before and after compaction", async () => {
    const { body: created } = (await createInvoices(deps(), T, "u", { bookingIds: ["bk-3", "bk-4", "bk-30", "bk-31", "bk-100"], skipConflicts: false })) as { body: { invoices: { id: string }[] } };
    expect(created.invoices.length).toBeGreaterThan(0);
    await expectTotalsMatch(db, "after create");
    await expect(deleteDraft({ db }, T, created.invoices[0]!.id)).resolves.toBeUndefined();
    await expectTotalsMatch(db, "after delete");
    await db.query("UPDATE bookings SET cancelled_at = $2 WHERE tenant_id = $1 AND id IN ('bk-5', 'bk-6')", [T, NOW]);
    // Moved into the running present: its day must be read row by row again.
    await db.query("UPDATE bookings SET end_at = $2 WHERE tenant_id = $1 AND id = 'bk-11'", [T, new Date(NOW.getTime() + 5 * HOUR)]);
    await db.query("UPDATE booking_attendees SET amount = amount + 12.5 WHERE tenant_id = $1 AND booking_id IN ('bk-12', 'bk-13')", [T]);
    await db.query("DELETE FROM bookings WHERE tenant_id = $1 AND id = 'bk-14'", [T]);
    await expectTotalsMatch(db, "after edits");
    const before = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM awaiting_day_deltas WHERE tenant_id = $1", [T])).rows[0]!.n;
    await db.query("SELECT compact_awaiting_days($1)", [T]);
    const after = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM awaiting_day_deltas WHERE tenant_id = $1", [T])).rows[0]!.n;
    expect(after).toBeLessThan(before);
    await expectTotalsMatch(db, "after compaction");
  });

  it("folds a log grown by many edits between syncs, and leaves a small one alone", async () => {
    const rows = async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM awaiting_day_deltas WHERE tenant_id = $1", [T])).rows[0]!.n;
    await db.query("SELECT compact_awaiting_days($1)", [T]);
    expect(await compactGrownDayLogs(db)).toBe(0);
    const folded = await rows();
    // Each price change appends one delta row (count 0, amount +1) for the booking's day.
    for (let i = 0; i < 200; i++) await db.query("UPDATE booking_attendees SET amount = amount + 1 WHERE tenant_id = $1 AND booking_id = 'bk-20'", [T]);
    expect(await rows()).toBe(folded + 200);
    await expectTotalsMatch(db, "before folding");
    expect(await compactGrownDayLogs(db)).toBe(1);
    expect(await rows()).toBe(folded);
    await expectTotalsMatch(db, "after folding");
  });

  it("writes no delta when a re-sync leaves bookings unchanged", async () => {
    const count = async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM awaiting_day_deltas")).rows[0]!.n;
    const before = await count();
    await db.query("UPDATE bookings SET service_name = service_name WHERE tenant_id = $1", [T]);
    expect(await count()).toBe(before);
  });
});
