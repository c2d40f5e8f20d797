// Actions on invoices in the Drafts view: finalize and delete (after confirmation), PDF and e-invoice downloads, CSV export.
import { useCallback, useState } from "react";
import { ApiError, errorMessage } from "../../../shared/apiClient";
import { useApi } from "../../../shared/apiContext";
import { saveBlob } from "../../../shared/download";
import { formatMoney } from "../../../shared/format";
import { currentLanguage, t } from "../../../shared/i18n/i18n";
import type { Notice } from "../../../shared/ui/NoticeBar";
import { bookingCount } from "./bookingCount";
import type { Invoice } from "../invoice.types";
import { csvFilename } from "../invoiceExport";
import { deleteDraftInvoice, exportInvoicesCsv, exportInvoicesXlsx, finalizeDraft } from "../invoicesApi";
import { downloadInvoiceFile, type InvoiceFileKind } from "./invoiceFiles";
import type { InvoiceList } from "./useInvoiceList";

/** An action waiting for the user's confirmation. */
export type PendingAction = { kind: "finalize" | "delete"; invoice: Invoice } | null;

/** Options: the list to update in place, the page's notice sink and its refresh of counts and bookings. */
export interface DraftActionsOptions {
  list: InvoiceList;
  onNotice: (notice: Notice) => void;
  onChanged: () => void;
}

/** State and handlers for the Drafts view's dialogs and downloads. */
export function useDraftActions({ list, onNotice, onChanged }: DraftActionsOptions) {
  const api = useApi();
  const [pending, setPending] = useState<PendingAction>(null);
  const [editing, setEditing] = useState<Invoice | null>(null);
  const [busy, setBusy] = useState(false);
  const [downloading, setDownloading] = useState<string | null>(null);
  const { replace, remove, reload } = list;

  const confirm = useCallback(async () => {
    if (!pending) return;
    setBusy(true);
    const { kind, invoice } = pending;
    try {
      if (kind === "finalize") {
        const final = await finalizeDraft(api, invoice.id);
        // The row stays where it is, now final with its number, so its PDF is one click away.
        replace(final);
        onNotice({ intent: "success", title: t("invoices.drafts.finalized", { number: final.number }), body: `${invoice.customer.name} · ${formatMoney(final.total, final.currency)}` });
      } else {
        await deleteDraftInvoice(api, invoice.id);
        remove(invoice.id);
        onNotice({ intent: "success", title: t("invoices.drafts.deleted"), body: t("invoices.drafts.returned", { count: bookingCount(invoice) }) });
      }
      onChanged();
    } catch (err) {
      const title = kind === "finalize" ? t("invoices.drafts.finalizeFailed") : t("invoices.drafts.deleteFailed");
      onNotice({ intent: "error", title, body: errorMessage(err) });
      // Someone else finalized or deleted it: show the list as it is now.
      if (err instanceof ApiError && (err.code === "NOT_DRAFT" || err.code === "NOT_FOUND")) void reload();
    } finally {
      setBusy(false);
      setPending(null);
    }
  }, [api, onChanged, onNotice, pending, reload, remove, replace]);

  // `downloading` names what is on its way: "pdf:<id>", "ubl:<id>" or "csv".
  const downloadFile = useCallback(
    async (invoice: Invoice, kind: InvoiceFileKind) => {
      setDownloading(`${kind}:${invoice.id}`);
      try {
        await downloadInvoiceFile(api, invoice, kind);
      } catch (err) {
        onNotice({ intent: "error", title: t(kind === "pdf" ? "invoices.drafts.pdfFailed" : "invoices.drafts.ublFailed"), body: errorMessage(err) });
      } finally {
        setDownloading(null);
      }
    },
    [api, onNotice],
  );

  // A CSV or an Excel workbook of the selection, in the UI's language (Dutch: ";" and decimal commas, Dutch headers).
  const exportFile = useCallback(
    async (ids: readonly string[], kind: "csv" | "xlsx") => {
      setDownloading(kind);
      const locale = currentLanguage() === "nl" ? "nl" : "en";
      try {
        saveBlob(kind === "csv" ? await exportInvoicesCsv(api, ids, locale) : await exportInvoicesXlsx(api, ids, locale), csvFilename(new Date(), kind));
      } catch (err) {
        onNotice({ intent: "error", title: t("invoices.drafts.exportFailed"), body: errorMessage(err) });
      } finally {
        setDownloading(null);
      }
    },
    [api, onNotice],
  );

  const saved = useCallback(
    (invoice: Invoice) => {
      replace(invoice);
      onChanged();
    },
    [onChanged, replace],
  );

  return { pending, setPending, editing, setEditing, busy, downloading, confirm, downloadFile, exportFile, saved };
}
