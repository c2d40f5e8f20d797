// The customer template of a tenant's setup, with the business currency filled in where the template names none.
import type { CustomerTemplate } from "../customers/customer.repository";
import type { TSetup } from "./setup.schema";

/** Values new customers get. */
export function customerTemplateOf(setup: TSetup): CustomerTemplate {
  const t = setup.customerTemplate;
  return { currency: t.currency ?? setup.currency, paymentTermsDays: t.paymentTermsDays, taxRate: t.taxRate, language: t.language };
}
