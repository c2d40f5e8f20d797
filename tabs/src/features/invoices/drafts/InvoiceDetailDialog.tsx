// One invoice opened by a deep link: status, dates, warnings, notes, payments and e-mail (of a final document) and
// lines, with Copy link, PDF and (for a draft) Edit.
import { useCallback, useEffect, useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkRegular, CodeRegular, DocumentPdfRegular, EditRegular, LinkRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { useApi } from "../../../shared/apiContext";
import { TEAMS_APP_ID } from "../../../shared/appConfig";
import { copyText } from "../../../shared/clipboard";
import { formatCalendarDate } from "../../../shared/format";
import { useHostInfo } from "../../../shared/hostContext";
import { useAsyncData } from "../../../shared/useAsyncData";
import { ErrorBar } from "../../../shared/ui/ErrorBar";
import { DraftLines } from "./DraftLines";
import { EditDraftDialog } from "./EditDraftDialog";
import { PaymentStatusBadge } from "./PaymentStatusBadge";
import { PaymentsSection } from "./PaymentsSection";
import { DeliverySection } from "./DeliverySection";
import { warningTexts } from "./draftWarnings";
import type { Invoice } from "../invoice.types";
import { invoiceLink } from "./invoiceLink";
import { getInvoice } from "../invoicesApi";
import { downloadInvoiceFile, type InvoiceFileKind } from "./invoiceFiles";

const useStyles = makeStyles({
  surface: { maxWidth: "820px", width: "calc(100vw - 48px)" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxHeight: "calc(100vh - 220px)", overflowY: "auto" },
  meta: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  notes: { whiteSpace: "pre-wrap" },
  lines: { margin: 0 },
  // The whole width of the dialog: Fluent gives one actions group only half of it, which wraps the labels.
  actions: { gridColumnStart: 1, gridColumnEnd: 4, justifySelf: "stretch", justifyContent: "flex-end", flexWrap: "wrap" },
});

/** Props: the invoice to show, and what to do once it has loaded, after an edit, and on close. */
export interface InvoiceDetailDialogProps {
  invoiceId: string;
  onLoaded: (invoice: Invoice) => void;
  onChanged: () => void;
  onClose: () => void;
}

/** Mounted while a deep link keeps an invoice open; a draft can be edited from here. */
export function InvoiceDetailDialog({ invoiceId, onLoaded, onChanged, onClose }: InvoiceDetailDialogProps) {
  const api = useApi();
  const loaded = useAsyncData(useCallback(() => getInvoice(api, invoiceId), [api, invoiceId]));
  // A payment recorded or undone answers the invoice as it is now; it stands until the next load.
  const [paid, setPaid] = useState<{ after: Invoice | undefined; invoice: Invoice }>();
  const invoice = paid && paid.after === loaded.data ? paid.invoice : loaded.data;
  const [editing, setEditing] = useState(false);
  const handlePayment = useCallback(
    (next: Invoice) => {
      setPaid({ after: loaded.data, invoice: next });
      onChanged();
    },
    [loaded.data, onChanged],
  );

  useEffect(() => {
    if (invoice) onLoaded(invoice);
  }, [invoice, onLoaded]);

  // A send or reminder ended: the document as it is now (its delivery, its reminders), and the list behind it.
  const { reload } = loaded;
  const handleSent = useCallback(() => {
    void reload();
    onChanged();
  }, [reload, onChanged]);

  if (editing && invoice) {
    return (
      <EditDraftDialog
        draft={invoice}
        onSaved={onChanged}
        onClose={() => {
          setEditing(false);
          void loaded.reload();
        }}
      />
    );
  }
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <InvoiceDetailSurface
        invoice={invoice}
        loading={loaded.loading}
        error={loaded.error}
        onRetry={() => void loaded.reload()}
        onEdit={() => setEditing(true)}
        onPayment={handlePayment}
        onSent={handleSent}
        onClose={onClose}
      />
    </Dialog>
  );
}

