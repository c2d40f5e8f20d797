// SQL for local customers: upsert from Bookings, link attendees (PRODUCT.md §4.4), list.
import type { Queryable } from "../../shared/db";
import type { TAddress } from "../../shared/partySchemas";
import type { IncomingCustomer, KnownCustomer } from "./planBookingsCustomers";

/** Values that a customer created by the app starts with. */
export interface CustomerTemplate {
  currency: string;
  paymentTermsDays: number;
  taxRate: number;
  language: string;
}

/** Every customer of the tenant, as the sync's matching needs them (planBookingsCustomers). */
export async function loadKnownCustomers(db: Queryable, tenantId: string): Promise<KnownCustomer[]> {
  const { rows } = await db.query<KnownCustomer>(
    `SELECT id, bookings_customer_id AS "bookingsCustomerId", name, email, active, address, phone, address_edited AS "addressEdited"
     FROM customers WHERE tenant_id = $1 ORDER BY created_at, id`,
    [tenantId],
  );
  return rows;
}

/** Inserts Bookings customers (ids made by the caller) with the template's defaults, in one statement. */
export async function insertBookingsCustomers(db: Queryable, tenantId: string, customers: (IncomingCustomer & { id: string })[], t: CustomerTemplate): Promise<void> {
  if (customers.length === 0) return;
  await db.query(
    `INSERT INTO customers (tenant_id, id, bookings_customer_id, name, email, address, phone, source, currency, payment_terms_days, tax_rate, language, synced_at)
     SELECT $1, x.id, x.bookings_customer_id, x.name, x.email, COALESCE(x.address, '{}'), x.phone, 'bookings', $3, $4, $5, $6, now()
     FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, bookings_customer_id text, name text, email text, address jsonb, phone text)`,
    [
      tenantId,
      JSON.stringify(customers.map((c) => ({ id: c.id, bookings_customer_id: c.bookingsCustomerId, name: c.name, email: c.email, address: c.address ?? {}, phone: c.phone ?? null }))),
      t.currency,
      t.paymentTermsDays,
      t.taxRate,
      t.language,
    ],
  );
}

/**
 * Writes the Bookings id, name, e-mail, address, phone and active state of changed customers, in one statement. An
 * address edited in the app is kept whatever the row says (PRODUCT.md §4.6).
 */
