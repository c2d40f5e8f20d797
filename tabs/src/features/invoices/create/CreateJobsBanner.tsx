// On the Invoices page: a progress bar for each create job that runs while no dialog shows it, until it ends.
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { CreateJobProgress } from "./CreateJobProgress";
import { hasEnded } from "./jobProgress";
import type { JobTracker } from "./jobTracker";
import { useTrackedJobs } from "./useJobTracker";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, flex: 1, minWidth: 0 },
});

/** Nothing when no job runs unseen; the end of each job becomes a page notice (InvoicesPage). */
export function CreateJobsBanner({ jobs }: { jobs: JobTracker }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const running = useTrackedJobs(jobs).filter((j) => !j.shown && !hasEnded(j.job));
  if (running.length === 0) return null;
  return (
    <div className={styles.list}>
      {running.map((tracked) => (
        <MessageBar key={tracked.job.id} intent="info" layout="multiline" data-testid="create-job-banner">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{t("invoices.job.title")}</MessageBarTitle>
            <CreateJobProgress tracked={tracked} />
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
