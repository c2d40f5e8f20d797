// A VAT category and rate in words, as the tab shows it everywhere: "VAT 21 %", "VAT 0 % (zero-rated)", "Exempt from VAT".
import type { TaxCategory } from "../../../api/src/shared/taxSchemas";
import { formatQuantity } from "./format";
import { t } from "./i18n/i18n";

/** The words for one (category, rate). */
export function taxGroupLabel(category: TaxCategory, rate: string): string {
  if (category === "E") return t("invoices.tax.exempt");
  if (category === "Z") return t("invoices.tax.zeroRated");
  return t("invoices.tax.standard", { rate: formatQuantity(rate) });
}
