// SQL for the uninvoiced bookings list (PRODUCT.md §4.2): completed, not cancelled, not free, an attendee without a line.
// Amounts are the attendees' stored priced lines; SQL only sums them.
import type { Queryable } from "../../shared/db";
import type { TaxCategory } from "../../shared/taxSchemas";

/** Filters of GET /api/bookings/uninvoiced (and of "create for all matching"). */
export interface UninvoicedFilter {
  from?: Date;
  to?: Date;
  customerId?: string;
  serviceId?: string;
  staffId?: string;
  priceType?: string[];
  flag?: "review" | "needsPrice" | "noCustomer" | "cancelled-on-draft";
  q?: string;
  /** Internal: only these bookings. */
  ids?: string[];
}

/** Sort orders; a leading "-" sorts descending. */
export const SORTS = ["date", "-date", "amount", "-amount", "customer", "-customer", "service", "-service"] as const;
export type Sort = (typeof SORTS)[number];

/** One open (not yet invoiced) attendee. */
export interface OpenAttendeeRow {
  key: string;
  bookingsCustomerId: string | null;
  customerId: string | null;
  name: string;
  email: string | null;
  amount: string;
  flags: string[];
}

/** A booking row with its open attendees and their summed amount. */
export interface UninvoicedRow {
  id: string;
  start_at: Date;
  end_at: Date;
  service_id: string | null;
  service_name: string;
  staff_member_ids: string[];
  staff_names: string[];
  price_type: string;
  currency: string;
  cancelled: boolean;
  amount: string;
  sort_value: string;
  attendees: OpenAttendeeRow[];
}

/** An attendee (alias `a`) without an invoice line. */
export const OPEN = `NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.tenant_id = a.tenant_id AND l.booking_id = a.booking_id AND l.attendee_key = a.attendee_key AND l.bills)`;
const ON_DRAFT = `EXISTS (SELECT 1 FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE l.tenant_id = b.tenant_id AND l.booking_id = b.id AND i.status = 'draft')`;
const ATTENDEES_OF_B = "a.tenant_id = b.tenant_id AND a.booking_id = b.id";
/** A booking (alias `b`) awaiting invoicing but for the clock: the column migration 012 defines and builds the partial indexes on. */
export const AWAITING = "b.awaiting";

class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    return `$${this.values.push(v)}`;
  }
}

