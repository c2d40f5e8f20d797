// Covers migration 012's stored "awaiting" column on both stores: applied over data stored by 011 it marks exactly the
// bookings that awaited invoicing and leaves the per-day log and the open state as they were; then it follows invoice
// lines, cancellations and attendees, and the per-day log with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUninvoicedIds, uninvoicedTotals } from "../../api/src/features/bookings/bookings.repository";
import { openDb, type Db } from "../../api/src/shared/db";
import { migrate } from "../../api/src/shared/migrate";
import { testStore, testStores } from "../factories/testServer";

const T = "tenant-awaiting";
const NOW = new Date("2026-11-20T12:00:00Z");

// One booking of each kind the predicate tells apart: [id, start, price type, currency, attendee amounts, invoiced attendees].
const BOOKINGS: [string, string, string, string, number[], number][] = [
  ["bk-open", "2026-11-02T09:00:00Z", "fixedPrice", "EUR", [80], 0],
  ["bk-partly", "2026-11-02T11:00:00Z", "fixedPrice", "EUR", [80, 80], 1],
  ["bk-no-attendees", "2026-11-03T09:00:00Z", "hourly", "EUR", [], 0],
  ["bk-usd", "2026-11-03T13:00:00Z", "fixedPrice", "USD", [50], 0],
  ["bk-invoiced", "2026-11-03T15:00:00Z", "fixedPrice", "EUR", [80], 1],
  ["bk-cancelled", "2026-11-04T09:00:00Z", "fixedPrice", "EUR", [80], 0],
  ["bk-free", "2026-11-04T11:00:00Z", "free", "EUR", [0], 0],
];

async function seed(db: Db): Promise<string> {
  const customer = (await db.query<{ id: string }>("INSERT INTO customers (tenant_id, name, email) VALUES ($1, 'Ada', 'ada@x.example') RETURNING id", [T])).rows[0]!.id;
  const invoice = (await db.query<{ id: string }>("INSERT INTO invoices (tenant_id, customer_id, currency, issue_date, net, tax, total) VALUES ($1, $2, 'EUR', '2026-11-10', 0, 0, 0) RETURNING id", [T, customer])).rows[0]!.id;
  for (const [id, start, priceType, currency, amounts, invoiced] of BOOKINGS) {
    await db.query(
      `INSERT INTO bookings (tenant_id, id, business_id, service_name, start_at, end_at, price, price_type, currency)
       VALUES ($1, $2, 'b@x.example', 'Session', $3, $3::timestamptz + interval '1 hour', 80, $4, $5)`,
      [T, id, start, priceType, currency],
    );
    for (const [i, amount] of amounts.entries()) {
      await db.query(
        `INSERT INTO booking_attendees (tenant_id, booking_id, attendee_key, position, name, email, customer_id, quantity, unit_price, amount)
         VALUES ($1, $2, $3, $4, 'Ada', 'ada@x.example', $5, 1, $6, $6)`,
        [T, id, `a${i}`, i, customer, amount],
      );
    }
    for (let i = 0; i < invoiced; i++) await addLine(db, invoice, id, `a${i}`);
  }
  // Cancelled after it was stored, as a sync cancels: the log holds its +1 and its -1.
  await db.query("UPDATE bookings SET cancelled_at = '2026-11-05T08:00:00Z' WHERE tenant_id = $1 AND id = 'bk-cancelled'", [T]);
  return invoice;
}

const addLine = (db: Db, invoiceId: string, bookingId: string, attendeeKey: string) =>
  db.query(
    `INSERT INTO invoice_lines (tenant_id, invoice_id, position, booking_id, attendee_key, description, service_date, quantity, unit_price, amount, price_type)
     VALUES ($1, $2, 0, $3, $4, 'Session', '2026-11-02', 1, 80, 80, 'fixedPrice')`,
    [T, invoiceId, bookingId, attendeeKey],
  );

