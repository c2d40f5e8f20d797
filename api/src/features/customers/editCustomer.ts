// Use case: an admin completes a customer with what Bookings does not hold (PRODUCT.md §4.6).
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { findCustomer, updateCustomerDetails, type CustomerView } from "./customer.repository";
import type { TCustomerPatch } from "./customer.schema";

/** The one answer for a customer the tenant does not have: unknown and other tenants' ids look alike. */
export const noSuchCustomer = () => new AppError("NOT_FOUND", "No such customer.");

/** Applies the edit (one statement) and answers the customer as it is now; a blank company name clears it. */
export async function editCustomer(deps: { db: Db }, tenantId: string, id: string, patch: TCustomerPatch): Promise<CustomerView> {
  // The schema has trimmed it already.
  const companyName = patch.companyName === "" ? null : patch.companyName;
  const changed = await updateCustomerDetails(deps.db, tenantId, id, { ...patch, companyName });
  if (!changed) throw noSuchCustomer();
  return (await findCustomer(deps.db, tenantId, id))!;
}
