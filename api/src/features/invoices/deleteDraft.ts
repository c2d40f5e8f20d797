// Use case: delete a draft; its attendees return to the uninvoiced list. Final invoices are never deleted.
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { deleteInvoiceRow, lockInvoice } from "./draft.repository";
import { noSuchInvoice } from "./getInvoice";

/** Deletes the draft; throws NOT_FOUND for an invoice the tenant does not have, NOT_DRAFT for a final one. */
export async function deleteDraft(deps: { db: Db }, tenantId: string, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, tenantId, id);
    if (!invoice) throw noSuchInvoice();
    if (invoice.status !== "draft") throw new AppError("NOT_DRAFT", "This invoice is final and cannot be deleted.");
    await deleteInvoiceRow(tx, tenantId, id);
  });
}