/** The dialog's surface: loading, the error, or the invoice with its actions. */
function InvoiceDetailSurface({ invoice, loading, error, onRetry, onEdit, onPayment, onSent, onClose }: {
  invoice: Invoice | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  onEdit: () => void;
  onPayment: (invoice: Invoice) => void;
  onSent: () => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [downloadError, setDownloadError] = useState<DownloadError | null>(null);
  const title = !invoice
    ? t("invoices.detail.loading")
    : invoice.number
      ? t(invoice.kind === "creditNote" ? "invoices.detail.creditNoteTitle" : "invoices.detail.finalTitle", { number: invoice.number })
      : t("invoices.detail.draftTitle", { name: invoice.customer.name });
  return (
    <DialogSurface className={styles.surface} aria-describedby={undefined} data-testid="invoice-detail">
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={styles.content}>
          <ErrorBar title={t("invoices.detail.loadError")} error={error} onRetry={onRetry} />
          {!invoice && loading && <Spinner label={t("invoices.detail.loading")} />}
          {invoice && <InvoiceFacts invoice={invoice} onPayment={onPayment} onSent={onSent} />}
          <ErrorBar title={t(downloadError?.kind === "ubl" ? "invoices.drafts.ublFailed" : "invoices.drafts.pdfFailed")} error={downloadError?.error ?? null} />
        </DialogContent>
        <DialogActions className={styles.actions}>
          {invoice && <InvoiceActions invoice={invoice} onEdit={onEdit} onDownloadError={setDownloadError} />}
          <Button appearance="primary" onClick={onClose}>
            {t("common.close")}
          </Button>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
}

/** Status, customer, dates, warnings, notes, a final invoice's payments, a final document's e-mail, and lines. */
function InvoiceFacts({ invoice, onPayment, onSent }: { invoice: Invoice; onPayment: (invoice: Invoice) => void; onSent: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const draft = invoice.status === "draft";
  return (
    <>
      <div className={styles.meta}>
        <Badge appearance="tint" color={draft ? "informative" : "success"}>
          {draft ? t("invoices.detail.draft") : t("invoices.detail.final")}
        </Badge>
        <PaymentStatusBadge status={invoice.paymentStatus} />
        <Body1>{invoice.customer.email ? `${invoice.customer.name} · ${invoice.customer.email}` : invoice.customer.name}</Body1>
        <Caption1>{t("invoices.detail.issued", { date: formatCalendarDate(invoice.issueDate) })}</Caption1>
        {invoice.dueDate && <Caption1>{t("invoices.detail.due", { date: formatCalendarDate(invoice.dueDate) })}</Caption1>}
        {invoice.kind === "creditNote" && (
          <Caption1>{[t("invoices.credit.noteOf", { number: invoice.creditedInvoiceNumber }), invoice.creditReason].filter(Boolean).join(" · ")}</Caption1>
        )}
      </div>
      {invoice.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{warningTexts(invoice).join(" ")}</MessageBarBody>
        </MessageBar>
      )}
      {invoice.notes && <Body1 className={styles.notes}>{`${t("invoices.detail.notes")}: ${invoice.notes}`}</Body1>}
      {invoice.kind === "invoice" && invoice.status === "final" && <PaymentsSection invoice={invoice} onChanged={onPayment} />}
      {invoice.status === "final" && <DeliverySection invoice={invoice} onSent={onSent} />}
      <DraftLines invoice={invoice} className={styles.lines} />
    </>
  );
}

/** A download that failed, and which file it was. */
interface DownloadError {
  kind: InvoiceFileKind;
  error: unknown;
}

/** Copy link, Download PDF, for a final document Download e-invoice, and for a draft Edit draft. */
function InvoiceActions({ invoice, onEdit, onDownloadError }: { invoice: Invoice; onEdit: () => void; onDownloadError: (error: DownloadError | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { inTeams } = useHostInfo();
  const [copied, setCopied] = useState(false);
  const [downloading, setDownloading] = useState<InvoiceFileKind | null>(null);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function handleCopy() {
    await copyText(invoiceLink(invoice.id, { inTeams, appId: TEAMS_APP_ID, page: window.location.href }));
    setCopied(true);
  }

  async function handleDownload(kind: InvoiceFileKind) {
    setDownloading(kind);
    onDownloadError(null);
    try {
      await downloadInvoiceFile(api, invoice, kind);
    } catch (err) {
      onDownloadError({ kind, error: err });
    } finally {
      setDownloading(null);
    }
  }

  return (
    <>
      <Button icon={copied ? <CheckmarkRegular /> : <LinkRegular />} onClick={() => void handleCopy()} aria-live="polite">
        {copied ? t("invoices.detail.linkCopied") : t("invoices.actions.copyLink")}
      </Button>
      <Button icon={downloading === "pdf" ? <Spinner size="tiny" /> : <DocumentPdfRegular />} disabled={downloading !== null} onClick={() => void handleDownload("pdf")}>
        {t("invoices.actions.downloadPdf")}
      </Button>
      {invoice.status === "final" && (
        <Button icon={downloading === "ubl" ? <Spinner size="tiny" /> : <CodeRegular />} disabled={downloading !== null} onClick={() => void handleDownload("ubl")}>
          {t("invoices.detail.downloadUbl")}
        </Button>
      )}
      {invoice.status === "draft" && (
        <Button icon={<EditRegular />} onClick={onEdit}>
          {t("invoices.detail.edit")}
        </Button>
      )}
    </>
  );
}
