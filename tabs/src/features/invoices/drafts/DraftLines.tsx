// The lines of one (draft or previewed) invoice, with their price flags and VAT, and below them the tax breakdown
// and net, tax and total.
import { Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatCalendarDate, formatLineQuantity, formatMoney, formatUnitPrice } from "../../../shared/format";
import { NARROW_MEDIA, useNarrow } from "../../../shared/narrow";
import { FlagBadges } from "../FlagBadges";
import type { Invoice } from "../invoice.types";
import { TaxBreakdown } from "./TaxBreakdown";
import { lineTaxLabel } from "./taxLabels";

const useStyles = makeStyles({
  root: {
    margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalM} 44px`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    [NARROW_MEDIA]: { marginInlineStart: 0, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  },
  stack: { display: "flex", flexDirection: "column", padding: `${tokens.spacingVerticalXS} 0` },
  muted: { color: tokens.colorNeutralForeground3 },
  date: { width: "130px" },
  qty: { width: "90px" },
  money: { width: "120px" },
  vat: { width: "90px" },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  endButton: { justifyContent: "flex-end" },
  description: { display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  totals: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "flex-end",
    gap: tokens.spacingHorizontalXL,
    [NARROW_MEDIA]: { gap: tokens.spacingHorizontalM },
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground2,
    fontVariantNumeric: "tabular-nums",
  },
  total: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
});

/** What the lines table needs of an invoice (a preview has no id yet). */
export type LinesOf = Pick<Invoice, "customer" | "currency" | "lines" | "net" | "tax" | "total" | "taxBreakdown" | "pricesIncludeTax">;

/** Lines table with net, tax and total below it; `className` adjusts the box (its margin suits a table row). */
export function DraftLines({ invoice, className }: { invoice: LinesOf; className?: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const money = (v: string) => formatMoney(v, invoice.currency);
  const narrow = useNarrow();
  return (
    <div className={mergeClasses(styles.root, className)}>
      {narrow ? <NarrowLines invoice={invoice} /> : <Table size="small" aria-label={t("invoices.lines.label", { name: invoice.customer.name })}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.date}>{t("invoices.lines.serviceDate")}</TableHeaderCell>
            <TableHeaderCell>{t("invoices.lines.description")}</TableHeaderCell>
            <TableHeaderCell className={styles.qty} button={{ className: styles.endButton }}>
              {t("invoices.lines.qty")}
            </TableHeaderCell>
            <TableHeaderCell className={styles.money} button={{ className: styles.endButton }}>
              {t("invoices.lines.unitPrice")}
            </TableHeaderCell>
            <TableHeaderCell className={styles.vat} button={{ className: styles.endButton }}>
              {t("invoices.lines.vat")}
            </TableHeaderCell>
            <TableHeaderCell className={styles.money} button={{ className: styles.endButton }}>
              {t("invoices.lines.amount")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {invoice.lines.map((line, i) => (
            <TableRow key={line.id || `${line.bookingId}-${i}`}>
              <TableCell>{formatCalendarDate(line.serviceDate)}</TableCell>
              <TableCell>
                <LineDescription line={line} />
              </TableCell>
              <TableCell className={styles.num}>{formatLineQuantity(line)}</TableCell>
              <TableCell className={styles.num}>{formatUnitPrice(line, invoice.currency)}</TableCell>
              <TableCell className={styles.num}>{lineTaxLabel(line)}</TableCell>
              <TableCell className={styles.num}>{money(line.amount)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>}
      <TaxBreakdown groups={invoice.taxBreakdown} currency={invoice.currency} pricesIncludeTax={invoice.pricesIncludeTax} />
      <div className={styles.totals}>
        <span>{t("invoices.lines.net", { amount: money(invoice.net) })}</span>
        <span>{t("invoices.lines.tax", { amount: money(invoice.tax) })}</span>
        <span className={styles.total}>{t("invoices.lines.total", { amount: money(invoice.total) })}</span>
      </div>
    </div>
  );
}

/** Phone width: each line as its description over "date · quantity × price · VAT", with its amount beside it. */
function NarrowLines({ invoice }: { invoice: LinesOf }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Table size="small" aria-label={t("invoices.lines.label", { name: invoice.customer.name })}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("invoices.lines.description")}</TableHeaderCell>
          <TableHeaderCell className={styles.money} button={{ className: styles.endButton }}>
            {t("invoices.lines.amount")}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {invoice.lines.map((line, i) => (
          <TableRow key={line.id || `${line.bookingId}-${i}`}>
            <TableCell>
              <span className={styles.stack}>
                <LineDescription line={line} />
                <Caption1 className={styles.muted}>
                  {[formatCalendarDate(line.serviceDate), `${formatLineQuantity(line)} × ${formatUnitPrice(line, invoice.currency)}`, lineTaxLabel(line)].join(" · ")}
                </Caption1>
              </span>
            </TableCell>
            <TableCell className={mergeClasses(styles.money, styles.num)}>{formatMoney(line.amount, invoice.currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A line's description with its price flags. */
function LineDescription({ line }: { line: LinesOf["lines"][number] }) {
  const styles = useStyles();
  return (
    <span className={styles.description}>
      {line.description}
      <FlagBadges flags={line.flags} />
    </span>
  );
}
