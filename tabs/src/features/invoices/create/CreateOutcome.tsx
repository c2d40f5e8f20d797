// Progress and outcome of "Create drafts": a progress bar, the result with skipped bookings, or what went wrong and how to go on.
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ApiError, detailIds, errorMessage } from "../../../shared/apiClient";
import { formatCount } from "../../../shared/format";
import { CreateJobView } from "./CreateJobView";
import { CreatedMessage } from "./CreatedMessage";
import { summaryOfResult } from "./createdSummary";
import type { TrackedJob } from "./jobTracker";
import type { CreatePhase } from "./useInvoicePreview";

/** Props: the phase, the job as last read when a job makes the drafts, and the two ways on after a failure. */
export interface CreateOutcomeProps {
  phase: CreatePhase;
  tracked?: TrackedJob;
  onRetry: () => void;
  onInvoiceRest: () => void;
}

/** Renders nothing while idle. */
export function CreateOutcome({ phase, tracked, onRetry, onInvoiceRest }: CreateOutcomeProps) {
  const { t } = useTranslation();
  if (phase.kind === "idle") return null;
  if (phase.kind === "creating") {
    const label = phase.drafts > 0 ? t("invoices.create.creating", { count: phase.drafts, n: formatCount(phase.drafts) }) : t("invoices.create.creatingAny");
    return (
      <Field validationMessage={label} validationState="none" aria-live="polite">
        <ProgressBar aria-label={label} />
      </Field>
    );
  }
  if (phase.kind === "created") return <CreatedMessage summary={summaryOfResult(phase.result)} />;
  if (phase.kind === "job") return <CreateJobView tracked={tracked ?? { job: phase.job, misses: 0, shown: true }} onRetry={onRetry} onInvoiceRest={onInvoiceRest} />;
  const { error } = phase;
  if (error instanceof ApiError && error.code === "ALREADY_INVOICED") {
    const n = detailIds(error, "bookingIds").length;
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="create-outcome">
        <MessageBarBody>
          <MessageBarTitle>{t("invoices.create.conflictTitle")}</MessageBarTitle>
          {n > 0 ? t("invoices.create.conflict", { count: n }) : t("invoices.create.conflictUnknown")}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onInvoiceRest}>{t("invoices.create.invoiceRest")}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  // A network error may have reached the server: the retry sends the same Idempotency-Key, so it cannot create twice.
  return (
    <MessageBar intent="error" layout="multiline" data-testid="create-outcome">
      <MessageBarBody>
        <MessageBarTitle>{t("invoices.create.failed")}</MessageBarTitle>
        {errorMessage(error)}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t("common.tryAgain")}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
