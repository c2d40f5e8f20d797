// Page title with the totals of the filtered bookings awaiting invoicing.
import { Body1, Skeleton, SkeletonItem, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { showsVatEstimate, totalsText, type HeaderTotals } from "./headerTotals";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  totals: { color: tokens.colorNeutralForeground2 },
  skeleton: { width: "260px" },
});

/** Props: the server's totals over the filtered set (undefined while loading) and what the set is. */
export interface InvoicesHeaderProps {
  totals: HeaderTotals | undefined;
  filtered: boolean;
  cancelledOnDraft: boolean;
  /** Whether the amounts are Bookings prices including VAT; null or absent when unknown (then nothing is said). */
  pricesIncludeTax?: boolean | null;
}

/** "Invoices" and "N bookings awaiting invoicing · €X excl. VAT (≈ €Y incl. VAT)". */
export function InvoicesHeader({ totals, filtered, cancelledOnDraft, pricesIncludeTax }: InvoicesHeaderProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <header className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        {t("invoices.title")}
      </Title2>
      {totals ? (
        // The estimate's "≈" says it is one; the title says why (each invoice rounds its own VAT).
        <Body1
          className={styles.totals}
          data-testid="totals"
          aria-live="polite"
          title={showsVatEstimate(totals, pricesIncludeTax) ? t("invoices.header.vatEstimateHint") : undefined}
        >
          {totalsText(totals, { filtered, cancelledOnDraft, pricesIncludeTax })}
        </Body1>
      ) : (
        <Skeleton className={styles.skeleton} aria-label={t("invoices.header.loadingTotals")}>
          <SkeletonItem size={16} />
        </Skeleton>
      )}
    </header>
  );
}
