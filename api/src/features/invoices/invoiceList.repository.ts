// SQL for the invoice list: filters, search and the keyset-paged sort orders. No business rules here.
import type { Queryable } from "../../shared/db";
import { CREDITED_SUM, INVOICE_COLUMNS, type InvoiceRow } from "./invoice.repository";
import { paymentStatusSql } from "./payment.repository";
import type { InvoiceListFilter, InvoiceSort, InvoiceSortKey } from "./invoice.types";

/** Sort orders of the invoice list; a leading "-" sorts descending. */
export const INVOICE_SORTS = [
  "created", "-created", "issueDate", "-issueDate", "number", "-number", "customer", "-customer", "total", "-total",
] as const satisfies readonly InvoiceSort[];

interface SortKey {
  /** What the rows are ordered by (then by id), and its type, for casting a cursor's value back. */
  expr: string;
  type: string;
  /** The value as text for a cursor: exact, so a page continues right after the last row. */
  text: string;
  /** Drafts have no number: a null key sorts after every value, in both directions. */
  nullable?: boolean;
}

const SORT_KEYS: Record<InvoiceSortKey, SortKey> = {
  created: { expr: "i.created_at", type: "timestamptz", text: `to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` },
  issueDate: { expr: "i.issue_date", type: "date", text: "to_char(i.issue_date, 'YYYY-MM-DD')" },
  number: { expr: "i.number", type: "text", text: "i.number", nullable: true },
  // The first 200 characters keep a cursor short whatever the name; longer names tied there are ordered by id.
  customer: { expr: "lower(left(c.name, 200))", type: "text", text: "lower(left(c.name, 200))" },
  // numeric(19,4): compared as exact decimals, never as text.
  total: { expr: "i.total", type: "numeric", text: "i.total::text" },
};

/** An invoice row with the value it is sorted by (null for a draft's number). */
export interface ListedInvoiceRow extends InvoiceRow {
  sort_value: string | null;
}

/** What the list filters on, its order, and where the page starts. */
export interface InvoiceListQuery extends InvoiceListFilter {
  sort: InvoiceSort;
  /** The sort value and id of the last row of the previous page. */
  after?: { value: string | null; id: string };
  limit: number;
  /** The business's date (YYYY-MM-DD) that the paymentStatus filter tells overdue by. */
  today: string;
}

/** The sort key of a sort order. */
export const sortKeyOf = (sort: InvoiceSort) => sort.replace("-", "") as InvoiceSortKey;

/** A page of invoices in the requested order, after the cursor. */
export async function listInvoiceRows(db: Queryable, tenantId: string, q: InvoiceListQuery): Promise<ListedInvoiceRow[]> {
  const params: unknown[] = [tenantId];
  const add = (v: unknown) => `$${params.push(v)}`;
  const where = ["i.tenant_id = $1"];
  if (q.status === "credited") where.push("i.status = 'final'", "i.kind = 'invoice'", `${CREDITED_SUM} > 0`);
  else if (q.status) where.push(`i.status = ${add(q.status)}`);
  if (q.kind) where.push(`i.kind = ${add(q.kind)}`);
  if (q.customerId) where.push(`i.customer_id = ${add(q.customerId)}`);
  // Only final invoices have a payment status; said outright, the planner can start from migration 019's partial index.
  if (q.paymentStatus?.length) {
    where.push("i.status = 'final'", "i.kind = 'invoice'", `${paymentStatusSql(add(q.today))} IN (SELECT unnest(${add(q.paymentStatus)}::text[]))`);
  }
  // Delivery is of final documents only; one never queued reads "notSent".
  if (q.delivery?.length) {
    where.push("i.status = 'final'", `COALESCE((SELECT d.status FROM invoice_deliveries d WHERE d.tenant_id = i.tenant_id AND d.invoice_id = i.id AND d.kind = 'document'), 'notSent') IN (SELECT unnest(${add(q.delivery)}::text[]))`);
  }
  if (q.q) {
    const like = add(`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(i.number ILIKE ${like} OR c.name ILIKE ${like})`);
  }
  const key = SORT_KEYS[sortKeyOf(q.sort)];
  const desc = q.sort.startsWith("-");
  const dir = desc ? "DESC" : "ASC";
  if (q.after) where.push(afterCondition(key, desc ? "<" : ">", q.after, add));
  const order = `${key.nullable ? `${key.expr} IS NULL, ` : ""}${key.expr} ${dir}, i.id ${dir}`;
  const { rows } = await db.query<ListedInvoiceRow>(
    `SELECT ${INVOICE_COLUMNS}, ${key.text} AS sort_value FROM invoices i JOIN customers c ON c.id = i.customer_id
     WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ${add(q.limit)}`,
    params,
  );
  return rows;
}

// Rows after (value, id) in the order (key IS NULL, key, id): for a nullable key every null row follows every value.
function afterCondition(key: SortKey, op: "<" | ">", after: { value: string | null; id: string }, add: (v: unknown) => string): string {
  const id = `${add(after.id)}::uuid`;
  if (after.value === null) return `(${key.expr} IS NULL AND i.id ${op} ${id})`;
  const tuple = `(${key.expr}, i.id) ${op} (${add(after.value)}::${key.type}, ${id})`;
  return key.nullable ? `(${key.expr} IS NULL OR ${tuple})` : tuple;
}
