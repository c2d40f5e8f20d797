// Covers tenant isolation in the database itself (migration 009): every reference between tenant-owned rows carries the
// tenant, so a raw INSERT pointing at another tenant's invoice, customer or booking is a foreign-key violation; the
// migration applies over existing data of two tenants, keeps the ON DELETE behaviour, and refuses stored cross-tenant rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "../../api/src/shared/db";
import { migrate } from "../../api/src/shared/migrate";
import { testStore, testStores } from "../factories/testServer";

const T1 = "tenant-fk-1";
const T2 = "tenant-fk-2";
const FK_VIOLATION = { code: "23503" };

/** A store migrated up to (not including) 009, for the migration to run over. */
async function storeBefore009(kind: "pglite" | "postgres"): Promise<{ db: Db; close: () => Promise<void> }> {
  const { store, dropStore } = testStore(kind);
  const db = await openDb(store);
  await migrate(db, { upTo: "008" });
  return { db, close: async () => (await db.close(), await dropStore()) };
}

/** Per tenant: a customer, two bookings (one with an attendee linked to the customer), a draft with a line, a final invoice. */
async function seedTenant(db: Db, tenantId: string): Promise<{ customer: string; draft: string; final: string }> {
  const customer = (await db.query<{ id: string }>("INSERT INTO customers (tenant_id, name, email) VALUES ($1, 'Ada', $2) RETURNING id", [tenantId, `ada@${tenantId}.example`])).rows[0]!.id;
  await db.query(
    `INSERT INTO bookings (tenant_id, id, business_id, service_name, start_at, end_at, price, price_type, currency)
     SELECT $1, id, 'b@x.example', 'Session', now() - interval '2 days', now() - interval '2 days' + interval '1 hour', 80, 'fixedPrice', 'EUR'
     FROM unnest(ARRAY['bk-invoiced', 'bk-final', 'bk-open']) AS id`,
    [tenantId],
  );
  await db.query(
    `INSERT INTO booking_attendees (tenant_id, booking_id, attendee_key, position, name, email, customer_id, quantity, unit_price, amount)
     SELECT $1, id, 'c:ada', 0, 'Ada', 'ada@x.example', $2, 1, 80, 80 FROM unnest(ARRAY['bk-invoiced', 'bk-final', 'bk-open']) AS id`,
    [tenantId, customer],
  );
  await db.query("INSERT INTO notification_announced (tenant_id, booking_id, announced_at) VALUES ($1, 'bk-open', now())", [tenantId]);
  const invoice = async (bookingId: string) => {
    const id = (await db.query<{ id: string }>("INSERT INTO invoices (tenant_id, customer_id, currency, issue_date, net, tax, total) VALUES ($1, $2, 'EUR', current_date, 80, 0, 80) RETURNING id", [tenantId, customer])).rows[0]!.id;
    await insertLine(db, tenantId, id, bookingId);
    return id;
  };
  const draft = await invoice("bk-invoiced");
  const final = await invoice("bk-final");
  await db.query("UPDATE invoices SET status = 'final', number = 'INV-2026-00001' WHERE id = $1", [final]);
  return { customer, draft, final };
}

const insertLine = (db: Db, tenantId: string, invoiceId: string, bookingId: string, attendeeKey = "c:ada") =>
  db.query(
    `INSERT INTO invoice_lines (tenant_id, invoice_id, position, booking_id, attendee_key, description, service_date, quantity, unit_price, amount, price_type)
     VALUES ($1, $2, 0, $3, $4, 'Session', current_date, 1, 80, 80, 'fixedPrice')`,
    [tenantId, invoiceId, bookingId, attendeeKey],
  );

const countsOf = async (db: Db) =>
  (
    await db.query(
      `SELECT (SELECT count(*)::int FROM customers) AS customers, (SELECT count(*)::int FROM bookings) AS bookings,
              (SELECT count(*)::int FROM booking_attendees WHERE customer_id IS NOT NULL) AS linked, (SELECT count(*)::int FROM invoices) AS invoices,
              (SELECT count(*)::int FROM invoice_lines) AS lines, (SELECT count(*)::int FROM notification_announced) AS announced`,
    )
  ).rows[0];

