// The item template's VAT completed: as given, or, for a setup that names none, what customerTemplate.taxRate meant
// before items had a tax of their own (S at that rate, Z at 0), so older setups and clients keep their totals.
import { completeItemTax, taxOfRate } from "../../shared/taxSchemas";
import type { TItemTemplate, TSetupInput } from "./setup.schema";

/** The template with its VAT complete. */
export function completeItemTemplate(template: TSetupInput["itemTemplate"], customerTaxRate: number): TItemTemplate {
  const { type, unitOfMeasure } = template;
  const tax = template.taxCategory ? completeItemTax({ ...template, taxCategory: template.taxCategory }) : taxOfRate(customerTaxRate);
  return { type, unitOfMeasure, ...tax };
}
