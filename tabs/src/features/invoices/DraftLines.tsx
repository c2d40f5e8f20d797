// The lines of one (draft or previewed) invoice, with their price flags, and net, tax and total below them.
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { formatCalendarDate, formatMoney, formatQuantity } from "../../shared/format";
import { FlagBadges } from "./FlagBadges";
import type { Invoice } from "./invoice.types";

const useStyles = makeStyles({
  root: {
    margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalM} 44px`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  date: { width: "130px" },
  qty: { width: "90px" },
  money: { width: "120px" },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  endButton: { justifyContent: "flex-end" },
  description: { display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  totals: {
    display: "flex",
    justifyContent: "flex-end",
    gap: tokens.spacingHorizontalXL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground2,
    fontVariantNumeric: "tabular-nums",
  },
  total: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
});

/** What the lines table needs of an invoice (a preview has no id yet). */
export type LinesOf = Pick<Invoice, "customer" | "currency" | "lines" | "net" | "tax" | "total">;

/** Lines table with net, tax and total below it. */
export function DraftLines({ invoice }: { invoice: LinesOf }) {
  const styles = useStyles();
  const money = (v: string) => formatMoney(v, invoice.currency);
  return (
    <div className={styles.root}>
      <Table size="small" aria-label={`Lines of the invoice for ${invoice.customer.name}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.date}>Service date</TableHeaderCell>
            <TableHeaderCell>Description</TableHeaderCell>
            <TableHeaderCell className={styles.qty} button={{ className: styles.endButton }}>
              Qty
            </TableHeaderCell>
            <TableHeaderCell className={styles.money} button={{ className: styles.endButton }}>
              Unit price
            </TableHeaderCell>
            <TableHeaderCell className={styles.money} button={{ className: styles.endButton }}>
              Amount
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {invoice.lines.map((line, i) => (
            <TableRow key={line.id || `${line.bookingId}-${i}`}>
              <TableCell>{formatCalendarDate(line.serviceDate)}</TableCell>
              <TableCell>
                <span className={styles.description}>
                  {line.description}
                  <FlagBadges flags={line.flags} />
                </span>
              </TableCell>
              <TableCell className={styles.num}>{formatQuantity(line.quantity)}</TableCell>
              <TableCell className={styles.num}>{money(line.unitPrice)}</TableCell>
              <TableCell className={styles.num}>{money(line.amount)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.totals}>
        <span>Net {money(invoice.net)}</span>
        <span>Tax {money(invoice.tax)}</span>
        <span className={styles.total}>Total {money(invoice.total)}</span>
      </div>
    </div>
  );
}
