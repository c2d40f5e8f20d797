// Use case: one page of a tenant's invoices, newest first, with a cursor for the next page.
import { z } from "zod";
import type { Queryable } from "../../shared/db";
import { decodeCursor, pageOf } from "../../shared/cursor";
import { isStorableDate } from "../../shared/validate";
import { findLines, listInvoiceRows } from "./invoice.repository";
import { presentInvoices } from "./invoice.presenter";
import type { TListInvoicesQuery } from "./invoice.schema";
import type { InvoiceView } from "./invoice.types";

// The invoice cursor is the exact (created_at, id) of the last item.
const ZInvoiceCursor = z.tuple([z.iso.datetime().refine(isStorableDate), z.uuid()]);

/** Lists invoices (and credit notes) by status, kind and customer; a cursor continues after the last invoice of the previous page. */
export async function listInvoices(deps: { db: Queryable }, tenantId: string, query: TListInvoicesQuery): Promise<{ items: InvoiceView[]; nextCursor: string | null }> {
  const after = query.cursor ? toAfter(decodeCursor(query.cursor, ZInvoiceCursor)) : undefined;
  const rows = await listInvoiceRows(deps.db, tenantId, { ...query, after, limit: query.limit + 1 });
  const { page, nextCursor } = pageOf(rows, query.limit, (last) => [last.created_at_exact, last.id]);
  return { items: presentInvoices(page, await findLines(deps.db, tenantId, page.map((r) => r.id))), nextCursor };
}

const toAfter = ([createdAt, id]: [string, string]) => ({ createdAt, id });