describe.each(testStores())("tenant-scoped foreign keys on %s", (kind) => {
  let store: Awaited<ReturnType<typeof storeBefore009>>;
  let db: Db;
  let one: Awaited<ReturnType<typeof seedTenant>>;
  let two: Awaited<ReturnType<typeof seedTenant>>;
  let applied: string[];
  beforeAll(async () => {
    store = await storeBefore009(kind);
    db = store.db;
    one = await seedTenant(db, T1);
    two = await seedTenant(db, T2);
    applied = await migrate(db);
  });
  afterAll(() => store?.close());

  it("applies over the stored data of two tenants and keeps all of it", async () => {
    expect(applied).toContain("009");
    expect(await countsOf(db)).toEqual({ customers: 2, bookings: 6, linked: 6, invoices: 4, lines: 4, announced: 2 });
    const { rows } = await db.query<{ name: string; def: string }>(
      `SELECT conrelid::regclass::text || '.' || conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY 1`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { name: "booking_attendees.booking_attendees_customer_fk", def: "FOREIGN KEY (tenant_id, customer_id) REFERENCES customers(tenant_id, id)" },
        { name: "booking_attendees.booking_attendees_tenant_id_booking_id_fkey", def: "FOREIGN KEY (tenant_id, booking_id) REFERENCES bookings(tenant_id, id) ON DELETE CASCADE" },
        { name: "invoice_lines.invoice_lines_booking_fk", def: "FOREIGN KEY (tenant_id, booking_id) REFERENCES bookings(tenant_id, id)" },
        { name: "invoice_lines.invoice_lines_invoice_fk", def: "FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices(tenant_id, id) ON DELETE CASCADE" },
        { name: "invoices.invoices_customer_fk", def: "FOREIGN KEY (tenant_id, customer_id) REFERENCES customers(tenant_id, id)" },
        { name: "notification_announced.notification_announced_booking_fk", def: "FOREIGN KEY (tenant_id, booking_id) REFERENCES bookings(tenant_id, id) ON DELETE CASCADE" },
      ]),
    );
    // And every foreign key of the schema, 009's and any later migration's, is scoped by tenant: tenant_id leads on both
    // sides (alone for a row that hangs on its tenant's setup, such as migration 016's logo).
    expect(rows.filter((r) => !/^FOREIGN KEY \(tenant_id(, [a-z_]+)?\) REFERENCES [a-z_]+\(tenant_id(, [a-z_]+)?\)/.test(r.def))).toEqual([]);
    expect(rows.find((r) => r.name === "supplier_logos.supplier_logos_tenant_id_fkey")?.def).toBe("FOREIGN KEY (tenant_id) REFERENCES tenant_setup(tenant_id) ON DELETE CASCADE");
  });

  it("refuses a line on another tenant's invoice or booking, an invoice or attendee of another tenant's customer", async () => {
    // Each refused row is accepted with the tenant's own reference, so the violation is the tenant and nothing else.
    await expect(insertLine(db, T2, one.draft, "bk-open")).rejects.toMatchObject(FK_VIOLATION);
    await expect(insertLine(db, T2, two.draft, "bk-open", "c:other")).resolves.toMatchObject({ rowCount: 1 });
    await db.query("INSERT INTO bookings (tenant_id, id, business_id, service_name, start_at, end_at, price_type, currency) VALUES ($1, 'bk-only-1', 'b', 'S', now(), now(), 'fixedPrice', 'EUR')", [T1]);
    await expect(insertLine(db, T2, two.draft, "bk-only-1")).rejects.toMatchObject(FK_VIOLATION);
    await expect(insertLine(db, T1, one.draft, "bk-only-1")).resolves.toMatchObject({ rowCount: 1 });

    const newInvoice = (tenantId: string, customerId: string) =>
      db.query("INSERT INTO invoices (tenant_id, customer_id, currency, issue_date, net, tax, total) VALUES ($1, $2, 'EUR', current_date, 0, 0, 0)", [tenantId, customerId]);
    await expect(newInvoice(T2, one.customer)).rejects.toMatchObject(FK_VIOLATION);
    await expect(newInvoice(T2, two.customer)).resolves.toMatchObject({ rowCount: 1 });
    const link = (tenantId: string, customerId: string) =>
      db.query("UPDATE booking_attendees SET customer_id = $2 WHERE tenant_id = $1 AND booking_id = 'bk-open'", [tenantId, customerId]);
    await expect(link(T2, one.customer)).rejects.toMatchObject(FK_VIOLATION);
    await expect(link(T2, two.customer)).resolves.toMatchObject({ rowCount: 1 });
    const attendee = (tenantId: string, customerId: string) =>
      db.query("INSERT INTO booking_attendees (tenant_id, booking_id, attendee_key, position, customer_id) VALUES ($1, 'bk-open', 'c:new', 1, $2)", [tenantId, customerId]);
    await expect(attendee(T2, one.customer)).rejects.toMatchObject(FK_VIOLATION);
    await expect(attendee(T2, two.customer)).resolves.toMatchObject({ rowCount: 1 });
    const moveLine = db.query("UPDATE invoice_lines SET invoice_id = $2 WHERE tenant_id = $1 AND invoice_id = $3", [T2, one.draft, two.draft]);
    await expect(moveLine).rejects.toMatchObject(FK_VIOLATION);
    await expect(db.query("INSERT INTO notification_announced (tenant_id, booking_id, announced_at) VALUES ($1, 'bk-only-1', now())", [T2])).rejects.toMatchObject(FK_VIOLATION);
  });

  it("keeps ON DELETE: a draft takes its lines, a booking its attendees and announcement; invoiced customers and bookings stay", async () => {
    await db.query("DELETE FROM invoices WHERE tenant_id = $1 AND id = $2", [T1, one.draft]);
    expect((await db.query("SELECT 1 FROM invoice_lines WHERE invoice_id = $1", [one.draft])).rows).toEqual([]);
    await db.query("DELETE FROM bookings WHERE tenant_id = $1 AND id = 'bk-open'", [T1]);
    expect((await db.query("SELECT 1 FROM booking_attendees WHERE tenant_id = $1 AND booking_id = 'bk-open'", [T1])).rows).toEqual([]);
    expect((await db.query("SELECT 1 FROM notification_announced WHERE tenant_id = $1 AND booking_id = 'bk-open'", [T1])).rows).toEqual([]);
    await expect(db.query("DELETE FROM bookings WHERE tenant_id = $1 AND id = 'bk-final'", [T1])).rejects.toMatchObject(FK_VIOLATION);
    await expect(db.query("DELETE FROM customers WHERE id = $1", [one.customer])).rejects.toMatchObject(FK_VIOLATION);
    expect((await db.query("SELECT tenant_id, id FROM bookings WHERE id = 'bk-open' ORDER BY 1")).rows).toEqual([{ tenant_id: T2, id: "bk-open" }]);
  });
});

describe.each(testStores())("migration 009 over stored cross-tenant rows on %s", (kind) => {
  it("refuses to migrate, says what is wrong, and leaves the store as it was", async () => {
    const { db, close } = await storeBefore009(kind);
    try {
      const one = await seedTenant(db, T1);
      await seedTenant(db, T2);
      await insertLine(db, T2, one.draft, "bk-open", "c:stray");
      await expect(migrate(db)).rejects.toThrow("migration 009: 1 invoice line(s) point at an invoice of another tenant; correct them, then start again");
      expect((await db.query("SELECT version FROM schema_migrations WHERE version >= '009'")).rows).toEqual([]);
      await expect(insertLine(db, T2, one.draft, "bk-final", "c:stray")).resolves.toMatchObject({ rowCount: 1 });
    } finally {
      await close();
    }
  });
});