// The log summed per day and currency (what the list's totals read), and its raw row count.
const dayLog = async (db: Db) => ({
  rows: (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM awaiting_day_deltas")).rows[0]!.n,
  days: (
    await db.query(
      `SELECT day::text, currency, sum(bookings)::int AS bookings, trim_scale(sum(amount))::text AS amount, max(last_end) AS last_end
       FROM awaiting_day_deltas WHERE tenant_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [T],
    )
  ).rows,
});
const settledDays = async (db: Db) => (await dayLog(db)).days.filter((d) => d.bookings !== 0).map((d) => [d.day, d.currency, d.bookings, d.amount]);
const openState = async (db: Db) =>
  (await db.query("SELECT id, attendee_count, open_count, trim_scale(open_amount)::text AS open_amount, open_flags, open_no_customer, open_sort_name FROM bookings ORDER BY id")).rows;
const awaitingIds = async (db: Db) => (await db.query<{ id: string }>("SELECT id FROM bookings WHERE awaiting ORDER BY id")).rows.map((r) => r.id);
const isAwaiting = async (db: Db, id: string) => (await db.query<{ awaiting: boolean }>("SELECT awaiting FROM bookings WHERE tenant_id = $1 AND id = $2", [T, id])).rows[0]!.awaiting;

describe.each(testStores())("the awaiting column of migration 012 on %s", (kind) => {
  const { store, dropStore } = testStore(kind);
  let db: Db;
  let invoice: string;
  let before: { log: Awaited<ReturnType<typeof dayLog>>; open: Awaited<ReturnType<typeof openState>> };
  let applied: string[];
  let logAfter012: Awaited<ReturnType<typeof dayLog>>;
  beforeAll(async () => {
    db = await openDb(store);
    await migrate(db, { upTo: "011" });
    invoice = await seed(db);
    before = { log: await dayLog(db), open: await openState(db) };
    // 012 on its own first: migration 018 writes the log anew, one row per service (awaitingTotals.test.ts covers it).
    applied = await migrate(db, { upTo: "012" });
    logAfter012 = await dayLog(db);
    applied.push(...(await migrate(db)));
  });
  afterAll(async () => {
    await db?.close();
    await dropStore();
  });

  it("marks the bookings that awaited invoicing under 011, and keeps the per-day log and the open state as they were", async () => {
    // 012 runs first over the data of 011 (later migrations may follow it).
    expect(applied[0]).toBe("012");
    expect(await awaitingIds(db)).toEqual(["bk-no-attendees", "bk-open", "bk-partly", "bk-usd"]);
    // Adding the column wrote no delta: the log has the same rows and the same sums.
    expect(logAfter012).toEqual(before.log);
    expect(await settledDays(db)).toEqual([
      ["2026-11-02", "EUR", 2, "160"],
      ["2026-11-03", "EUR", 1, "0"],
      ["2026-11-03", "USD", 1, "50"],
    ]);
    expect(await openState(db)).toEqual(before.open);
    expect(await findUninvoicedIds(db, T, NOW, {})).toEqual(["bk-open", "bk-partly", "bk-no-attendees", "bk-usd"]);
    const totals = await uninvoicedTotals(db, T, NOW, {});
    expect({ count: totals.count, amount: Number(totals.amount), currency: totals.currency }).toEqual({ count: 4, amount: 210, currency: "EUR" });
  });

  it("rebuilds the list's partial indexes on the column", async () => {
    const { rows } = await db.query<{ indexname: string; indexdef: string }>(
      "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'bookings' AND indexname LIKE 'bookings_awaiting_%' AND schemaname = current_schema() ORDER BY 1",
    );
    expect(rows.map((r) => r.indexname)).toEqual(["bookings_awaiting_amount_idx", "bookings_awaiting_customer_idx", "bookings_awaiting_date_idx", "bookings_awaiting_service_idx"]);
    for (const r of rows) expect(r.indexdef).toMatch(/ WHERE awaiting$/);
  });

  it("cannot be written, only derived", async () => {
    await expect(db.query("UPDATE bookings SET awaiting = true WHERE tenant_id = $1 AND id = 'bk-free'", [T])).rejects.toMatchObject({ code: "428C9" });
  });

  it("flips with an invoice line, its deletion, a cancellation and the last attendee leaving, and the per-day log follows", async () => {
    await addLine(db, invoice, "bk-open", "a0");
    expect(await isAwaiting(db, "bk-open")).toBe(false);
    expect((await settledDays(db))[0]).toEqual(["2026-11-02", "EUR", 1, "80"]);

    await db.query("DELETE FROM invoice_lines WHERE tenant_id = $1 AND booking_id = 'bk-open'", [T]);
    expect(await isAwaiting(db, "bk-open")).toBe(true);
    expect((await settledDays(db))[0]).toEqual(["2026-11-02", "EUR", 2, "160"]);

    await db.query("UPDATE bookings SET cancelled_at = $2 WHERE tenant_id = $1 AND id = 'bk-usd'", [T, NOW]);
    expect(await isAwaiting(db, "bk-usd")).toBe(false);
    await db.query("UPDATE bookings SET cancelled_at = NULL WHERE tenant_id = $1 AND id = 'bk-cancelled'", [T]);
    expect(await isAwaiting(db, "bk-cancelled")).toBe(true);
    // The invoiced booking's attendee left: no attendees, so it awaits again (priced by hand or deleted).
    await db.query("DELETE FROM booking_attendees WHERE tenant_id = $1 AND booking_id = 'bk-invoiced'", [T]);
    expect(await isAwaiting(db, "bk-invoiced")).toBe(true);

    expect(await awaitingIds(db)).toEqual(["bk-cancelled", "bk-invoiced", "bk-no-attendees", "bk-open", "bk-partly"]);
    expect(await settledDays(db)).toEqual([
      ["2026-11-02", "EUR", 2, "160"],
      ["2026-11-03", "EUR", 2, "0"],
      ["2026-11-04", "EUR", 1, "80"],
    ]);
    const totals = await uninvoicedTotals(db, T, NOW, {});
    expect({ count: totals.count, amount: Number(totals.amount), currency: totals.currency }).toEqual({ count: 5, amount: 240, currency: "EUR" });
  });
});
