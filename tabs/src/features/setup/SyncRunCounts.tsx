// The counts of one sync run as small labelled figures, in reading order.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { countLabel, orderedCounts } from "./syncFormat";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  tile: {
    display: "flex",
    // dt must precede dd in the markup; show the figure above its label.
    flexDirection: "column-reverse",
    justifyContent: "flex-end",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  label: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
});

/** A tile per count; nothing when the run has counted nothing yet. */
export function SyncRunCounts({ counts, label }: { counts: Record<string, number> | undefined; label?: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const entries = orderedCounts(counts);
  if (entries.length === 0) return null;
  return (
    <dl className={styles.grid} aria-label={label ?? t("sync.counts")} data-testid="sync-counts">
      {entries.map(([key, value]) => (
        <div key={key} className={styles.tile}>
          <dt className={styles.label}>{countLabel(key)}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
