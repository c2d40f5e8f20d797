// "Drafts" view: drafts or final invoices, warnings up front, edit/finalize/delete/PDF per row, CSV export of a selection.
import { useEffect, useState } from "react";
import { Button, Spinner, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentBulletListRegular, DocumentTableRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatMoney } from "../../../shared/format";
import { ConfirmDialog } from "../../../shared/ui/ConfirmDialog";
import { EmptyState } from "../../../shared/ui/EmptyState";
import { ErrorBar } from "../../../shared/ui/ErrorBar";
import { LoadingState } from "../../../shared/ui/LoadingState";
import type { Notice } from "../../../shared/ui/NoticeBar";
import { useToggleSet } from "../../../shared/useToggleSet";
import { DraftsTable } from "./DraftsTable";
import { panelToolbar } from "../panelToolbar";
import { DraftsWarnings } from "./DraftsWarnings";
import { EditCustomerDialog } from "./EditCustomerDialog";
import { CreditInvoiceDialog } from "./CreditInvoiceDialog";
import { EditDraftDialog } from "./EditDraftDialog";
import type { Invoice } from "../invoice.types";
import type { InvoiceStatus } from "../invoiceQuery";
import { useDraftActions } from "./useDraftActions";
import { useInvoiceList } from "./useInvoiceList";

// The exports of a selection: a CSV and an Excel workbook.
const EXPORTS = [
  { kind: "csv", icon: <ArrowDownloadRegular />, label: "invoices.drafts.exportCsv" },
  { kind: "xlsx", icon: <DocumentTableRegular />, label: "invoices.drafts.exportXlsx" },
] as const;

const useStyles = makeStyles({
  toolbar: panelToolbar,
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  scroller: { overflowX: "auto" },
  footer: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalM },
});

/** Props: the status filter (kept in the URL), and the page's notice sink and refresh. */
export interface DraftsPanelProps {
  status: InvoiceStatus;
  onStatusChange: (status: InvoiceStatus) => void;
  onNotice: (notice: Notice) => void;
  onChanged: () => void;
  /** Opens the To invoice list filtered to cancelled bookings still on drafts. */
  onShowCancelled: () => void;
}

/** Lists invoices of the chosen status and acts on them. */
export function DraftsPanel({ status, onStatusChange, onNotice, onChanged, onShowCancelled }: DraftsPanelProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const list = useInvoiceList(status);
  const actions = useDraftActions({ list, onNotice, onChanged });
  const { items: checked, toggle: check, toggleAll, clear } = useToggleSet<string>();
  useEffect(clear, [status, clear]);
  const { pending } = actions;
  const [customerOf, setCustomerOf] = useState<Invoice | null>(null);
  const [crediting, setCrediting] = useState<Invoice | null>(null);
  const checkAll = () => toggleAll(list.items.map((i) => i.id));

  return (
    <div>
      <div className={styles.toolbar}>
        <TabList size="small" selectedValue={status} onTabSelect={(_, d) => onStatusChange(d.value as InvoiceStatus)} aria-label={t("invoices.drafts.status")}>
          <Tab value="draft">{t("invoices.drafts.drafts")}</Tab>
          <Tab value="final">{t("invoices.drafts.final")}</Tab>
        </TabList>
        <div className={styles.actions}>
          <Text aria-live="polite">{checked.size > 0 ? t("invoices.drafts.selected", { count: checked.size }) : t("invoices.drafts.selectPrompt")}</Text>
          {EXPORTS.map(({ kind, icon, label }) => (
            <Button
              key={kind}
              icon={actions.downloading === kind ? <Spinner size="tiny" /> : icon}
              disabled={checked.size === 0 || actions.downloading === kind}
              onClick={() => void actions.exportFile([...checked], kind)}
              data-testid={`export-${kind}`}
            >
              {t(label)}
            </Button>
          ))}
        </div>
      </div>
      <DraftsWarnings invoices={list.items} onShowCancelled={onShowCancelled} />
      <ErrorBar title={t("invoices.drafts.loadError")} error={list.error} onRetry={() => void list.reload()} />
      {list.loading && list.items.length === 0 ? (
        <LoadingState label={t("invoices.drafts.loading")} />
      ) : list.items.length === 0 ? (
        !list.error && (
          <EmptyState
            icon={<DocumentBulletListRegular />}
            title={status === "draft" ? t("invoices.drafts.emptyDraftTitle") : t("invoices.drafts.emptyFinalTitle")}
            hint={status === "draft" ? t("invoices.drafts.emptyDraftHint") : t("invoices.drafts.emptyFinalHint")}
          />
        )
      ) : (
        <div className={styles.scroller}>
          <DraftsTable
            invoices={list.items}
            checked={checked}
            onCheck={check}
            onCheckAll={checkAll}
            downloading={actions.downloading}
            onEdit={actions.setEditing}
            onFinalize={(invoice) => actions.setPending({ kind: "finalize", invoice })}
            onDelete={(invoice) => actions.setPending({ kind: "delete", invoice })}
            onDownload={(invoice, kind) => void actions.downloadFile(invoice, kind)}
            onEditCustomer={setCustomerOf}
            onCredit={setCrediting}
          />
        </div>
      )}
      {list.nextCursor && (
        <div className={styles.footer}>
          <Button disabled={list.loadingMore} icon={list.loadingMore ? <Spinner size="tiny" /> : undefined} onClick={() => void list.loadMore()}>
            {t("invoices.drafts.loadMore", { count: list.items.length })}
          </Button>
        </div>
      )}
      {crediting && (
        <CreditInvoiceDialog
          invoice={crediting}
          onCredited={(note) => {
            setCrediting(null);
            onNotice({ intent: "success", title: t("invoices.credit.done", { number: note.number }), body: t("invoices.credit.doneBody", { amount: formatMoney(note.total, note.currency), number: crediting.number }) });
            void list.reload();
          }}
          onClose={() => setCrediting(null)}
        />
      )}
      {customerOf && (
        <EditCustomerDialog
          customerId={customerOf.customerId}
          name={customerOf.customer.name}
          onSaved={(c) => {
            onNotice({ intent: "success", title: t("invoices.customer.saved"), body: c.name });
            void list.reload();
          }}
          onClose={() => setCustomerOf(null)}
        />
      )}
      {actions.editing && <EditDraftDialog draft={actions.editing} onSaved={actions.saved} onClose={() => actions.setEditing(null)} />}
      <ConfirmDialog
        open={pending !== null}
        title={pending?.kind === "finalize" ? t("invoices.drafts.finalizeTitle") : t("invoices.drafts.deleteTitle")}
        confirmLabel={pending?.kind === "finalize" ? t("invoices.drafts.finalize") : t("invoices.drafts.deleteDraft")}
        busy={actions.busy}
        onConfirm={() => void actions.confirm()}
        onCancel={() => actions.setPending(null)}
      >
        {pending &&
          t(pending.kind === "finalize" ? "invoices.drafts.finalizeBody" : "invoices.drafts.deleteBody", {
            name: pending.invoice.customer.name,
            total: formatMoney(pending.invoice.total, pending.invoice.currency),
          })}
      </ConfirmDialog>
    </div>
  );
}
