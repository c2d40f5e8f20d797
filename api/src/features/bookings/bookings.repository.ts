// SQL for the uninvoiced bookings list (PRODUCT.md §4.2): completed, not cancelled, not free, an attendee without a line.
import type { Queryable } from "../../shared/db";

/** Filters of GET /api/bookings/uninvoiced. */
export interface UninvoicedFilter {
  from?: Date;
  to?: Date;
  customerId?: string;
  serviceId?: string;
  staffId?: string;
  q?: string;
}

/** One open (not yet invoiced) attendee. */
export interface OpenAttendeeRow {
  key: string;
  bookingsCustomerId: string | null;
  customerId: string | null;
  name: string;
  email: string | null;
}

/** A booking row with what pricing and presenting need. */
export interface UninvoicedRow {
  id: string;
  start_at: Date;
  end_at: Date;
  service_id: string | null;
  service_name: string;
  staff_member_ids: string[];
  staff_names: string[];
  price: string;
  price_type: string;
  currency: string;
  item_default_price: string | null;
  attendees: OpenAttendeeRow[];
}

const OPEN_ATTENDEE = `NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.tenant_id = a.tenant_id AND l.booking_id = a.booking_id AND l.attendee_key = a.attendee_key)`;

/** Builds the WHERE clause shared by the page query and the totals query. */
function whereClause(tenantId: string, now: Date, f: UninvoicedFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [tenantId, now];
  const add = (v: unknown) => `$${params.push(v)}`;
  const parts = [
    "b.tenant_id = $1",
    "b.end_at <= $2",
    "b.cancelled_at IS NULL",
    "b.price_type <> 'free'",
    // A booking nobody attends still shows (flagged noCustomer) so it is never silently lost.
    `(NOT EXISTS (SELECT 1 FROM booking_attendees a WHERE a.tenant_id = b.tenant_id AND a.booking_id = b.id)
      OR EXISTS (SELECT 1 FROM booking_attendees a WHERE a.tenant_id = b.tenant_id AND a.booking_id = b.id AND ${OPEN_ATTENDEE}))`,
  ];
  if (f.from) parts.push(`b.start_at >= ${add(f.from)}`);
  if (f.to) parts.push(`b.start_at < ${add(f.to)}`);
  if (f.serviceId) parts.push(`b.service_id = ${add(f.serviceId)}`);
  if (f.staffId) parts.push(`${add(f.staffId)} = ANY(b.staff_member_ids)`);
  if (f.customerId) {
    parts.push(`EXISTS (SELECT 1 FROM booking_attendees a WHERE a.tenant_id = b.tenant_id AND a.booking_id = b.id AND a.customer_id::text = ${add(f.customerId)})`);
  }
  if (f.q) {
    const like = add(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    parts.push(`(b.service_name ILIKE ${like} OR EXISTS (SELECT 1 FROM booking_attendees a WHERE a.tenant_id = b.tenant_id
      AND a.booking_id = b.id AND (a.name ILIKE ${like} OR a.email ILIKE ${like})))`);
  }
  return { sql: parts.join(" AND "), params };
}

/** Uninvoiced bookings in (start, id) order after the cursor; `limit` null reads the whole filtered set. */
export async function findUninvoiced(
  db: Queryable,
  tenantId: string,
  now: Date,
  filter: UninvoicedFilter,
  page: { after?: { start: Date; id: string }; limit: number | null },
): Promise<UninvoicedRow[]> {
  const where = whereClause(tenantId, now, filter);
  const params = [...where.params];
  const add = (v: unknown) => `$${params.push(v)}`;
  const cursor = page.after ? `AND (b.start_at, b.id) > (${add(page.after.start)}, ${add(page.after.id)})` : "";
  const limit = page.limit === null ? "" : `LIMIT ${add(page.limit)}`;
  const { rows } = await db.query<UninvoicedRow>(
    `SELECT b.id, b.start_at, b.end_at, b.service_id, b.service_name, b.staff_member_ids,
            trim_scale(b.price)::text AS price, b.price_type, b.currency,
            trim_scale(si.default_price)::text AS item_default_price,
            ARRAY(SELECT s.name FROM staff_members s WHERE s.tenant_id = b.tenant_id AND s.bookings_staff_id = ANY(b.staff_member_ids) ORDER BY s.name) AS staff_names,
            COALESCE((SELECT json_agg(json_build_object('key', a.attendee_key, 'bookingsCustomerId', a.bookings_customer_id,
                        'customerId', a.customer_id, 'name', COALESCE(c.name, a.name), 'email', COALESCE(c.email, a.email)) ORDER BY a.position)
                      FROM booking_attendees a LEFT JOIN customers c ON c.id = a.customer_id
                      WHERE a.tenant_id = b.tenant_id AND a.booking_id = b.id AND ${OPEN_ATTENDEE}), '[]'::json) AS attendees
     FROM bookings b
     LEFT JOIN service_items si ON si.tenant_id = b.tenant_id AND si.bookings_service_id = b.service_id
     WHERE ${where.sql} ${cursor}
     ORDER BY b.start_at, b.id ${limit}`,
    params,
  );
  return rows;
}
