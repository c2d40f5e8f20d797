// A create job's progress: "Creating drafts: 12,000 of 50,000 bookings", its percentage and a Fluent progress bar.
import { Caption1, ProgressBar, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { jobPercentText, jobProgress, jobProgressText } from "./jobProgress";
import type { TrackedJob } from "./jobTracker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  line: { display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  numbers: { fontVariantNumeric: "tabular-nums" },
  muted: { color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums" },
  // Stays at the end of the line also when the sentence wraps above it (phone width).
  percent: { marginInlineStart: "auto" },
});

/** The bar is indeterminate while the job waits to start; the sentence is announced politely as it changes. */
export function CreateJobProgress({ tracked }: { tracked: TrackedJob }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { job, misses } = tracked;
  const text = jobProgressText(job);
  const percent = jobPercentText(job);
  return (
    <div className={styles.root} data-testid="create-job-progress" data-job-status={job.status}>
      <div className={styles.line}>
        <Text className={styles.numbers} aria-live="polite" aria-atomic data-testid="create-job-text">
          {text}
        </Text>
        {percent && (
          <Caption1 className={mergeClasses(styles.muted, styles.percent)} aria-hidden>
            {percent}
          </Caption1>
        )}
      </div>
      <ProgressBar thickness="large" value={jobProgress(job).fraction} aria-label={t("invoices.job.progressLabel")} aria-valuetext={percent ? `${percent}, ${text}` : text} />
      {misses > 0 && (
        <Caption1 className={styles.muted} role="status">
          {t("invoices.job.pollFailed")}
        </Caption1>
      )}
    </div>
  );
}
