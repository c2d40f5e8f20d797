// Words for VAT: a line's rate ("21 %", "0 % zero-rated", "exempt") and the rows of an invoice's tax breakdown.
import { t } from "../../../shared/i18n/i18n";
import { formatMoney, formatQuantity } from "../../../shared/format";
import { taxGroupLabel } from "../../../shared/taxLabel";
import type { Invoice, InvoiceLine } from "../invoice.types";

type TaxGroup = Invoice["taxBreakdown"][number];

/** The VAT of a line as a short cell text: "21 %", "0 %" (zero-rated) or "Exempt". */
export function lineTaxLabel(line: Pick<InvoiceLine, "taxCategory" | "taxRate">): string {
  if (line.taxCategory === "E") return t("invoices.tax.exemptShort");
  return `${formatQuantity(line.taxRate)} %`;
}

/** One row of the breakdown: what the group is, over how much, how much tax, and for exempt lines the printed reason. */
export interface BreakdownRow {
  key: string;
  label: string;
  taxable: string;
  tax: string;
  reason: string | null;
}

/** The breakdown's rows, with amounts formatted in the invoice's currency. */
export function breakdownRows(groups: readonly TaxGroup[], currency: string): BreakdownRow[] {
  return groups.map((g) => ({
    key: `${g.category}-${g.rate}`,
    label: taxGroupLabel(g.category, g.rate),
    taxable: formatMoney(g.taxable, currency),
    tax: formatMoney(g.tax, currency),
    reason: g.exemptionReason,
  }));
}
