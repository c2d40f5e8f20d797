// The counts and errors of one sync run, as small labelled figures.
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { SyncRun } from "./setup.types";
import { countLabel } from "./syncFormat";

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
    backgroundColor: tokens.colorNeutralBackground2,
  },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  label: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
  errors: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
});

/** Counts of a finished run, then its errors (with Graph request ids for support). */
export function SyncRunCounts({ run }: { run: SyncRun }) {
  const styles = useStyles();
  const counts = Object.entries(run.counts);
  return (
    <div data-testid="sync-counts">
      {counts.length > 0 && (
        <dl className={styles.grid}>
          {counts.map(([key, value]) => (
            <div key={key} className={styles.tile}>
              <dt className={styles.label}>{countLabel(key)}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {run.errors.length > 0 && (
        <div className={styles.errors}>
          {run.errors.slice(0, 5).map((error, i) => (
            <MessageBar key={i} intent="warning">
              <MessageBarBody>
                {error.message}
                {error.requestId && ` (request ${error.requestId})`}
              </MessageBarBody>
            </MessageBar>
          ))}
        </div>
      )}
    </div>
  );
}
