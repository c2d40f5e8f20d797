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
import { useTranslation } from "react-i18next";
import { ApiError, detailIds } from "../../shared/apiClient";
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

/** The groupings in the order shown; each is labelled `groupBy.<value>`. */
const GROUPINGS: readonly GroupBy[] = ["customer", "booking", "customerMonth"];

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
  const { t } = useTranslation();
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
          <DialogTitle>{t("invoices.preview.title", { count: selectedCount })}</DialogTitle>
          <DialogContent className={styles.content}>
            <Field label={t("invoices.preview.oneDraft")}>
              <RadioGroup layout="horizontal" value={p.groupBy} disabled={busy || done} onChange={(_, d) => p.setGroupBy(d.value as GroupBy)}>
                {GROUPINGS.map((g) => (
                  <Radio key={g} value={g} label={t(`groupBy.${g}`)} />
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
                {!done && preview.data.invoices.length > 0 && <PreviewDraftList invoices={preview.data.invoices} />}
                {preview.data.invoices.length === 0 && <Text>{t("invoices.preview.nothing")}</Text>}
              </div>
            )}
            <CreateOutcome phase={phase} onRetry={() => void p.create()} onInvoiceRest={() => void p.create({ rest: true })} />
          </DialogContent>
          <DialogActions>
            {done ? (
              <>
                <Button appearance="secondary" onClick={onClose}>
                  {t("common.close")}
                </Button>
                <Button appearance="primary" onClick={onShowDrafts}>
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
                  {drafts > 0 ? t("invoices.preview.create", { count: drafts }) : t("invoices.preview.nothingToCreate")}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
