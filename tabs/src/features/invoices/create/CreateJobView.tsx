// A create that runs as a job, in the preview dialog: its progress, then the drafts it made or why it stopped.
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { CreatedMessage } from "./CreatedMessage";
import { CreateJobProgress } from "./CreateJobProgress";
import { summaryOfJob } from "./createdSummary";
import { describeJobFailure, jobResult } from "./jobProgress";
import type { TrackedJob } from "./jobTracker";

const useStyles = makeStyles({
  running: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Props: the job as last read, and the two ways on after it stopped. */
export interface CreateJobViewProps {
  tracked: TrackedJob;
  onRetry: () => void;
  onInvoiceRest: () => void;
}

/** Progress while queued or running; the outcome once it succeeded or failed. */
export function CreateJobView({ tracked, onRetry, onInvoiceRest }: CreateJobViewProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { job } = tracked;
  const result = jobResult(job);
  if (job.status === "succeeded" && result) return <CreatedMessage summary={summaryOfJob(result)} />;
  const failure = describeJobFailure(job);
  if (failure) {
    const conflict = failure.code === "ALREADY_INVOICED";
    return (
      <MessageBar intent={conflict ? "warning" : "error"} layout="multiline" data-testid="create-outcome">
        <MessageBarBody>
          <MessageBarTitle>{failure.title}</MessageBarTitle>
          {failure.body}
        </MessageBarBody>
        <MessageBarActions>
          {conflict ? <Button onClick={onInvoiceRest}>{t("invoices.create.invoiceRest")}</Button> : <Button onClick={onRetry}>{t("common.tryAgain")}</Button>}
        </MessageBarActions>
      </MessageBar>
    );
  }
  return (
    <section className={styles.running} aria-label={t("invoices.job.title")}>
      <Text weight="semibold">{t("invoices.job.title")}</Text>
      <CreateJobProgress tracked={tracked} />
      <Caption1 className={styles.hint}>{t("invoices.job.background")}</Caption1>
    </section>
  );
}
