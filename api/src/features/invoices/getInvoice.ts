// Use cases: invoices as the API shows them — one by id, or several that must all exist.
import { canonicalTimeZone, dateIn } from "../../shared/businessDates";
import type { Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { LEGACY_TIME_ZONE } from "../setup/setup.schema";
import { findBusinessTimeZone, findInvoices, findLines, type InvoiceRow } from "./invoice.repository";
import { presentInvoices } from "./invoice.presenter";
import type { InvoiceView } from "./invoice.types";
import { findPayments } from "./payment.repository";

/** What reading invoices needs: the store (or an open transaction), and the clock that tells overdue from open. */
export interface ReadDeps {
  db: Queryable;
  now: () => Date;
}

/** The one answer for an invoice the tenant does not have: unknown and other tenants' ids look alike (PRODUCT.md §5). */
export const noSuchInvoice = () => new AppError("NOT_FOUND", "No such invoice.");

/** Today in the tenant's business time zone (PRODUCT.md §4.3): what due dates and payment dates are compared with. */
export async function businessToday(deps: ReadDeps, tenantId: string): Promise<string> {
  const zone = await findBusinessTimeZone(deps.db, tenantId);
  return dateIn((zone && canonicalTimeZone(zone)) ?? LEGACY_TIME_ZONE, deps.now());
}

/** One invoice with its lines; throws NOT_FOUND when the tenant has no such invoice. */
export async function getInvoice(deps: ReadDeps, tenantId: string, id: string): Promise<InvoiceView> {
  return (await getInvoices(deps, tenantId, [id]))[0]!;
}

/** Invoices in the order of `ids` (unique); throws NOT_FOUND if any is missing, so no answer silently leaves one out. */
export async function getInvoices(deps: ReadDeps, tenantId: string, ids: string[]): Promise<InvoiceView[]> {
  const rows = await findInvoices(deps.db, tenantId, ids);
  if (rows.length < ids.length) throw noSuchInvoice();
  return presentRows(deps.db, tenantId, rows, await businessToday(deps, tenantId));
}

/**
 * Invoices in the order of `ids` (unique); throws NOT_FOUND naming the missing ones (`invoiceIds`), for a selection
 * of several where the caller must learn which are gone. Another tenant's ids are named alike, as unknown ones.
 */
export async function getInvoicesNamingMissing(deps: ReadDeps, tenantId: string, ids: string[]): Promise<InvoiceView[]> {
  const rows = await findInvoices(deps.db, tenantId, ids);
  if (rows.length < ids.length) {
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    const message = `${missing.length} of the selected invoices ${missing.length === 1 ? "does" : "do"} not exist (see invoiceIds).`;
    throw new AppError("NOT_FOUND", message, { invoiceIds: missing });
  }
  return presentRows(deps.db, tenantId, rows, await businessToday(deps, tenantId));
}

/** Invoice rows as the API shows them, with their lines and payments; `today` is the business's date (businessToday). */
export async function presentRows(db: Queryable, tenantId: string, rows: InvoiceRow[], today: string): Promise<InvoiceView[]> {
  const ids = rows.map((r) => r.id);
  // One after another: inside a transaction the queries share its one connection.
  const lines = await findLines(db, tenantId, ids);
  return presentInvoices(rows, lines, { payments: await findPayments(db, tenantId, ids), today });
}
