// The VAT of a service item (or of the item template) as the admin edits it: text fields checked as the server checks
// them (api/src/shared/taxSchemas.ts), turned into the request's fields.
import { t } from "../../shared/i18n/i18n";
import type { ItemTax, TaxCategory } from "../../../../api/src/shared/taxSchemas";

/** What the admin edits; the rate stays text so "9,5" can be shown and explained. */
export interface ItemTaxDraft {
  taxCategory: TaxCategory;
  taxRate: string;
  taxExemptionReason: string;
  taxExemptionCode: string;
}

/** The categories in the order the picker shows them. */
export const TAX_CATEGORY_OPTIONS: readonly TaxCategory[] = ["S", "Z", "E"];

/** The Dutch and Belgian standard rate: what a new setup's items get unless the admin says otherwise. */
export const DEFAULT_ITEM_TAX_DRAFT: ItemTaxDraft = { taxCategory: "S", taxRate: "21", taxExemptionReason: "", taxExemptionCode: "" };

/** The draft of a stored VAT; missing fields take the default's. */
export function itemTaxDraftFrom(tax: Partial<ItemTax> | undefined): ItemTaxDraft {
  if (!tax?.taxCategory) return DEFAULT_ITEM_TAX_DRAFT;
  return { taxCategory: tax.taxCategory, taxRate: tax.taxRate ?? "0", taxExemptionReason: tax.taxExemptionReason ?? "", taxExemptionCode: tax.taxExemptionCode ?? "" };
}

/** The draft after picking a category: Z and E are at 0 %, S gets the standard rate back if it had none. */
export function withCategory(draft: ItemTaxDraft, taxCategory: TaxCategory): ItemTaxDraft {
  const rate = taxCategory === "S" ? (isPositive(draft.taxRate) ? draft.taxRate : DEFAULT_ITEM_TAX_DRAFT.taxRate) : "0";
  return { ...draft, taxCategory, taxRate: rate };
}

const RATE = /^\d{1,2}([.,]\d{1,4})?$/;
const VATEX = /^VATEX-[A-Z]{2}(-[A-Z0-9]+){1,4}$/;

function isPositive(rate: string): boolean {
  const v = rate.trim();
  return RATE.test(v) && Number(v.replace(",", ".")) > 0;
}

/** A message per invalid field; empty when the VAT can be saved. */
export function validateItemTax(draft: ItemTaxDraft): Partial<Record<keyof ItemTaxDraft, string>> {
  const errors: Partial<Record<keyof ItemTaxDraft, string>> = {};
  if (draft.taxCategory === "S" && !isPositive(draft.taxRate)) errors.taxRate = t("setup.itemTax.rateInvalid");
  if (draft.taxCategory === "E" && !draft.taxExemptionReason.trim()) errors.taxExemptionReason = t("setup.itemTax.reasonRequired");
  if (draft.taxExemptionReason.trim().length > 300) errors.taxExemptionReason = t("setup.itemTax.reasonLong");
  const code = draft.taxExemptionCode.trim().toUpperCase();
  if (draft.taxCategory === "E" && code && !VATEX.test(code)) errors.taxExemptionCode = t("setup.itemTax.codeInvalid");
  return errors;
}

/** The request's tax fields for a valid draft: 0 % for Z and E, a reason and code only for E. */
export function toItemTax(draft: ItemTaxDraft): ItemTax {
  const exempt = draft.taxCategory === "E";
  const code = draft.taxExemptionCode.trim().toUpperCase();
  return {
    taxCategory: draft.taxCategory,
    taxRate: draft.taxCategory === "S" ? draft.taxRate.trim().replace(",", ".") : "0",
    taxExemptionReason: exempt ? draft.taxExemptionReason.trim() : null,
    taxExemptionCode: exempt && code ? code : null,
  };
}
