// SQL for the Overview's figures: each is one GROUP BY over a tenant's rows, read through the tenant's indexes.
// "Awaiting invoicing" is the bookings feature's predicate (its stored column) plus "has ended", as the list applies it.
import type { Queryable } from "../../shared/db";
import { AWAITING } from "../bookings/bookings.repository";

/** Count and exact amount of one group, in one currency. */
export interface CountedRow {
  currency: string;
  count: number;
  amount: string;
}

/** One age bucket (0: 0–7 days, 1: 8–30, 2: 31–60, 3: older), or the currency's total when `bucket` is null. */
export interface AgeRow extends CountedRow {
  bucket: 0 | 1 | 2 | 3 | null;
}

/** One of a currency's top groups, or (with `other`) the rest folded into one row. */
export interface RankedRow extends CountedRow {
  id: string | null;
  name: string | null;
  other: boolean;
}

/** Final documents of one issue month; credit notes count negative in the sums. */
export interface MonthRow {
  month: string;
  currency: string;
  invoices: number;
  credit_notes: number;
  net: string;
  tax: string;
  total: string;
}

/** Final invoices with something left to pay, and those of them past their due date. */
export interface OutstandingRow extends CountedRow {
  overdue_count: number;
  overdue_amount: string;
}

// $1 tenant, $2 now: the list's conditions without its filters.
const AWAITING_NOW = `b.tenant_id = $1 AND ${AWAITING} AND b.end_at <= $2`;

/**
 * Awaiting bookings by days since their start date in `timeZone`, with each currency's total (ROLLUP). The bucket edges
 * are the local midnights 7, 30 and 60 days before `today`, so rows are compared with instants, not converted one by one.
 */
export async function awaitingByAge(db: Queryable, tenantId: string, now: Date, today: string, timeZone: string): Promise<AgeRow[]> {
  const { rows } = await db.query<AgeRow>(
    `WITH edge AS (
       SELECT ($3::date - 7)::timestamp AT TIME ZONE $4 AS d7, ($3::date - 30)::timestamp AT TIME ZONE $4 AS d30,
              ($3::date - 60)::timestamp AT TIME ZONE $4 AS d60
     )
     SELECT b.currency, CASE WHEN b.start_at >= e.d7 THEN 0 WHEN b.start_at >= e.d30 THEN 1 WHEN b.start_at >= e.d60 THEN 2 ELSE 3 END AS bucket,
            count(*)::int AS count, sum(b.open_amount)::text AS amount
     FROM bookings b CROSS JOIN edge e
     WHERE ${AWAITING_NOW}
     GROUP BY b.currency, ROLLUP (2)`,
    [tenantId, now, today, timeZone],
  );
  return rows;
}

// Folds `ranked` (currency, id, name, count, amount, rank) into its top $3 rows and one "other" row per currency.
const TOP_AND_OTHER = `
  SELECT currency, min(id) FILTER (WHERE rank <= $3) AS id, min(name) FILTER (WHERE rank <= $3) AS name, min(rank) > $3 AS other,
         sum(count)::int AS count, sum(amount)::text AS amount
  FROM ranked GROUP BY currency, LEAST(rank, $3 + 1) ORDER BY currency, LEAST(rank, $3 + 1)`;
const RANK = "row_number() OVER (PARTITION BY currency ORDER BY amount DESC, count DESC, lower(name), id)";

/** Awaiting bookings by service, named from the synced service items (else as the booking names it); the top `top` per currency. */
export async function awaitingByService(db: Queryable, tenantId: string, now: Date, top: number): Promise<RankedRow[]> {
  const { rows } = await db.query<RankedRow>(
    `WITH per AS (
       SELECT b.currency, b.service_id AS id, max(b.service_name) AS booked_name, count(*)::int AS count, sum(b.open_amount) AS amount
       FROM bookings b WHERE ${AWAITING_NOW}
       -- bookings without a service stay apart by the name they carry
       GROUP BY b.currency, b.service_id, CASE WHEN b.service_id IS NULL THEN b.service_name END
     ), named AS (
       SELECT per.currency, per.id, COALESCE(si.name, per.booked_name) AS name, per.count, per.amount
       FROM per LEFT JOIN service_items si ON si.tenant_id = $1 AND si.bookings_service_id = per.id
     ), ranked AS (SELECT named.*, ${RANK} AS rank FROM named)
     ${TOP_AND_OTHER}`,
    [tenantId, now, top],
  );
  return rows;
}

