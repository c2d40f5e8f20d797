// Use case: one page of a tenant's invoices, newest first or in the requested order, with a cursor for the next page.
import { z } from "zod";
import { decodeCursor, pageOf } from "../../shared/cursor";
import { isStorableDate, isStorableText } from "../../shared/validate";
import { businessToday, presentRows, type ReadDeps } from "./getInvoice";
import { listInvoiceRows, sortKeyOf } from "./invoiceList.repository";
import type { TListInvoicesQuery } from "./invoice.schema";
import type { InvoiceSort, InvoiceSortKey, InvoiceView } from "./invoice.types";

/**
 * Lists invoices (and credit notes) by status, kind, customer, payment status and search text; a cursor continues after
 * the last invoice of the previous page. One business date filters and presents the page, so the two agree at midnight.
 */
export async function listInvoices(deps: ReadDeps, tenantId: string, query: TListInvoicesQuery): Promise<{ items: InvoiceView[]; nextCursor: string | null }> {
  const after = query.cursor ? readCursor(query.cursor, query.sort) : undefined;
  const today = await businessToday(deps, tenantId);
  const rows = await listInvoiceRows(deps.db, tenantId, { ...query, after, limit: query.limit + 1, today });
  const { page, nextCursor } = pageOf(rows, query.limit, (last) => [query.sort, last.sort_value, last.id]);
  return { items: await presentRows(deps.db, tenantId, page, today), nextCursor };
}

// The SQL casts the cursor's sort value to the sort key's type, so a tampered value must fail here, as a 400.
const ZCursorText = z.string().max(1000).refine(isStorableText);
const CURSOR_VALUE: Record<InvoiceSortKey, z.ZodType<string | null>> = {
  created: z.iso.datetime().refine(isStorableDate),
  issueDate: z.iso.date().refine(isStorableDate),
  // A draft has no number: its cursor value is null.
  number: ZCursorText.nullable(),
  customer: ZCursorText,
  total: z.string().max(40).regex(/^-?\d+(\.\d+)?$/),
};

// The cursor is [sort, value, id] of the last row: one from another sort order cannot continue this one.
function readCursor(cursor: string, sort: InvoiceSort): { value: string | null; id: string } {
  const schema = z.tuple([z.literal(sort), CURSOR_VALUE[sortKeyOf(sort)], z.uuid()]);
  const [, value, id] = decodeCursor(cursor, schema, "is it from another sort order? Start again without it");
  return { value, id };
}
