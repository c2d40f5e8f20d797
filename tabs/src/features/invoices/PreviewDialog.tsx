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
import { ApiError, detailIds } from "../../shared/apiClient";
import { plural } from "../../shared/format";
import { ErrorBar } from "../../shared/ui/ErrorBar";
import { CreateOutcome } from "./CreateOutcome";
import { PreviewDraftList } from "./PreviewDraftList";
import { PreviewSummary } from "./PreviewSummary";
import type { SelectionRequest } from "./bookingSelection";
import type { CreateInvoicesResult, GroupBy } from "./invoice.types";
import { useInvoicePreview } from "./useInvoicePreview";

const useStyles = makeStyles({
  surface: { maxWidth: "880px", width: "calc(100vw - 48px)" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxHeight: "calc(100vh - 220px)", overflowY: "auto" },
  result: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  stale: { opacity: 0.6 },
});

const GROUPINGS: readonly { value: GroupBy; label: string }[] = [
  { value: "customer", label: "Per customer" },
  { value: "booking", label: "Per booking" },
  { value: "customerMonth", label: "Per customer and month" },
];

/** Props: what is selected, the default grouping, and what to do after a create. */
export interface PreviewDialogProps {
  request: SelectionRequest;
  selectedCount: number;
  defaultGroupBy: GroupBy;
  onCreated: (result: CreateInvoicesResult) => void;
  onShowDrafts: () => void;
  onClose: () => void;
}

/** Mounted while open, so every opening starts from a fresh preview and a fresh Idempotency-Key. */
export function PreviewDialog({ request, selectedCount, defaultGroupBy, onCreated, onShowDrafts, onClose }: PreviewDialogProps) {
  const styles = useStyles();
  const p = useInvoicePreview(request, defaultGroupBy, onCreated);
  const { preview, phase } = p;
  const busy = phase.kind === "creating";
  const done = phase.kind === "created";
  const drafts = preview.data?.totals.invoices ?? 0;
  const conflict = preview.error instanceof ApiError && preview.error.code === "ALREADY_INVOICED" ? preview.error : null;

  return (
    <Dialog open modalType={busy ? "alert" : "modal"} onOpenChange={(_, data) => !data.open && !busy && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{`Preview invoices for ${plural(selectedCount, "booking")}`}</DialogTitle>
          <DialogContent className={styles.content}>
            <Field label="One draft">
              <RadioGroup layout="horizontal" value={p.groupBy} disabled={busy || done} onChange={(_, d) => p.setGroupBy(d.value as GroupBy)}>
                {GROUPINGS.map((g) => (
                  <Radio key={g.value} value={g.value} label={g.label} />
                ))}
              </RadioGroup>
            </Field>
            {conflict ? (
              <MessageBar intent="warning">
                <MessageBarBody>{`${plural(detailIds(conflict, "bookingIds").length || 1, "selected booking")} already on an invoice.`}</MessageBarBody>
                <MessageBarActions>
                  <Button onClick={p.skipInvoiced}>Preview the rest</Button>
                </MessageBarActions>
              </MessageBar>
            ) : (
              <ErrorBar title="Could not preview the invoices" error={preview.error} onRetry={() => void preview.reload()} />
            )}
            {preview.loading && !preview.data && <Spinner label="Calculating the drafts…" />}
            {preview.data && !preview.error && (
              <div className={mergeClasses(styles.result, preview.loading && styles.stale)} aria-busy={preview.loading}>
                <PreviewSummary preview={preview.data} />
                {!done && preview.data.invoices.length > 0 && <PreviewDraftList invoices={preview.data.invoices} />}
                {preview.data.invoices.length === 0 && <Text>No draft would be created: every selected booking would be skipped.</Text>}
              </div>
            )}
            <CreateOutcome phase={phase} onRetry={() => void p.create()} onInvoiceRest={() => void p.create({ rest: true })} />
          </DialogContent>
          <DialogActions>
            {done ? (
              <>
                <Button appearance="secondary" onClick={onClose}>
                  Close
                </Button>
                <Button appearance="primary" onClick={onShowDrafts}>
                  View drafts
                </Button>
              </>
            ) : (
              <>
                <Button appearance="secondary" disabled={busy} onClick={onClose}>
                  Cancel
                </Button>
                <Button
                  appearance="primary"
                  disabled={busy || preview.loading || !!preview.error || drafts === 0}
                  icon={busy ? <Spinner size="tiny" /> : undefined}
                  onClick={() => void p.create()}
                  data-testid="create-drafts"
                >
                  {drafts > 0 ? `Create ${plural(drafts, "draft")}` : "Nothing to create"}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
