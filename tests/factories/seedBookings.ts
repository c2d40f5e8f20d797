// Seeds a tenant straight into a store: a setup, customers and completed bookings with one priced attendee each, for
// tests and benchmarks that need tens of thousands of bookings without syncing them first.
import { priceEveryAttendee } from "../../api/src/features/bookings/priceAttendees";
import type { Queryable } from "../../api/src/shared/db";

/** What to seed. */
export interface BookingSeed {
  tenantId: string;
  bookings: number;
  customers: number;
  /** Id prefix, so several seeds can share a tenant. */
  prefix?: string;
}

/**
 * Inserts `bookings` completed bookings (alternately fixed-price € 85 and hourly € 75 for 50 min) ending before now,
 * five minutes apart, each attended by one of `customers` customers; prices them as a sync would.
 */
export async function seedBookings(db: Queryable, s: BookingSeed): Promise<void> {
  const p = s.prefix ?? "bk";
  await db.query(
    `INSERT INTO tenant_setup (tenant_id, business_id, business_name, currency, settings) VALUES ($1, 'seed@contoso.example', 'Seed', 'EUR', $2)
     ON CONFLICT (tenant_id) DO NOTHING`,
    [s.tenantId, JSON.stringify({ customerTemplate: { taxRate: 21, paymentTermsDays: 14, language: "en" } })],
  );
  await db.query(
    `INSERT INTO customers (tenant_id, bookings_customer_id, name, email, tax_rate, currency)
     SELECT $1, $3 || '-cust-' || g, 'Customer ' || g, $3 || '.customer' || g || '@seed.example', 21, 'EUR' FROM generate_series(1, $2) g`,
    [s.tenantId, s.customers, p],
  );
  await db.query(
    `INSERT INTO bookings (tenant_id, id, business_id, service_id, service_name, start_at, end_at, price, price_type, currency)
     SELECT $1, $3 || '-' || g, 'seed@contoso.example', 'svc-' || (g % 4), 'Service ' || (g % 4),
            now() - interval '1 hour' - g * interval '5 minutes', now() - interval '10 minutes' - g * interval '5 minutes',
            CASE WHEN g % 2 = 0 THEN 85 ELSE 75 END, CASE WHEN g % 2 = 0 THEN 'fixedPrice' ELSE 'hourly' END, 'EUR'
     FROM generate_series(1, $2) g`,
    [s.tenantId, s.bookings, p],
  );
  await db.query(
    `INSERT INTO booking_attendees (tenant_id, booking_id, attendee_key, position, bookings_customer_id, name, email, customer_id)
     SELECT $1, $4 || '-' || g, 'c:' || c.bookings_customer_id, 0, c.bookings_customer_id, c.name, c.email, c.id
     FROM generate_series(1, $2) g JOIN customers c ON c.tenant_id = $1 AND c.bookings_customer_id = $4 || '-cust-' || (1 + g % $3)`,
    [s.tenantId, s.bookings, s.customers, p],
  );
  await priceEveryAttendee(db);
  await db.query("SELECT compact_awaiting_days($1)", [s.tenantId]);
  await db.exec("ANALYZE bookings, booking_attendees, customers, invoice_lines");
}
