// "Preview invoices" dialog: grouping choice, totals, warnings, skipped bookings and the drafts, then "Create N drafts".
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Field,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, detailIds } from "../../../shared/apiClient";
import { formatCount } from "../../../shared/format";
import { ErrorBar } from "../../../shared/ui/ErrorBar";
import { CreateOutcome } from "./CreateOutcome";
import { PreviewDraftList } from "./PreviewDraftList";
import { PreviewSummary } from "./PreviewSummary";
import type { SelectionRequest } from "../invoicesApi";
import type { CreateInvoicesResult, GroupBy, JobView } from "../invoice.types";
import type { JobTracker } from "./jobTracker";
import { useInvoicePreview } from "./useInvoicePreview";
import { useTrackedJobs } from "./useJobTracker";

const useStyles = makeStyles({
  surface: { maxWidth: "880px", width: "calc(100vw - 48px)" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxHeight: "calc(100vh - 220px)", overflowY: "auto" },
  result: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  stale: { opacity: 0.6 },
  listed: { color: tokens.colorNeutralForeground2 },
  // Three choices do not fit one line on a phone.
  groupings: { flexWrap: "wrap" },
});

/** The groupings in the order shown; each is labelled `groupBy.<value>`. */
const GROUPINGS: readonly GroupBy[] = ["customer", "booking", "customerMonth"];

/** Props: what is selected, the default grouping, the page's job tracker, and what to do after a create. */
export interface PreviewDialogProps {
  request: SelectionRequest;
  selectedCount: number;
  defaultGroupBy: GroupBy;
  jobs: JobTracker;
  onCreated: (result: CreateInvoicesResult) => void;
  /** A job makes the drafts (more than 500 bookings); the tracker follows it, also after the dialog closes. */
  onJobStarted: () => void;
  onShowDrafts: () => void;
  onClose: () => void;
}

/** Mounted while open, so every opening starts from a fresh preview and a fresh Idempotency-Key. */
export function PreviewDialog({ request, selectedCount, defaultGroupBy, jobs, onCreated, onJobStarted, onShowDrafts, onClose }: PreviewDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const handleJobStarted = useCallback(
    (job: JobView) => {
      jobs.track(job);
      onJobStarted();
    },
    [jobs, onJobStarted],
  );
  const p = useInvoicePreview(request, defaultGroupBy, { onCreated, onJobStarted: handleJobStarted });
  const { preview, phase } = p;
  const jobId = phase.kind === "job" ? phase.job.id : null;
  // While shown here the page shows no banner for the job; the first poll comes later than this effect.
  useEffect(() => (jobId ? jobs.show(jobId) : undefined), [jobs, jobId]);
  const tracked = useTrackedJobs(jobs).find((j) => j.job.id === jobId);
  const jobStatus = phase.kind === "job" ? (tracked?.job ?? phase.job).status : null;
  const busy = phase.kind === "creating";
  const running = jobStatus === "queued" || jobStatus === "running";
  const done = phase.kind === "created" || jobStatus === "succeeded";
  // Once the drafts exist, the Create button is gone: focus goes to the next step, "View drafts", not to the page.
  const viewDrafts = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (done) viewDrafts.current?.focus();
  }, [done]);
  const locked = busy || running || done;
  // The drafts list gives way to the job's progress and outcome, which would otherwise sit below it.
  const showList = !done && phase.kind !== "job";
  const drafts = preview.data?.totals.invoices ?? 0;
  const listed = preview.data?.listed ?? preview.data?.invoices.length ?? 0;
  const conflict = preview.error instanceof ApiError && preview.error.code === "ALREADY_INVOICED" ? preview.error : null;

  return (
    <Dialog open modalType={busy ? "alert" : "modal"} onOpenChange={(_, data) => !data.open && !busy && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t("invoices.preview.title", { count: selectedCount, n: formatCount(selectedCount) })}</DialogTitle>
          <DialogContent className={styles.content}>
            <Field label={t("invoices.preview.oneDraft")}>
              <RadioGroup layout="horizontal" className={styles.groupings} value={p.groupBy} disabled={locked} onChange={(_, d) => p.setGroupBy(d.value as GroupBy)}>
                {GROUPINGS.map((g) => (
                  <Radio key={g} value={g} label={t(`invoices.preview.per.${g}`)} />
                ))}
              </RadioGroup>
            </Field>
            {conflict ? (
              <MessageBar intent="warning">
                <MessageBarBody>{t("invoices.preview.alreadyInvoiced", { count: detailIds(conflict, "bookingIds").length || 1 })}</MessageBarBody>
                <MessageBarActions>
                  <Button onClick={p.skipInvoiced}>{t("invoices.preview.previewRest")}</Button>
                </MessageBarActions>
              </MessageBar>
            ) : (
              <ErrorBar title={t("invoices.preview.loadError")} error={preview.error} onRetry={() => void preview.reload()} />
            )}
            {preview.loading && !preview.data && <Spinner label={t("invoices.preview.calculating")} />}
            {preview.data && !preview.error && (
              <div className={mergeClasses(styles.result, preview.loading && styles.stale)} aria-busy={preview.loading}>
                <PreviewSummary preview={preview.data} />
                {showList && listed < drafts && (
                  <Text size={200} className={styles.listed} data-testid="preview-listed">
                    {t("invoices.preview.listed", { listed: formatCount(listed), total: formatCount(drafts) })}
                  </Text>
                )}
                {showList && preview.data.invoices.length > 0 && <PreviewDraftList invoices={preview.data.invoices} />}
                {preview.data.invoices.length === 0 && <Text>{t("invoices.preview.nothing")}</Text>}
              </div>
            )}
            <CreateOutcome
              phase={phase}
              tracked={tracked}
              onRetry={() => void p.create()}
              onInvoiceRest={() => void p.create({ rest: true })}
            />
          </DialogContent>
          <DialogActions>
            {running ? (
              <Button appearance="secondary" onClick={onClose}>
                {t("common.close")}
              </Button>
            ) : done ? (
              <>
                <Button appearance="secondary" onClick={onClose}>
                  {t("common.close")}
                </Button>
                <Button ref={viewDrafts} appearance="primary" onClick={onShowDrafts}>
                  {t("invoices.viewDrafts")}
                </Button>
              </>
            ) : (
              <>
                <Button appearance="secondary" disabled={busy} onClick={onClose}>
                  {t("common.cancel")}
                </Button>
                <Button
                  appearance="primary"
                  disabled={busy || preview.loading || !!preview.error || drafts === 0}
                  icon={busy ? <Spinner size="tiny" /> : undefined}
                  onClick={() => void p.create()}
                  data-testid="create-drafts"
                >
                  {drafts > 0 ? t("invoices.preview.create", { count: drafts, n: formatCount(drafts) }) : t("invoices.preview.nothingToCreate")}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
