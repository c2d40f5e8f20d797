// The view switcher of the Invoices page, with a count on each view.
import { Badge, CounterBadge, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { NARROW_MEDIA } from "../../shared/narrow";
import type { InvoicesView } from "./invoiceQuery";
import type { TabCounts } from "./useTabCounts";

const useStyles = makeStyles({
  // On a phone the three views wrap onto two lines rather than running off the screen.
  list: { minWidth: 0, [NARROW_MEDIA]: { flexWrap: "wrap", flexShrink: 1 } },
  label: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  more: { fontVariantNumeric: "tabular-nums" },
});

/** Props: the current view, its setter, and the counts. */
export interface ViewTabsProps {
  view: InvoicesView;
  onChange: (view: InvoicesView) => void;
  toInvoice: number | undefined;
  counts: TabCounts;
}

/** "To invoice (N)", "Drafts (N)", "Needs a customer (N)". */
export function ViewTabs({ view, onChange, toInvoice, counts }: ViewTabsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  // No badge until the count has loaded: a "0" that then jumps would mislead.
  const badge = (count: number | undefined, color: "informative" | "danger" = "informative") =>
    count === undefined ? null : <CounterBadge count={count} showZero overflowCount={99999} size="small" appearance="ghost" color={color} />;
  return (
    <TabList className={styles.list} selectedValue={view} onTabSelect={(_, data) => onChange(data.value as InvoicesView)} aria-label={t("invoices.views.label")}>
      <Tab value="toInvoice">
        <span className={styles.label}>
          {t("invoices.views.toInvoice")}
          {badge(toInvoice)}
        </span>
      </Tab>
      <Tab value="drafts">
        <span className={styles.label}>
          {t("invoices.views.drafts")}
          {counts.draftsMore ? (
            <Badge size="small" appearance="ghost" color="informative" className={styles.more}>{`${counts.drafts}+`}</Badge>
          ) : (
            badge(counts.drafts)
          )}
        </span>
      </Tab>
      <Tab value="review" data-testid="review-tab">
        <span className={styles.label}>
          {t("invoices.views.review")}
          {badge(counts.needsCustomer, counts.needsCustomer ? "danger" : "informative")}
        </span>
      </Tab>
    </TabList>
  );
}
