// SQL for local customers: upsert from Bookings, link attendees (PRODUCT.md §4.4), list.
import type { Queryable } from "../../shared/db";

/** Values that a customer created by the app starts with. */
export interface CustomerTemplate {
  currency: string;
  paymentTermsDays: number;
  taxRate: number;
  language: string;
}

type Found = { id: string; bookings_customer_id: string | null; name: string; email: string | null; active: boolean };

/** Finds a customer by Bookings id, then by e-mail (case-insensitive). */
export async function findCustomerMatch(
  db: Queryable,
  tenantId: string,
  bookingsCustomerId: string | null,
  email: string | null,
): Promise<Found | null> {
  if (bookingsCustomerId) {
    const { rows } = await db.query<Found>(
      "SELECT id, bookings_customer_id, name, email, active FROM customers WHERE tenant_id = $1 AND bookings_customer_id = $2",
      [tenantId, bookingsCustomerId],
    );
    if (rows[0]) return rows[0];
  }
  if (email) {
    const { rows } = await db.query<Found>(
      "SELECT id, bookings_customer_id, name, email, active FROM customers WHERE tenant_id = $1 AND lower(email) = lower($2)",
      [tenantId, email],
    );
    if (rows[0]) return rows[0];
  }
  return null;
}

/** Creates or updates the local customer for a Bookings customer; never a duplicate. */
export async function upsertBookingsCustomer(
  db: Queryable,
  tenantId: string,
  c: { bookingsCustomerId: string; name: string; email: string },
  template: CustomerTemplate,
): Promise<"created" | "updated" | "unchanged"> {
  const found = await findCustomerMatch(db, tenantId, c.bookingsCustomerId, c.email);
  if (!found) {
    await insertCustomer(db, tenantId, { ...c, source: "bookings" }, template);
    return "created";
  }
  // A second Bookings customer with the same e-mail maps onto the first; keep the first's Bookings id.
  const bookingsId = found.bookings_customer_id ?? c.bookingsCustomerId;
  const ownsBookingsId = bookingsId === c.bookingsCustomerId;
  const changed = !found.active || (ownsBookingsId && (found.name !== c.name || found.email !== c.email)) || found.bookings_customer_id !== bookingsId;
  if (!changed) return "unchanged";
  await db.query(
    `UPDATE customers SET bookings_customer_id = $3, name = CASE WHEN $6 THEN $4 ELSE name END,
       email = CASE WHEN $6 THEN $5 ELSE email END, active = true, synced_at = now(), updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, found.id, bookingsId, c.name, c.email, ownsBookingsId],
  );
  return "updated";
}

/** Marks customers whose Bookings customer is gone as inactive (never deletes them); returns how many. */
export async function deactivateMissingCustomers(db: Queryable, tenantId: string, presentIds: string[]): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE customers SET active = false, updated_at = now()
     WHERE tenant_id = $1 AND source = 'bookings' AND active AND bookings_customer_id IS NOT NULL
       AND bookings_customer_id NOT IN (SELECT unnest($2::text[]))`,
    [tenantId, presentIds],
  );
  return rowCount;
}

/** Inserts a customer with the template's defaults; returns its id. */
export async function insertCustomer(
  db: Queryable,
  tenantId: string,
  c: { bookingsCustomerId: string | null; name: string; email: string; source: string },
  t: CustomerTemplate,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO customers (tenant_id, bookings_customer_id, name, email, source, currency, payment_terms_days, tax_rate, language, synced_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now()) RETURNING id`,
    [tenantId, c.bookingsCustomerId, c.name, c.email, c.source, t.currency, t.paymentTermsDays, t.taxRate, t.language],
  );
  return rows[0]!.id;
}

/** A customer as the API shows it. */
export interface CustomerView {
  id: string;
  bookingsCustomerId: string | null;
  name: string;
  email: string | null;
  active: boolean;
  currency: string | null;
  paymentTermsDays: number;
  taxRate: string;
  language: string | null;
}

/** All of a tenant's customers, by name. */
export async function listCustomers(db: Queryable, tenantId: string): Promise<CustomerView[]> {
  const { rows } = await db.query<CustomerView>(
    `SELECT id, bookings_customer_id AS "bookingsCustomerId", name, email, active, currency,
            payment_terms_days AS "paymentTermsDays", trim_scale(tax_rate)::text AS "taxRate", language
     FROM customers WHERE tenant_id = $1 ORDER BY lower(name), id`,
    [tenantId],
  );
  return rows;
}
