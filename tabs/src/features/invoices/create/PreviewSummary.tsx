// Preview totals (drafts, lines, net, tax, total), price warnings and the bookings that would be skipped, with reasons.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatCount, formatMoney } from "../../../shared/format";
import { groupSkipped } from "./describeSkipped";
import type { PreviewResult } from "../invoice.types";
import { countLineFlags, lineFlagWarnings } from "../drafts/lineFlags";
import { TaxBreakdown } from "../drafts/TaxBreakdown";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  stats: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(110px, 1fr))",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  stat: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  // On a phone the large total would spill out of its narrow column: it gets the whole row.
  strongStat: { "@media (max-width: 479px)": { gridColumn: "1 / -1" } },
  label: { color: tokens.colorNeutralForeground3 },
  value: { fontVariantNumeric: "tabular-nums" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** Totals, warnings and skipped bookings of a preview. */
export function PreviewSummary({ preview }: { preview: PreviewResult }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { totals } = preview;
  const currency = totals.currency ?? preview.invoices[0]?.currency ?? "EUR";
  const warnings = lineFlagWarnings(countLineFlags(preview.invoices));
  const skipped = groupSkipped(preview.skipped);
  const skippedCount = skipped.reduce((n, g) => n + g.count, 0);
  // [key (the data-stat tests read), label, value, emphasised]
  const stats: [string, string, string, boolean?][] = [
    ["Drafts", t("invoices.preview.drafts"), formatCount(totals.invoices)],
    ["Lines", t("invoices.preview.lines"), formatCount(totals.lines)],
    ["Net", t("invoices.preview.net"), formatMoney(totals.net, currency)],
    ["Tax", t("invoices.preview.tax"), formatMoney(totals.tax, currency)],
    ["Total", t("invoices.preview.total"), formatMoney(totals.total, currency), true],
  ];

  return (
    <div className={styles.root}>
      <div className={styles.stats} data-testid="preview-totals" role="group" aria-label={t("invoices.preview.totals")}>
        {stats.map(([key, label, value, strong]) => (
          <div key={key} className={mergeClasses(styles.stat, strong && styles.strongStat)}>
            <Text size={200} className={styles.label}>
              {label}
            </Text>
            <Text size={strong ? 500 : 400} weight={strong ? "semibold" : "regular"} className={styles.value} data-stat={key}>
              {value}
            </Text>
          </div>
        ))}
      </div>
      <TaxBreakdown groups={totals.taxBreakdown} currency={currency} pricesIncludeTax={preview.invoices[0]?.pricesIncludeTax} />
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("invoices.preview.checkPrices")}</MessageBarTitle>
            {warnings.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {skippedCount > 0 && (
        <Accordion collapsible>
          <AccordionItem value="skipped">
            <AccordionHeader size="small">{t("invoices.preview.skipped", { count: skippedCount })}</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list} data-testid="preview-skipped">
                {skipped.map((g) => (
                  <li key={g.reason}>
                    {t("invoices.preview.skippedGroup", { count: g.count, reason: g.label })}
                    {g.attendees.length > 0 && ` (${g.attendees.join(", ")})`}
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </div>
  );
}
