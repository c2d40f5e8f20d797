// Covers the per-day totals log of migration 006: after inserts, creates, deletes, cancellations, moves and compaction,
// the list's totals for any date range equal a plain aggregate over the bookings, on both stores. And its services
// (migration 018): the VAT estimate of a range read from the log is the one read row by row, to the cent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { priceEveryAttendee } from "../../api/src/features/bookings/priceAttendees";
import { compactGrownDayLogs, uninvoicedTotals, type UninvoicedFilter } from "../../api/src/features/bookings/bookings.repository";
import { listUninvoiced } from "../../api/src/features/bookings/listUninvoiced";
import { createInvoices } from "../../api/src/features/invoices/createInvoices";
import { deleteDraft } from "../../api/src/features/invoices/deleteDraft";
import { openDb, type Db, type StoreOptions } from "../../api/src/shared/db";
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

const TAXED = "tenant-days-tax";

// One attendee each, an hour long: [id, service, start, amount]. s21 is standard-rated at 21 %, s9 at 9 %, sE exempt;
// s-none has no item and nor has the booking without a service: both take the item template's VAT (S at 9 %), as a
// create bills them. b12 runs past NOW, so its day is read row by row while the days before it come from the log.
const TAXED_BOOKINGS: [string, string | null, string, string][] = [
  ["b1", "s21", "2026-11-02T09:00:00Z", "10.05"],
  ["b2", "s9", "2026-11-02T11:00:00Z", "15.55"],
  ["b3", "sE", "2026-11-02T13:00:00Z", "80.00"],
  ["b4", "s21", "2026-11-03T09:00:00Z", "20.10"],
  ["b5", "s9", "2026-11-03T11:00:00Z", "27.27"],
  ["b6", "s-none", "2026-11-03T13:00:00Z", "12.34"],
  ["b7", "s21", "2026-11-04T09:00:00Z", "33.33"],
  ["b8", "sE", "2026-11-04T11:00:00Z", "45.50"],
  ["b9", null, "2026-11-04T13:00:00Z", "7.77"],
  ["b10", "s21", "2026-11-20T09:00:00Z", "33.33"],
  ["b11", "s9", "2026-11-20T10:30:00Z", "40.00"],
  ["b12", "s21", "2026-11-20T14:00:00Z", "100.00"],
];

async function addTaxedBooking(db: Db, [id, service, start, amount]: (typeof TAXED_BOOKINGS)[number]) {
  await db.query(
    `INSERT INTO bookings (tenant_id, id, business_id, service_id, service_name, start_at, end_at, price, price_type, currency)
     VALUES ($1, $2, 'b@x.example', $3, 'Service', $4, $4::timestamptz + interval '1 hour', $5, 'fixedPrice', 'EUR')`,
    [TAXED, id, service, start, amount],
  );
  await db.query(
    `INSERT INTO booking_attendees (tenant_id, booking_id, attendee_key, position, name, email, quantity, unit_price, amount)
     VALUES ($1, $2, 'a0', 0, 'Ada', 'ada@x.example', 1, $3, $3)`,
    [TAXED, id, amount],
  );
}

