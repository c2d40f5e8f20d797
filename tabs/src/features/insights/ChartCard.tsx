// A card with one chart: its title, the chart (or a line saying there is nothing to draw) and its table alternative,
// which screen readers always get and anyone can show instead of the chart.
import { useId, useState } from "react";
import type { ReactNode } from "react";
import { Body1, Caption1, Subtitle2, ToggleButton, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { TableRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { NARROW_MEDIA, useNarrow } from "../../shared/narrow";

const useStyles = makeStyles({
  card: {
    position: "relative",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    // Shadows vanish in high contrast; this stroke is transparent elsewhere.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    [NARROW_MEDIA]: { padding: tokens.spacingHorizontalM },
  },
  head: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  titles: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  toggle: { flexShrink: 0 },
  message: { color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalL} 0` },
  // Out of sight but read by screen readers; kept inside the card so nothing it holds reaches past the page's edge.
  visuallyHidden: {
    position: "absolute",
    left: 0,
    top: 0,
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "normal",
  },
});

/** Props: the card's title and hint, the chart (null: nothing to draw, `message` says so) and its table. */
export interface ChartCardProps {
  title: string;
  hint?: string;
  /** A note under the chart ("amounts in other currencies are in the table"). */
  note?: string;
  chart: ReactNode | null;
  /** The table alternative; null when there is nothing at all (then `message` stands alone). */
  table: ReactNode | null;
  message?: string;
  testId?: string;
}

/** A titled chart with a "Show as table" toggle; the table is in the page (visually hidden) while the chart shows. */
export function ChartCard({ title, hint, note, chart, table, message, testId }: ChartCardProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const narrow = useNarrow();
  const titleId = useId();
  const [asTable, setAsTable] = useState(false);
  // Without a chart to draw (nothing, or only zero amounts), the table is all there is.
  const showTable = table !== null && (asTable || chart === null);
  return (
    <section className={styles.card} aria-labelledby={titleId} data-testid={testId}>
      <div className={styles.head}>
        <div className={styles.titles}>
          <Subtitle2 as="h2" id={titleId} className={styles.title}>
            {title}
          </Subtitle2>
          {hint && <Caption1 className={styles.hint}>{hint}</Caption1>}
        </div>
        {chart !== null && table !== null && (
          <ToggleButton
            className={styles.toggle}
            size="small"
            appearance="subtle"
            icon={<TableRegular />}
            checked={asTable}
            aria-label={narrow ? t("insights.showTable") : undefined}
            title={narrow ? t("insights.showTable") : undefined}
            onClick={() => setAsTable((v) => !v)}
          >
            {narrow ? null : t("insights.showTable")}
          </ToggleButton>
        )}
      </div>
      {chart === null && table === null && message && <Body1 className={styles.message}>{message}</Body1>}
      {!showTable && chart}
      {!showTable && note && <Caption1 className={styles.hint}>{note}</Caption1>}
      {table !== null && <div className={mergeClasses(!showTable && styles.visuallyHidden)}>{table}</div>}
    </section>
  );
}
