// The Drafts view's actions on the selection — finalize (and send), delete, send by e-mail, remind, PDFs as one zip,
// CSV and Excel — as buttons, or on a phone as one Actions menu; and the bar that shows a bulk action's progress and then what failed and why.
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import {
  AlertRegular,
  ArrowDownloadRegular,
  CheckmarkCircleRegular,
  ChevronDownRegular,
  DeleteRegular,
  DismissRegular,
  DocumentPdfRegular,
  DocumentTableRegular,
  MailArrowForwardRegular,
  SendRegular,
} from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { useNarrow } from "../../../shared/narrow";
import type { Invoice } from "../invoice.types";
import type { InvoiceStatus } from "../invoiceQuery";
import type { BulkKind, BulkRunState } from "./useBulkActions";

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  failures: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  bar: { borderRadius: 0 },
});

/** Props: the selected invoices, what is downloading, and the handlers. */
export interface BulkActionsProps {
  selected: Invoice[];
  busy: boolean;
  downloading: string | null;
  onBulk: (kind: BulkKind, invoices: Invoice[]) => void;
  onExport: (kind: "csv" | "xlsx") => void;
  /** The list's status view: with nothing selected, its own actions show (disabled). */
  view?: InvoiceStatus;
  /** A send or reminder run is under way: no other may start. */
  sending?: boolean;
  /** Sends the final documents of the selection by e-mail. */
  onSend?: (invoices: Invoice[]) => void;
  /** Offered while the list shows overdue invoices: a reminder of each selected one. */
  onRemind?: (invoices: Invoice[]) => void;
}

interface Action {
  key: string;
  label: string;
  icon: ReactElement;
  disabled: boolean;
  onClick: () => void;
}

/** Finalize (and send) and Delete act on the drafts of the selection, Send and Remind on its final documents; the downloads on all of it. */
export function BulkActions({ selected, busy, downloading, onBulk, onExport, view, sending = false, onSend, onRemind }: BulkActionsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const narrow = useNarrow();
  const drafts = selected.filter((i) => i.status === "draft");
  const finals = selected.filter((i) => i.status === "final");
  const none = selected.length === 0 || busy;
  // Sending waits for a bulk run and another send; the other actions do not wait for a send.
  const noSend = none || sending;
  const actions: Action[] = [
    ...(drafts.length > 0 || (selected.length === 0 && view === "draft")
      ? [
          { key: "finalize", label: drafts.length ? t("invoices.bulk.finalize", { count: drafts.length }) : t("invoices.drafts.finalize"), icon: <CheckmarkCircleRegular />, disabled: none || drafts.length === 0, onClick: () => onBulk("finalize", drafts) },
          ...(onSend
            ? [{ key: "finalizeSend", label: t("invoices.send.finalizeAndSend"), icon: <SendRegular />, disabled: noSend || drafts.length === 0, onClick: () => onBulk("finalizeSend", drafts) }]
            : []),
          { key: "delete", label: t("invoices.bulk.delete"), icon: <DeleteRegular />, disabled: none || drafts.length === 0, onClick: () => onBulk("delete", drafts) },
        ]
      : []),
    ...(onSend && (finals.length > 0 || (selected.length === 0 && view !== undefined && view !== "draft"))
      ? [{ key: "send", label: t("invoices.send.send"), icon: <MailArrowForwardRegular />, disabled: noSend || finals.length === 0, onClick: () => onSend(finals) }]
      : []),
    ...(onRemind ? [{ key: "remind", label: t("invoices.reminders.send"), icon: <AlertRegular />, disabled: noSend || finals.length === 0, onClick: () => onRemind(finals) }] : []),
    { key: "zip", label: t("invoices.bulk.zip"), icon: <DocumentPdfRegular />, disabled: none, onClick: () => onBulk("zip", selected) },
    { key: "csv", label: t("invoices.drafts.exportCsv"), icon: downloading === "csv" ? <Spinner size="tiny" /> : <ArrowDownloadRegular />, disabled: none || downloading === "csv", onClick: () => onExport("csv") },
    { key: "xlsx", label: t("invoices.drafts.exportXlsx"), icon: downloading === "xlsx" ? <Spinner size="tiny" /> : <DocumentTableRegular />, disabled: none || downloading === "xlsx", onClick: () => onExport("xlsx") },
  ];

  if (narrow)
    return (
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button icon={<ChevronDownRegular />} iconPosition="after" disabled={none} aria-label={selected.length ? t("invoices.bulk.actionsFor", { count: selected.length }) : undefined} data-testid="bulk-menu">
            {t("invoices.bulk.actions")}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {actions.map((a) => (
              <MenuItem key={a.key} icon={a.icon} disabled={a.disabled} onClick={a.onClick} data-testid={`bulk-${a.key}`}>
                {a.label}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
    );
  return (
    <div className={styles.buttons}>
      {actions.map((a) => (
        <Button key={a.key} icon={a.icon} disabled={a.disabled} onClick={a.onClick} data-testid={a.key === "csv" || a.key === "xlsx" ? `export-${a.key}` : `bulk-${a.key}`}>
          {a.label}
        </Button>
      ))}
    </div>
  );
}

/** Progress while a bulk action runs; afterwards how many were done and each failure with its reason. */
export function BulkRunBar({ run, reasonOf, onDismiss }: { run: BulkRunState; reasonOf: (f: BulkRunState["failures"][number]) => string; onDismiss: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { progress } = run;
  // Finalizing before a send reads as finalizing.
  const kind = run.kind === "finalizeSend" ? "finalize" : run.kind;
  if (run.running) {
    const label =
      kind === "zip"
        ? t("invoices.bulk.progressZip", { count: progress.total })
        : t(kind === "finalize" ? "invoices.bulk.progressFinalize" : "invoices.bulk.progressDelete", { done: progress.done, total: progress.total });
    return (
      <MessageBar intent="info" className={styles.bar} data-testid="bulk-progress">
        <MessageBarBody>
          <span aria-live="polite">{label}</span>
          <ProgressBar aria-label={t("invoices.bulk.progressLabel")} value={kind === "zip" ? undefined : progress.total ? progress.done / progress.total : 0} thickness="large" />
        </MessageBarBody>
      </MessageBar>
    );
  }
  const title =
    kind === "zip"
      ? run.failures.length
        ? t("invoices.bulk.zipFailed")
        : t("invoices.bulk.zipped", { count: run.succeeded })
      : t(kind === "finalize" ? "invoices.bulk.finalized" : "invoices.bulk.deleted", { count: run.succeeded });
  return (
    <MessageBar intent={run.failures.length ? (run.succeeded ? "warning" : "error") : "success"} layout="multiline" className={styles.bar} data-testid="bulk-result">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {run.failures.length > 0 &&
          (kind === "zip" ? (
            run.failures[0]!.reason
          ) : (
            <>
              {t("invoices.bulk.failed", { count: run.failures.length })}
              <ul className={styles.failures} data-testid="bulk-failures">
                {run.failures.map((f) => (
                  <li key={f.invoice.id}>{reasonOf(f)}</li>
                ))}
              </ul>
            </>
          ))}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" icon={<DismissRegular />} aria-label={t("common.close")} onClick={onDismiss} />} />
    </MessageBar>
  );
}
