// Page title with the running totals of bookings awaiting invoicing.
import { Body1, Skeleton, SkeletonItem, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { formatMoney, plural } from "../../shared/format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  totals: { color: tokens.colorNeutralForeground2 },
  skeleton: { width: "260px" },
});

/** Props: the server's totals (undefined while loading) and the business currency. */
export interface InvoicesHeaderProps {
  totals: { count: number; amount: string } | undefined;
  currency: string | undefined;
}

/** "Invoices" and "N bookings awaiting invoicing · €X". */
export function InvoicesHeader({ totals, currency = "EUR" }: InvoicesHeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        Invoices
      </Title2>
      {totals ? (
        <Body1 className={styles.totals} data-testid="totals" aria-live="polite">
          {`${plural(totals.count, "booking")} awaiting invoicing · ${formatMoney(totals.amount, currency)}`}
        </Body1>
      ) : (
        <Skeleton className={styles.skeleton} aria-label="Loading totals">
          <SkeletonItem size={16} />
        </Skeleton>
      )}
    </header>
  );
}
