// Use cases: invoices as the API shows them — one by id, or several that must all exist.
import type { Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { findInvoices, findLines } from "./invoice.repository";
import { presentInvoices } from "./invoice.presenter";
import type { InvoiceView } from "./invoice.types";

/** The one answer for an invoice the tenant does not have: unknown and other tenants' ids look alike (PRODUCT.md §5). */
export const noSuchInvoice = () => new AppError("NOT_FOUND", "No such invoice.");

/** One invoice with its lines; throws NOT_FOUND when the tenant has no such invoice. */
export async function getInvoice(deps: { db: Queryable }, tenantId: string, id: string): Promise<InvoiceView> {
  return (await getInvoices(deps, tenantId, [id]))[0]!;
}

/** Invoices in the order of `ids` (unique); throws NOT_FOUND if any is missing, so no answer silently leaves one out. */
export async function getInvoices(deps: { db: Queryable }, tenantId: string, ids: string[]): Promise<InvoiceView[]> {
  const rows = await findInvoices(deps.db, tenantId, ids);
  if (rows.length < ids.length) throw noSuchInvoice();
  return presentInvoices(rows, await findLines(deps.db, tenantId, ids));
}

/**
 * Invoices in the order of `ids` (unique); throws NOT_FOUND naming the missing ones (`invoiceIds`), for a selection
 * of several where the caller must learn which are gone. Another tenant's ids are named alike, as unknown ones.
 */
export async function getInvoicesNamingMissing(deps: { db: Queryable }, tenantId: string, ids: string[]): Promise<InvoiceView[]> {
  const rows = await findInvoices(deps.db, tenantId, ids);
  if (rows.length < ids.length) {
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    const message = `${missing.length} of the selected invoices ${missing.length === 1 ? "does" : "do"} not exist (see invoiceIds).`;
    throw new AppError("NOT_FOUND", message, { invoiceIds: missing });
  }
  return presentInvoices(rows, await findLines(deps.db, tenantId, ids));
}