export async function updateBookingsCustomers(db: Queryable, tenantId: string, customers: KnownCustomer[]): Promise<void> {
  if (customers.length === 0) return;
  await db.query(
    `UPDATE customers c SET bookings_customer_id = x.bookings_customer_id, name = x.name, email = x.email, active = x.active,
       address = CASE WHEN c.address_edited THEN c.address ELSE COALESCE(x.address, c.address) END, phone = x.phone,
       synced_at = now(), updated_at = now()
     FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, bookings_customer_id text, name text, email text, active boolean, address jsonb, phone text)
     WHERE c.tenant_id = $1 AND c.id = x.id`,
    [
      tenantId,
      JSON.stringify(
        customers.map((c) => ({ id: c.id, bookings_customer_id: c.bookingsCustomerId, name: c.name, email: c.email, active: c.active, address: c.address ?? null, phone: c.phone ?? null })),
      ),
    ],
  );
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

/** Whether the tenant has the customer and it is still active; undefined when the tenant has no such customer. */
export async function findCustomerState(db: Queryable, tenantId: string, id: string): Promise<{ active: boolean } | undefined> {
  const { rows } = await db.query<{ active: boolean }>("SELECT active FROM customers WHERE tenant_id = $1 AND id::text = $2", [tenantId, id]);
  return rows[0];
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
  address: TAddress;
  /** The address was edited in the app; syncs leave it alone. */
  addressEdited: boolean;
  phone: string | null;
  companyName: string | null;
  vatId: string | null;
  peppolId: string | null;
}

const CUSTOMER_COLUMNS = `id, bookings_customer_id AS "bookingsCustomerId", name, email, active, currency,
  payment_terms_days AS "paymentTermsDays", trim_scale(tax_rate)::text AS "taxRate", language, address, address_edited AS "addressEdited",
  phone, company_name AS "companyName", vat_id AS "vatId", peppol_id AS "peppolId"`;

/** All of a tenant's customers, by name. */
export async function listCustomers(db: Queryable, tenantId: string): Promise<CustomerView[]> {
  const { rows } = await db.query<CustomerView>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE tenant_id = $1 ORDER BY lower(name), id`, [tenantId]);
  return rows;
}

/** One customer of the tenant, or undefined. */
export async function findCustomer(db: Queryable, tenantId: string, id: string): Promise<CustomerView | undefined> {
  const { rows } = await db.query<CustomerView>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  return rows[0];
}

/** What an edit in the app sets; undefined leaves a field as it is, null clears it. */
export interface CustomerDetailsChange {
  address?: TAddress | null;
  companyName?: string | null;
  vatId?: string | null;
  peppolId?: string | null;
  language?: string;
  paymentTermsDays?: number;
}

/**
 * Stores an edit in one statement; returns false when the tenant has no such customer. An address set here is the
 * app's from now on; a null address hands it back to Bookings (the next sync fills it in).
 */
export async function updateCustomerDetails(db: Queryable, tenantId: string, id: string, c: CustomerDetailsChange): Promise<boolean> {
  const params: unknown[] = [tenantId, id];
  const add = (v: unknown) => `$${params.push(v)}`;
  const sets = ["updated_at = now()"];
  if (c.address !== undefined) sets.push(`address = ${add(JSON.stringify(c.address ?? {}))}::jsonb`, `address_edited = ${add(c.address !== null)}`);
  if (c.companyName !== undefined) sets.push(`company_name = ${add(c.companyName)}`);
  if (c.vatId !== undefined) sets.push(`vat_id = ${add(c.vatId)}`);
  if (c.peppolId !== undefined) sets.push(`peppol_id = ${add(c.peppolId)}`);
  if (c.language !== undefined) sets.push(`language = ${add(c.language)}`);
  if (c.paymentTermsDays !== undefined) sets.push(`payment_terms_days = ${add(c.paymentTermsDays)}`);
  const { rowCount } = await db.query(`UPDATE customers SET ${sets.join(", ")} WHERE tenant_id = $1 AND id = $2`, params);
  return rowCount > 0;
}

/** Name, e-mail and address of the given customers of the tenant, by id. */
export async function findCustomerContacts(db: Queryable, tenantId: string, ids: string[]): Promise<Map<string, { name: string; email: string | null; address: TAddress }>> {
  const { rows } = await db.query<{ id: string; name: string; email: string | null; address: TAddress }>(
    "SELECT id, name, email, address FROM customers WHERE tenant_id = $1 AND id IN (SELECT unnest($2::uuid[]))",
    [tenantId, [...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email, address: r.address }]));
}

/** Every customer of the tenant with the keys attendees are matched by (CustomerIndex). */
export async function loadCustomerKeys(db: Queryable, tenantId: string): Promise<{ id: string; bookings_customer_id: string | null; email: string | null }[]> {
  const { rows } = await db.query<{ id: string; bookings_customer_id: string | null; email: string | null }>(
    "SELECT id, bookings_customer_id, email FROM customers WHERE tenant_id = $1",
    [tenantId],
  );
  return rows;
}

/** Every active customer of the tenant, as suggestions compare them (customerSuggestions.ts). */
export async function loadSuggestionCandidates(db: Queryable, tenantId: string): Promise<{ id: string; name: string; email: string | null; phone: string | null }[]> {
  const { rows } = await db.query<{ id: string; name: string; email: string | null; phone: string | null }>(
    "SELECT id, name, email, phone FROM customers WHERE tenant_id = $1 AND active ORDER BY lower(name), id",
    [tenantId],
  );
  return rows;
}

/** Who a customer made by hand is made for: the attendee's person key and, when Bookings knows them, their Bookings id. */
export interface PersonOfCustomer {
  personKey: string;
  bookingsCustomerId: string | null;
}

/** The customer already made for this person (by person key), or holding their Bookings id; undefined when none. */
export async function findCustomerOfPerson(db: Queryable, tenantId: string, p: PersonOfCustomer): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM customers WHERE tenant_id = $1 AND (person_key = $2 OR ($3::text IS NOT NULL AND bookings_customer_id = $3))
     ORDER BY person_key = $2 DESC NULLS LAST, created_at LIMIT 1`,
    [tenantId, p.personKey, p.bookingsCustomerId],
  );
  return rows[0]?.id;
}

/** The id and name of the tenant's customer with this e-mail address (any case), or undefined. */
export async function findCustomerByEmail(db: Queryable, tenantId: string, email: string): Promise<{ id: string; name: string } | undefined> {
  const { rows } = await db.query<{ id: string; name: string }>("SELECT id, name FROM customers WHERE tenant_id = $1 AND lower(email) = lower($2)", [tenantId, email]);
  return rows[0];
}

/**
 * Inserts a customer made by hand in the app (source `manual`, never synced) with the template's defaults; returns its
 * id, or null when a unique key (person, Bookings id, e-mail) is already taken, by a concurrent request too.
 */
export async function insertManualCustomer(
  db: Queryable,
  tenantId: string,
  c: PersonOfCustomer & { name: string; email: string | null; phone: string | null },
  t: CustomerTemplate,
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO customers (tenant_id, bookings_customer_id, person_key, name, email, phone, source, currency, payment_terms_days, tax_rate, language)
     VALUES ($1, $2, $3, $4, $5, $6, 'manual', $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
    [tenantId, c.bookingsCustomerId, c.personKey, c.name, c.email, c.phone, t.currency, t.paymentTermsDays, t.taxRate, t.language],
  );
  return rows[0]?.id ?? null;
}
