// Progress and outcome of "Create drafts": a progress bar, the result with skipped bookings, or what went wrong and how to go on.
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar } from "@fluentui/react-components";
import { ApiError, detailIds, errorMessage } from "../../shared/apiClient";
import { formatMoney, plural } from "../../shared/format";
import { describeSkipped } from "./describeSkipped";
import type { CreatePhase } from "./useInvoicePreview";

/** Props: the phase and the two ways on after a failure. */
export interface CreateOutcomeProps {
  phase: CreatePhase;
  onRetry: () => void;
  onInvoiceRest: () => void;
}

/** Renders nothing while idle. */
export function CreateOutcome({ phase, onRetry, onInvoiceRest }: CreateOutcomeProps) {
  if (phase.kind === "idle") return null;
  if (phase.kind === "creating") {
    const label = phase.drafts > 0 ? `Creating ${plural(phase.drafts, "draft")}…` : "Creating drafts…";
    return (
      <Field validationMessage={label} validationState="none" aria-live="polite">
        <ProgressBar aria-label={label} />
      </Field>
    );
  }
  if (phase.kind === "created") {
    const { totals, skipped } = phase.result;
    const currency = totals.currency ?? phase.result.invoices[0]?.currency ?? "EUR";
    return (
      <MessageBar intent={skipped.length ? "warning" : "success"} layout="multiline" data-testid="create-outcome">
        <MessageBarBody>
          <MessageBarTitle>{`Created ${plural(totals.invoices, "draft invoice")}`}</MessageBarTitle>
          {`${plural(totals.lines, "line")} · total ${formatMoney(totals.total, currency)}. `}
          {skipped.length ? describeSkipped(skipped) : "Review them under Drafts before finalizing."}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const { error } = phase;
  if (error instanceof ApiError && error.code === "ALREADY_INVOICED") {
    const n = detailIds(error, "bookingIds").length;
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="create-outcome">
        <MessageBarBody>
          <MessageBarTitle>Some bookings were invoiced in the meantime</MessageBarTitle>
          {`${n > 0 ? `${plural(n, "booking")} ${n === 1 ? "is" : "are"}` : "Some bookings are"} already on an invoice, so nothing was created.`}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onInvoiceRest}>Invoice the rest</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  // A network error may have reached the server: the retry sends the same Idempotency-Key, so it cannot create twice.
  return (
    <MessageBar intent="error" layout="multiline" data-testid="create-outcome">
      <MessageBarBody>
        <MessageBarTitle>Could not create the drafts</MessageBarTitle>
        {errorMessage(error)}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>Try again</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