function conditions(p: Params, tenantId: string, now: Date, f: UninvoicedFilter): string {
  const parts = [`b.tenant_id = ${p.add(tenantId)}`];
  if (f.flag === "cancelled-on-draft") parts.push("b.cancelled_at IS NOT NULL", ON_DRAFT);
  else parts.push(AWAITING, `b.end_at <= ${p.add(now)}`);
  if (f.ids) parts.push(`b.id IN (SELECT unnest(${p.add(f.ids)}::text[]))`);
  if (f.from) parts.push(`b.start_at >= ${p.add(f.from)}`);
  if (f.to) parts.push(`b.start_at < ${p.add(f.to)}`);
  if (f.serviceId) parts.push(`b.service_id = ${p.add(f.serviceId)}`);
  if (f.staffId) parts.push(`${p.add(f.staffId)} = ANY(b.staff_member_ids)`);
  if (f.priceType?.length) parts.push(`b.price_type = ANY(${p.add(f.priceType)}::text[])`);
  if (f.customerId) parts.push(`EXISTS (SELECT 1 FROM booking_attendees a WHERE ${ATTENDEES_OF_B} AND a.customer_id::text = ${p.add(f.customerId)})`);
  if (f.flag === "review" || f.flag === "needsPrice") parts.push(`${p.add(f.flag)} = ANY(b.open_flags)`);
  if (f.flag === "noCustomer") parts.push("(b.open_no_customer OR b.attendee_count = 0)");
  if (f.q) {
    const like = p.add(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    parts.push(`(b.service_name ILIKE ${like} OR EXISTS (SELECT 1 FROM booking_attendees a LEFT JOIN customers c ON c.id = a.customer_id
      WHERE ${ATTENDEES_OF_B} AND (a.name ILIKE ${like} OR a.email ILIKE ${like} OR c.name ILIKE ${like})))`);
  }
  return parts.join(" AND ");
}

// Attendees shown for a row: the open ones, or, for a cancelled booking on a draft, all of them.
function attendeeScope(f: UninvoicedFilter): string {
  return f.flag === "cancelled-on-draft" ? "true" : OPEN;
}

// Each sort key is a column (or expression) of bookings that an index of migration 004 orders by.
const SORT_KEYS = {
  date: { expr: "b.start_at", type: "timestamptz", text: `to_char(b.start_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` },
  amount: { expr: "b.open_amount", type: "numeric", text: "b.open_amount::text" },
  customer: { expr: "b.open_sort_name", type: "text", text: "b.open_sort_name" },
  service: { expr: "lower(b.service_name)", type: "text", text: "lower(b.service_name)" },
} as const;

/** One page in the requested order after the cursor (the sort value and id of the last row seen). */
export async function findUninvoicedPage(
  db: Queryable,
  tenantId: string,
  now: Date,
  filter: UninvoicedFilter,
  page: { sort: Sort; after?: { value: string; id: string }; limit: number },
): Promise<UninvoicedRow[]> {
  const p = new Params();
  const desc = page.sort.startsWith("-");
  const key = SORT_KEYS[page.sort.replace("-", "") as keyof typeof SORT_KEYS];
  const dir = desc ? "DESC" : "ASC";
  const where = conditions(p, tenantId, now, filter);
  const after = page.after ? `AND (${key.expr}, b.id) ${desc ? "<" : ">"} (${p.add(page.after.value)}::${key.type}, ${p.add(page.after.id)})` : "";
  const scope = attendeeScope(filter);
  // Pick the page's rows through the index first; only those rows get their attendees and staff names.
  const { rows } = await db.query<UninvoicedRow>(
    `SELECT b.id, b.start_at, b.end_at, b.service_id, b.service_name, b.staff_member_ids, b.price_type, b.currency,
       b.cancelled_at IS NOT NULL AS cancelled, b.open_amount AS amount, ${key.text} AS sort_value,
       ARRAY(SELECT s.name FROM staff_members s WHERE s.tenant_id = b.tenant_id AND s.bookings_staff_id = ANY(b.staff_member_ids) ORDER BY s.name) AS staff_names,
       COALESCE((SELECT json_agg(json_build_object('key', a.attendee_key, 'bookingsCustomerId', a.bookings_customer_id, 'customerId', a.customer_id,
                   'name', COALESCE(c.name, a.name), 'email', COALESCE(c.email, a.email), 'amount', a.amount::text, 'flags', a.flags) ORDER BY a.position)
                 FROM booking_attendees a LEFT JOIN customers c ON c.id = a.customer_id WHERE ${ATTENDEES_OF_B} AND ${scope}), '[]'::json) AS attendees
     FROM (SELECT b.* FROM bookings b WHERE ${where} ${after} ORDER BY ${key.expr} ${dir}, b.id ${dir} LIMIT ${p.add(page.limit)}) b
     ORDER BY ${key.expr} ${dir}, b.id ${dir}`,
    p.values,
  );
  return rows;
}

/** The open amount of the filtered set's bookings of one VAT: that of their service's item; null for a service without one. */
export interface AmountOfItemTax {
  taxCategory: TaxCategory | null;
  taxRate: string | null;
  amount: string;
}

/** Count and amount over the whole filtered set, and the amount split by the VAT of the bookings' service items. */
export interface UninvoicedTotals {
  count: number;
  amount: string;
  currency: string | null;
  byItemTax: AmountOfItemTax[];
}

// Parts `x` of the filtered set (a booking, or a service's bookings of a day) with tenant, service, bookings `n`,
// amount and currency, summed per VAT of their item (PRODUCT.md §4.3: a booking's item is its service's).
const totalsOf = (parts: string) => `t AS (
    SELECT si.tax_category, trim_scale(si.tax_rate) AS tax_rate, sum(x.n) AS n, sum(x.amount) AS amount, min(x.currency) AS currency
    FROM (${parts}) x LEFT JOIN service_items si ON si.tenant_id = x.tenant_id AND si.bookings_service_id = x.service_id
    GROUP BY 1, 2
  )
  SELECT COALESCE(sum(n), 0)::int AS count, COALESCE(sum(amount), 0)::text AS amount, min(currency) AS currency,
    COALESCE(json_agg(json_build_object('taxCategory', tax_category, 'taxRate', tax_rate::text, 'amount', amount::text)), '[]'::json) AS "byItemTax"
  FROM t`;

/** Count and amount over the whole filtered set, with the amount by the VAT of its bookings' items. */
export async function uninvoicedTotals(db: Queryable, tenantId: string, now: Date, filter: UninvoicedFilter): Promise<UninvoicedTotals> {
  if (onlyDateRange(filter)) return totalsByDay(db, tenantId, now, filter);
  const p = new Params();
  const { rows } = await db.query<UninvoicedTotals>(
    `WITH ${totalsOf(`SELECT b.tenant_id, b.service_id, 1 AS n, b.open_amount AS amount, b.currency FROM bookings b WHERE ${conditions(p, tenantId, now, filter)}`)}`,
    p.values,
  );
  return rows[0]!;
}

// Filters the per-day log cannot answer; from and to it can.
const ROW_FILTERS = ["customerId", "serviceId", "staffId", "priceType", "flag", "q", "ids"] as const satisfies (keyof UninvoicedFilter)[];
const onlyDateRange = (f: UninvoicedFilter) => ROW_FILTERS.every((k) => f[k] === undefined);

const DAY_MS = 86_400_000;

/**
 * Totals from the per-day log of migration 006 (per service since 018): a day wholly inside the range whose bookings
 * have all ended is taken from the log; the others (the range's partial edge days, today, days with bookings still
 * running) are read row by row.
 */
async function totalsByDay(db: Queryable, tenantId: string, now: Date, f: Pick<UninvoicedFilter, "from" | "to">): Promise<UninvoicedTotals> {
  const p = new Params();
  const dayOf = (d: Date) => d.toISOString().slice(0, 10);
  // Days wholly inside [from, to): from the first midnight at or after `from` up to the day `to` falls on.
  const wholeFrom = f.from ? dayOf(new Date(Math.ceil(f.from.getTime() / DAY_MS) * DAY_MS)) : null;
  const wholeTo = f.to ? dayOf(f.to) : null;
  // A day is settled or read row by row as a whole, every currency and service of it: the rows read cover the whole day.
  const settled = [`max(d.last_end) OVER (PARTITION BY d.day) <= ${p.add(now)}`];
  if (wholeFrom) settled.push(`d.day >= ${p.add(wholeFrom)}::date`);
  if (wholeTo) settled.push(`d.day < ${p.add(wholeTo)}::date`);
  const range = [`tenant_id = ${p.add(tenantId)}`];
  if (f.from) range.push(`day >= ${p.add(dayOf(f.from))}::date`);
  if (f.to) range.push(`day <= ${p.add(dayOf(f.to))}::date`);
  const where = conditions(p, tenantId, now, f);
  const { rows } = await db.query<UninvoicedTotals>(
    `WITH d AS (
       SELECT tenant_id, day, currency, service_id, sum(bookings)::int AS bookings, sum(amount) AS amount, max(last_end) AS last_end
       FROM awaiting_day_deltas WHERE ${range.join(" AND ")} GROUP BY tenant_id, day, currency, service_id HAVING sum(bookings) > 0
     ), s AS (SELECT d.*, (${settled.join(" AND ")}) AS settled FROM d),
     direct AS (
       SELECT b.tenant_id, b.service_id, 1 AS n, b.open_amount AS amount, b.currency FROM (SELECT DISTINCT day FROM s WHERE NOT settled) u
       JOIN bookings b ON b.start_at >= (u.day::timestamp AT TIME ZONE 'UTC') AND b.start_at < ((u.day + 1)::timestamp AT TIME ZONE 'UTC')
       WHERE ${where}
     ),
     ${totalsOf("SELECT tenant_id, service_id, bookings AS n, amount, currency FROM s WHERE settled UNION ALL SELECT * FROM direct")}`,
    p.values,
  );
  return rows[0]!;
}

/**
 * Folds the per-day totals log of every tenant whose log has grown well past one row per day (creates and edits
 * between syncs append to it; a tenant without background sync would otherwise never be folded). Returns how many.
 */
export async function compactGrownDayLogs(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ tenant_id: string }>(
    `SELECT tenant_id FROM awaiting_day_deltas GROUP BY tenant_id HAVING count(*) > 2 * count(DISTINCT (day, currency, service_id)) + 100`,
  );
  for (const { tenant_id } of rows) await compactDayLog(db, tenant_id);
  return rows.length;
}

/** Folds one tenant's per-day totals log (migration 006) into one row per day, currency and service (migration 018). */
export async function compactDayLog(db: Queryable, tenantId: string): Promise<void> {
  await db.query("SELECT compact_awaiting_days($1)", [tenantId]);
}

/** Ids of every booking matching the filter, oldest first ("select all N matching"). */
export async function findUninvoicedIds(db: Queryable, tenantId: string, now: Date, filter: UninvoicedFilter): Promise<string[]> {
  const p = new Params();
  const { rows } = await db.query<{ id: string }>(`SELECT b.id FROM bookings b WHERE ${conditions(p, tenantId, now, filter)} ORDER BY b.start_at, b.id`, p.values);
  return rows.map((r) => r.id);
}
