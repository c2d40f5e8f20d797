// Covers the data step of migration 003 (pricing every stored attendee) running inside the migration's transaction: when
// it fails nothing of 003 is recorded or kept, and the next start applies 003 and prices the attendee together.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateStore } from "../../api/src/migrateStore";
import { openDb, type Db } from "../../api/src/shared/db";
import { migrate } from "../../api/src/shared/migrate";
import { testStore, testStores } from "../factories/testServer";

const TENANT = "tenant-migrate";

// A booking and its attendee as a version before 003 stored them: 90 minutes at 60.00 EUR an hour, no priced line yet.
async function seedUnpricedBooking(db: Db): Promise<void> {
  await db.query(
    `INSERT INTO bookings (tenant_id, id, business_id, service_id, service_name, start_at, end_at, price, price_type, currency)
     VALUES ($1, 'b-1', 'biz@example.com', 'svc-1', 'Coaching', '2026-01-05T09:00:00Z', '2026-01-05T10:30:00Z', 60, 'hourly', 'EUR')`,
    [TENANT],
  );
  await db.query(
    "INSERT INTO booking_attendees (tenant_id, booking_id, attendee_key, position, name, email) VALUES ($1, 'b-1', 'ann@example.com', 0, 'Ann', 'ann@example.com')",
    [TENANT],
  );
}

const versions = async (db: Db) => (await db.query<{ version: string }>("SELECT version FROM schema_migrations ORDER BY version")).rows.map((r) => r.version);

describe.each(testStores())("migrateStore on %s", (kind) => {
  let db: Db;
  let dropStore: () => Promise<void>;
  beforeEach(async () => {
    const test = testStore(kind);
    dropStore = test.dropStore;
    db = await openDb(test.store);
    expect(await migrate(db, { upTo: "002" })).toEqual(["001", "002"]);
    await seedUnpricedBooking(db);
  });
  afterEach(async () => {
    await db?.close();
    await dropStore();
  });

  it("keeps nothing of 003 when its pricing step fails, and prices the attendee with 003 on the next start", async () => {
    await expect(migrateStore(db, { priceEveryAttendee: async () => Promise.reject(new Error("pricing failed")) })).rejects.toThrow("pricing failed");
    expect(await versions(db)).toEqual(["001", "002"]);
    // 003's own SQL went with it: the priced-line columns do not exist yet.
    const columns = await db.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'booking_attendees' AND column_name = 'quantity' AND table_schema = current_schema()");
    expect(columns.rowCount).toBe(0);

    const applied = await migrateStore(db);
    expect(applied[0]).toBe("003");
    expect(await versions(db)).toEqual(["001", "002", ...applied]);
    const { rows } = await db.query<{ quantity: string; unit_price: string; amount: string }>(
      "SELECT trim_scale(quantity)::text AS quantity, trim_scale(unit_price)::text AS unit_price, trim_scale(amount)::text AS amount FROM booking_attendees WHERE tenant_id = $1",
      [TENANT],
    );
    expect(rows).toEqual([{ quantity: "1.5", unit_price: "60", amount: "90" }]);
    // Later migrations build on the priced line: 004's open state of the booking sums it.
    const booking = await db.query<{ open_amount: string }>("SELECT trim_scale(open_amount)::text AS open_amount FROM bookings WHERE tenant_id = $1", [TENANT]);
    expect(booking.rows).toEqual([{ open_amount: "90" }]);
  });

  it("runs the step once, with 003, and not again once 003 is recorded", async () => {
    let calls = 0;
    const counted = { priceEveryAttendee: async () => void calls++ };
    expect((await migrateStore(db, counted))[0]).toBe("003");
    expect(await migrateStore(db, counted)).toEqual([]);
    expect(calls).toBe(1);
  });
});

describe("migrate's after-steps", () => {
  it("refuses a step for a version that has no migration before touching the store, rather than never running it", async () => {
    const untouched = new Proxy({}, { get: () => { throw new Error("the store was used"); } }) as Db;
    await expect(migrate(untouched, { after: { "03": async () => undefined } })).rejects.toThrow('migrate: there is no migration "03" to run a step after');
  });
});
