// A running sync: what it is doing ("Reading appointments — window 2 of 4"), a progress bar and live counts.
import { Caption1, ProgressBar, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { SyncRun } from "./setup.types";
import type { SyncReason } from "./syncActivity";
import { formatElapsed, phaseLabel, progressFraction, watchingTitle } from "./syncFormat";
import { SyncRunCounts } from "./SyncRunCounts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  head: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { flex: 1 },
  phase: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums" },
});

/** Props: why the run is watched and the run as last polled (null until the API lists it). */
export interface SyncProgressViewProps {
  reason: SyncReason;
  run: SyncRun | null;
}

/** Progress of the watched run; the bar is determinate only while appointment windows are read. */
export function SyncProgressView({ reason, run }: SyncProgressViewProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const phase = run ? phaseLabel(run.progress) : t("sync.phases.starting");
  const fraction = run ? progressFraction(run.progress) : undefined;
  const elapsed = run ? Date.now() - Date.parse(run.startedAt) : NaN;
  return (
    <section className={styles.root} aria-label={t("sync.progress")} data-testid="sync-progress">
      <div className={styles.head}>
        <Spinner size="extra-tiny" aria-hidden />
        <Text weight="semibold" className={styles.title}>
          {watchingTitle(reason, run)}
        </Text>
      </div>
      <div className={styles.phase}>
        <Text aria-live="polite" data-testid="sync-phase">
          {phase}…
        </Text>
        {Number.isFinite(elapsed) && <Caption1 className={styles.muted}>{formatElapsed(elapsed)}</Caption1>}
      </div>
      <ProgressBar
        thickness="large"
        value={fraction}
        aria-label={phase}
        aria-valuetext={fraction === undefined ? undefined : `${Math.round(fraction * 100)} %`}
      />
      <SyncRunCounts counts={run?.counts} label={t("sync.countsSoFar")} />
    </section>
  );
}
