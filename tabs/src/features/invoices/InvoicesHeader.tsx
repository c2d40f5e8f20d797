// Page title with the totals of the filtered bookings awaiting invoicing.
import { Body1, Skeleton, SkeletonItem, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatMoney } from "../../shared/format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  totals: { color: tokens.colorNeutralForeground2 },
  skeleton: { width: "260px" },
});

/** Props: the server's totals over the filtered set (undefined while loading) and what the set is. */
export interface InvoicesHeaderProps {
  totals: { count: number; amount: string; currency: string | null } | undefined;
  filtered: boolean;
  cancelledOnDraft: boolean;
  /** Whether the amounts are Bookings prices including VAT; null or absent when unknown (then nothing is said). */
  pricesIncludeTax?: boolean | null;
}

/** "Invoices" and "N bookings awaiting invoicing · €X incl. VAT". */
export function InvoicesHeader({ totals, filtered, cancelledOnDraft, pricesIncludeTax }: InvoicesHeaderProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  // "€4,330.25 excl. VAT": says whether the list's amounts include VAT, once the setup says so.
  const amountText = (amount: string) => (pricesIncludeTax == null ? amount : `${amount} ${t(pricesIncludeTax ? "invoices.header.inclVat" : "invoices.header.exclVat")}`);
  const key = cancelledOnDraft ? "invoices.header.cancelledOnDraft" : filtered ? "invoices.header.awaitingFiltered" : "invoices.header.awaiting";
  return (
    <header className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        {t("invoices.title")}
      </Title2>
      {totals ? (
        <Body1 className={styles.totals} data-testid="totals" aria-live="polite">
          {t(key, { count: totals.count, amount: amountText(formatMoney(totals.amount, totals.currency ?? "EUR")) })}
        </Body1>
      ) : (
        <Skeleton className={styles.skeleton} aria-label={t("invoices.header.loadingTotals")}>
          <SkeletonItem size={16} />
        </Skeleton>
      )}
    </header>
  );
}