describe.each(testStores())("the VAT estimate of the per-day log on %s", (kind) => {
  const { store: given, dropStore } = testStore(kind);
  // An empty store of its own, never one started already migrated: the bookings are stored under migration 017.
  const store: StoreOptions = given.kind === "pglite" ? { kind: "pglite" } : given;
  let db: Db;
  let applied: string[];
  const totals = async (filter: UninvoicedFilter) => (await listUninvoiced({ db, now: () => NOW }, TAXED, { ...filter, sort: "date", limit: 1 })).totals;
  // Every booking here is fixedPrice: this filter keeps them all but leaves the per-day log aside.
  const rowByRow = (filter: UninvoicedFilter): UninvoicedFilter => ({ ...filter, priceType: ["fixedPrice"] });
  const setPricesIncludeTax = (included: boolean) =>
    db.query(`UPDATE tenant_setup SET settings = jsonb_set(settings, '{pricesIncludeTax}', $2::jsonb) WHERE tenant_id = $1`, [TAXED, JSON.stringify(included)]);
  // The log summed per service (the running booking included: the log does not know the clock), and its raw rows.
  const logByService = async () =>
    (
      await db.query(
        `SELECT service_id, sum(bookings)::int AS bookings, trim_scale(sum(amount))::text AS amount FROM awaiting_day_deltas
         WHERE tenant_id = $1 GROUP BY 1 HAVING sum(bookings) <> 0 ORDER BY 1`,
        [TAXED],
      )
    ).rows;
  const logRows = async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM awaiting_day_deltas WHERE tenant_id = $1", [TAXED])).rows[0]!.n;
  const LOG_RANGES: UninvoicedFilter[] = [
    {},
    { from: new Date("2026-11-02T00:00:00Z"), to: new Date("2026-11-04T00:00:00Z") },
    { from: new Date("2026-11-03T12:00:00Z") },
    { from: new Date("2026-11-20T00:00:00Z") },
    { to: new Date("2026-11-05T00:00:00Z") },
  ];
  async function expectLogTaxesAsRows(label: string) {
    for (const range of LOG_RANGES) {
      expect(await totals(range), `${label} ${range.from?.toISOString()}..${range.to?.toISOString()}`).toEqual(await totals(rowByRow(range)));
    }
  }

  beforeAll(async () => {
    db = await openDb(store);
    // Stored before migration 018, whose log had no service: 018 writes it anew from these bookings.
    await migrate(db, { upTo: "017" });
    await db.query(
      `INSERT INTO tenant_setup (tenant_id, business_id, business_name, currency, settings) VALUES ($1, 'b@x.example', 'B', 'EUR', $2)`,
      [TAXED, JSON.stringify({ pricesIncludeTax: false, itemTemplate: { type: "service", unitOfMeasure: "hour", taxCategory: "S", taxRate: "9" } })],
    );
    await db.query(
      `INSERT INTO service_items (tenant_id, bookings_service_id, name, price_type, tax_category, tax_rate, tax_exemption_reason) VALUES
       ($1, 's21', 'Haircut', 'fixedPrice', 'S', 21, NULL), ($1, 's9', 'Hair care', 'fixedPrice', 'S', 9, NULL),
       ($1, 'sE', 'Physiotherapy', 'fixedPrice', 'E', 0, 'Vrijgesteld van btw op grond van art. 11 lid 1 onder g Wet OB')`,
      [TAXED],
    );
    for (const booking of TAXED_BOOKINGS) await addTaxedBooking(db, booking);
    applied = await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await dropStore();
  });

  it("rebuilds the log per service in migration 018, and taxes it per (category, rate) as the rows are", async () => {
    // 018 runs first over the data of 017 (later migrations may follow it).
    expect(applied[0]).toBe("018");
    expect(await logByService()).toEqual([
      { service_id: "s-none", bookings: 1, amount: "12.34" },
      { service_id: "s21", bookings: 5, amount: "196.81" },
      { service_id: "s9", bookings: 3, amount: "82.82" },
      { service_id: "sE", bookings: 2, amount: "125.5" },
      { service_id: null, bookings: 1, amount: "7.77" },
    ]);
    // 21 %: 96.81 → 20.33 (20.3301); 9 %: 82.82 + the template's 12.34 + 7.77 = 102.93 → 9.26 (9.2637); exempt 125.50 → 0.
    expect(await totals({})).toEqual({ count: 11, amount: "325.24", currency: "EUR", tax: "29.59" });
    // Nov 2 and 3: 21 % 30.15 → 6.33 (6.3315); 9 % 42.82 + 12.34 = 55.16 → 4.96 (4.9644); exempt 80.00.
    expect(await totals(LOG_RANGES[1]!)).toEqual({ count: 6, amount: "165.31", currency: "EUR", tax: "11.29" });
    await expectLogTaxesAsRows("after the migration");
  });

  it("splits the VAT out of the amounts when prices include it", async () => {
    await setPricesIncludeTax(true);
    try {
      // 21 %: 96.81 ÷ 1.21 = 80.008… → net 80.01, VAT 16.80; 9 %: 102.93 ÷ 1.09 = 94.431… → net 94.43, VAT 8.50.
      expect(await totals({})).toEqual({ count: 11, amount: "325.24", currency: "EUR", tax: "25.30" });
      await expectLogTaxesAsRows("prices include tax");
    } finally {
      await setPricesIncludeTax(false);
    }
  });

  it("follows an item's new rate at once, on the log's days as on the rows", async () => {
    await db.query("UPDATE service_items SET tax_rate = 9 WHERE tenant_id = $1 AND bookings_service_id = 's21'", [TAXED]);
    try {
      // Everything but the exempt 125.50 at 9 %: 199.74 → 17.98 (17.9766).
      expect(await totals({})).toEqual({ count: 11, amount: "325.24", currency: "EUR", tax: "17.98" });
      await expectLogTaxesAsRows("s21 at 9 %");
    } finally {
      await db.query("UPDATE service_items SET tax_rate = 21 WHERE tenant_id = $1 AND bookings_service_id = 's21'", [TAXED]);
    }
  });

  it("stays right after bookings are added, moved to another service, repriced, cancelled and deleted, and after compaction", async () => {
    await addTaxedBooking(db, ["b13", "sE", "2026-11-05T09:00:00Z", "19.99"]);
    await db.query("UPDATE bookings SET service_id = 's9' WHERE tenant_id = $1 AND id = 'b4'", [TAXED]);
    await db.query("UPDATE booking_attendees SET amount = 16.00 WHERE tenant_id = $1 AND booking_id = 'b2'", [TAXED]);
    await db.query("UPDATE bookings SET cancelled_at = $2 WHERE tenant_id = $1 AND id = 'b9'", [TAXED, NOW]);
    await db.query("DELETE FROM bookings WHERE tenant_id = $1 AND id = 'b8'", [TAXED]);
    const expected = async (label: string) => {
      expect(await logByService(), label).toEqual([
        { service_id: "s-none", bookings: 1, amount: "12.34" },
        { service_id: "s21", bookings: 4, amount: "176.71" },
        { service_id: "s9", bookings: 4, amount: "103.37" },
        { service_id: "sE", bookings: 2, amount: "99.99" },
      ]);
      // 21 %: 76.71 → 16.11 (16.1091); 9 %: 103.37 + 12.34 = 115.71 → 10.41 (10.4139); exempt 99.99.
      expect(await totals({}), label).toEqual({ count: 10, amount: "292.41", currency: "EUR", tax: "26.52" });
      await expectLogTaxesAsRows(label);
    };
    await expected("after the edits");
    const before = await logRows();
    await db.query("SELECT compact_awaiting_days($1)", [TAXED]);
    // One row per day and service with awaiting bookings: Nov 2 (s21, s9, sE), 3 (s9, s-none), 4 (s21), 5 (sE), 20 (s21, s9).
    expect([before > 9, await logRows()]).toEqual([true, 9]);
    await expected("after compaction");
  });
});