/**
 * Awaiting bookings by staff member, named from the synced staff members; a booking counts (whole) for each of its
 * staff members, and once with a null id when it has none. The top `top` per currency.
 */
export async function awaitingByStaff(db: Queryable, tenantId: string, now: Date, top: number): Promise<RankedRow[]> {
  const { rows } = await db.query<RankedRow>(
    `WITH teams AS (
       -- bookings grouped by their set of staff members first: a tenant has few such sets, however many bookings
       SELECT b.currency, b.staff_member_ids AS ids, count(*) AS count, sum(b.open_amount) AS amount
       FROM bookings b WHERE ${AWAITING_NOW}
       GROUP BY b.currency, b.staff_member_ids
     ), per AS (
       SELECT t.currency, s.id, sum(t.count)::int AS count, sum(t.amount) AS amount
       FROM teams t LEFT JOIN LATERAL (SELECT DISTINCT unnest(t.ids) AS id) s ON true
       GROUP BY t.currency, s.id
     ), named AS (
       SELECT per.currency, per.id, m.name, per.count, per.amount
       FROM per LEFT JOIN staff_members m ON m.tenant_id = $1 AND m.bookings_staff_id = per.id
     ), ranked AS (SELECT named.*, ${RANK} AS rank FROM named)
     ${TOP_AND_OTHER}`,
    [tenantId, now, top],
  );
  return rows;
}

/** Final invoices and credit notes by issue month (issue dates are business dates already) in [from, to). */
export async function invoicedByMonth(db: Queryable, tenantId: string, from: string, to: string): Promise<MonthRow[]> {
  const credit = (column: string) => `sum(CASE WHEN i.kind = 'creditNote' THEN -i.${column} ELSE i.${column} END)::text AS ${column}`;
  const { rows } = await db.query<MonthRow>(
    `SELECT to_char(i.issue_date, 'YYYY-MM') AS month, i.currency,
            count(*) FILTER (WHERE i.kind = 'invoice')::int AS invoices, count(*) FILTER (WHERE i.kind = 'creditNote')::int AS credit_notes,
            ${credit("net")}, ${credit("tax")}, ${credit("total")}
     FROM invoices i
     WHERE i.tenant_id = $1 AND i.status = 'final' AND i.issue_date >= $2::date AND i.issue_date < $3::date
     GROUP BY 1, 2`,
    [tenantId, from, to],
  );
  return rows;
}

/**
 * What final invoices leave to be paid: total − what their credit notes credit − what was paid (as the invoice
 * presenter computes `outstanding`), and of it what is past due: a due date before `today`.
 */
export async function outstandingInvoices(db: Queryable, tenantId: string, today: string): Promise<OutstandingRow[]> {
  const { rows } = await db.query<OutstandingRow>(
    `WITH credited AS (
       SELECT cn.credited_invoice_id AS id, sum(cn.total) AS amount
       FROM invoices cn WHERE cn.tenant_id = $1 AND cn.credited_invoice_id IS NOT NULL GROUP BY 1
     ), paid AS (
       SELECT p.invoice_id AS id, sum(p.amount) AS amount
       FROM invoice_payments p WHERE p.tenant_id = $1 GROUP BY 1
     ), open AS (
       SELECT i.currency, i.due_date, i.total - COALESCE(c.amount, 0) - COALESCE(p.amount, 0) AS amount
       FROM invoices i LEFT JOIN credited c ON c.id = i.id LEFT JOIN paid p ON p.id = i.id
       WHERE i.tenant_id = $1 AND i.status = 'final' AND i.kind = 'invoice'
     )
     SELECT currency, count(*)::int AS count, sum(amount)::text AS amount,
            count(*) FILTER (WHERE due_date < $2::date)::int AS overdue_count, COALESCE(sum(amount) FILTER (WHERE due_date < $2::date), 0)::text AS overdue_amount
     FROM open WHERE amount > 0 GROUP BY currency`,
    [tenantId, today],
  );
  return rows;
}
