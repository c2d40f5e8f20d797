// Covers migration 017 on both stores: over attendees stored by 016 it gives each their person key (Bookings id, else
// name and phone digits, else none), has only bookings with an attendee still waiting for a customer read again at the
// next sync (to learn the phone), and keeps customers made by hand unique per person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "../../api/src/shared/db";
import { migrate } from "../../api/src/shared/migrate";
import { testStore, testStores } from "../factories/testServer";

const T = "tenant-017";

async function seed(db: Db): Promise<void> {
  const customer = (await db.query<{ id: string }>("INSERT INTO customers (tenant_id, name, email) VALUES ($1, 'Ann', 'ann@x.example') RETURNING id", [T])).rows[0]!.id;
  for (const id of ["linked", "waiting"]) {
    await db.query(
      `INSERT INTO bookings (tenant_id, id, business_id, service_name, start_at, end_at, price, price_type, currency, last_updated_at)
       VALUES ($1, $2, 'b@x.example', 'Session', '2026-11-02T09:00:00Z', '2026-11-02T10:00:00Z', 50, 'fixedPrice', 'EUR', '2026-11-01T08:00:00Z')`,
      [T, id],
    );
  }
  await db.query("INSERT INTO booking_attendees (tenant_id, booking_id, attendee_key, position, name, email, customer_id) VALUES ($1, 'linked', 'e:ann@x.example', 0, 'Ann', 'ann@x.example', $2)", [T, customer]);
  const waiting: [string, number, string | null, string][] = [
    ["c:bc-1", 0, "bc-1", "Felix Bauer"],
    ["i:1", 1, null, "  Jan   de VRIES "],
    ["i:2", 2, null, "  "],
  ];
  for (const [key, position, bookingsId, name] of waiting) {
    await db.query("INSERT INTO booking_attendees (tenant_id, booking_id, attendee_key, position, bookings_customer_id, name) VALUES ($1, 'waiting', $2, $3, $4, $5)", [T, key, position, bookingsId, name]);
  }
}

describe.each(testStores())("migration 017 (the review queue's people) on %s", (kind) => {
  const { store, dropStore } = testStore(kind);
  let db: Db;
  let applied: string[];
  beforeAll(async () => {
    db = await openDb(store);
    await migrate(db, { upTo: "016" });
    await seed(db);
    applied = await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await dropStore();
  });

  it("keys each stored attendee as the person they are, and the phone once the sync gives it", async () => {
    expect(applied[0]).toBe("017");
    const keys = async () => (await db.query("SELECT attendee_key, phone, person_key FROM booking_attendees WHERE booking_id = 'waiting' ORDER BY position")).rows;
    expect(await keys()).toEqual([
      { attendee_key: "c:bc-1", phone: null, person_key: "b:bc-1" },
      { attendee_key: "i:1", phone: null, person_key: "n:jan de vries|" },
      { attendee_key: "i:2", phone: null, person_key: null },
    ]);
    await db.query("UPDATE booking_attendees SET phone = '+31 6-1234 5678' WHERE booking_id = 'waiting' AND attendee_key = 'i:1'");
    expect((await keys())[1]).toEqual({ attendee_key: "i:1", phone: "+31 6-1234 5678", person_key: "n:jan de vries|31612345678" });
  });

  it("has only the booking with an attendee waiting for a customer read again", async () => {
    const { rows } = await db.query<{ id: string; last_updated_at: Date | null }>("SELECT id, last_updated_at FROM bookings WHERE tenant_id = $1 ORDER BY id", [T]);
    expect(rows).toEqual([
      { id: "linked", last_updated_at: new Date("2026-11-01T08:00:00Z") },
      { id: "waiting", last_updated_at: null },
    ]);
  });

  it("lets one customer be made per person, and as many others as before", async () => {
    const insert = (name: string, personKey: string | null) => db.query("INSERT INTO customers (tenant_id, name, source, person_key) VALUES ($1, $2, 'manual', $3)", [T, name, personKey]);
    await insert("Jan de Vries", "n:jan de vries|31612345678");
    await expect(insert("Jan again", "n:jan de vries|31612345678")).rejects.toMatchObject({ code: "23505" });
    await insert("Without key", null);
    await insert("Without key either", null);
    expect((await db.query("SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1", [T])).rows).toEqual([{ n: 4 }]);
  });
});
