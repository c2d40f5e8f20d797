// Preview totals (drafts, lines, net, tax, total), price warnings and the bookings that would be skipped, with reasons.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatMoney, plural } from "../../shared/format";
import { groupSkipped } from "./describeSkipped";
import type { PreviewResult } from "./invoice.types";
import { countLineFlags, lineFlagWarnings } from "./lineFlags";

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
  label: { color: tokens.colorNeutralForeground3 },
  value: { fontVariantNumeric: "tabular-nums" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** Totals, warnings and skipped bookings of a preview. */
export function PreviewSummary({ preview }: { preview: PreviewResult }) {
  const styles = useStyles();
  const { totals } = preview;
  const currency = totals.currency ?? preview.invoices[0]?.currency ?? "EUR";
  const warnings = lineFlagWarnings(countLineFlags(preview.invoices));
  const skipped = groupSkipped(preview.skipped);
  const skippedCount = skipped.reduce((n, g) => n + g.count, 0);
  const stats: [string, string, boolean?][] = [
    ["Drafts", String(totals.invoices)],
    ["Lines", String(totals.lines)],
    ["Net", formatMoney(totals.net, currency)],
    ["Tax", formatMoney(totals.tax, currency)],
    ["Total", formatMoney(totals.total, currency), true],
  ];

  return (
    <div className={styles.root}>
      <div className={styles.stats} data-testid="preview-totals" role="group" aria-label="Preview totals">
        {stats.map(([label, value, strong]) => (
          <div key={label} className={styles.stat}>
            <Text size={200} className={styles.label}>
              {label}
            </Text>
            <Text size={strong ? 500 : 400} weight={strong ? "semibold" : "regular"} className={styles.value} data-stat={label}>
              {value}
            </Text>
          </div>
        ))}
      </div>
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Check these prices on the drafts</MessageBarTitle>
            {warnings.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {skippedCount > 0 && (
        <Accordion collapsible>
          <AccordionItem value="skipped">
            <AccordionHeader size="small">{`${plural(skippedCount, "booking")} will be skipped`}</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list} data-testid="preview-skipped">
                {skipped.map((g) => (
                  <li key={g.reason}>
                    {`${plural(g.count, "booking")}: ${g.label}`}
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
