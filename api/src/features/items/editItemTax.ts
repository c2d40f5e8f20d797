// Use case: an admin sets a service item's VAT (PRODUCT.md §4.3). Attendees take their item's VAT when they are put on
// a draft (invoice.repository#loadBillable), so every line on no invoice yet is billed with the new VAT at once, while
// drafts and final invoices keep the VAT their lines were priced with.
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import type { ItemTax } from "../../shared/taxSchemas";
import { updateItemTax, type ServiceItemView } from "./serviceItem.repository";

/** The one answer for an item the tenant does not have: unknown and other tenants' ids look alike. */
export const noSuchItem = () => new AppError("NOT_FOUND", "No such service item.");

/** Stores the item's VAT and answers the item. */
export async function editItemTax(deps: { db: Db }, tenantId: string, id: string, tax: ItemTax): Promise<ServiceItemView> {
  const item = await updateItemTax(deps.db, tenantId, id, tax);
  if (!item) throw noSuchItem();
  return item;
}
