// The tax breakdown of an invoice or a preview: one row per (category, rate) group, exempt groups with their reason,
// and whether the amounts include VAT.
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Invoice } from "../invoice.types";
import { breakdownRows } from "./taxLabels";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", marginInlineStart: "auto", fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2 },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, textAlign: "end", verticalAlign: "top" },
  label: { textAlign: "start" },
  reason: { display: "block", color: tokens.colorNeutralForeground3, maxWidth: "36ch", whiteSpace: "normal" },
  note: { display: "block", textAlign: "end", color: tokens.colorNeutralForeground3, paddingInline: tokens.spacingHorizontalS },
});

/** Props: the groups, their currency, and (for one invoice) whether its amounts include VAT. */
export interface TaxBreakdownProps {
  groups: Invoice["taxBreakdown"];
  currency: string;
  pricesIncludeTax?: boolean;
}

/** A small table: group, taxable amount, tax. Nothing for an invoice without lines. */
export function TaxBreakdown({ groups, currency, pricesIncludeTax }: TaxBreakdownProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (groups.length === 0) return null;
  return (
    <div data-testid="tax-breakdown">
      <table className={styles.table} aria-label={t("invoices.tax.breakdown")}>
        <thead>
          <tr>
            <th className={mergeClasses(styles.cell, styles.label)} scope="col">{t("invoices.tax.group")}</th>
            <th className={styles.cell} scope="col">{t("invoices.tax.taxable")}</th>
            <th className={styles.cell} scope="col">{t("invoices.tax.amount")}</th>
          </tr>
        </thead>
        <tbody>
          {breakdownRows(groups, currency).map((row) => (
            <tr key={row.key} data-tax-group={row.key}>
              <td className={mergeClasses(styles.cell, styles.label)}>
                {row.label}
                {row.reason && <span className={styles.reason}>{row.reason}</span>}
              </td>
              <td className={styles.cell}>{row.taxable}</td>
              <td className={styles.cell}>{row.tax}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pricesIncludeTax !== undefined && <Caption1 className={styles.note}>{pricesIncludeTax ? t("invoices.tax.included") : t("invoices.tax.onTop")}</Caption1>}
    </div>
  );
}
