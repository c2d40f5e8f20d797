// "Drafts" view: drafts or final invoices, warnings up front, edit/finalize/delete/PDF per row, CSV export of a selection.
import { useEffect, useState } from "react";
import { Button, Spinner, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentBulletListRegular } from "@fluentui/react-icons";
import { formatMoney, plural } from "../../shared/format";
import { ConfirmDialog } from "../../shared/ui/ConfirmDialog";
import { EmptyState } from "../../shared/ui/EmptyState";
import { ErrorBar } from "../../shared/ui/ErrorBar";
import { LoadingState } from "../../shared/ui/LoadingState";
import type { Notice } from "../../shared/ui/NoticeBar";
import { DraftsTable } from "./DraftsTable";
import { DraftsWarnings } from "./DraftsWarnings";
import { EditDraftDialog } from "./EditDraftDialog";
import type { InvoiceStatus } from "./invoiceQuery";
import { useDraftActions } from "./useDraftActions";
import { useInvoiceList } from "./useInvoiceList";

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
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
  const list = useInvoiceList(status);
  const actions = useDraftActions({ list, onNotice, onChanged });
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setChecked(new Set()), [status]);
  const { pending } = actions;

  const check = (id: string) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const checkAll = () => setChecked((prev) => (list.items.every((i) => prev.has(i.id)) ? new Set() : new Set(list.items.map((i) => i.id))));

  return (
    <div>
      <div className={styles.toolbar}>
        <TabList size="small" selectedValue={status} onTabSelect={(_, d) => onStatusChange(d.value as InvoiceStatus)} aria-label="Invoice status">
          <Tab value="draft">Drafts</Tab>
          <Tab value="final">Final</Tab>
        </TabList>
        <div className={styles.actions}>
          <Text aria-live="polite">{checked.size > 0 ? `${plural(checked.size, "invoice")} selected` : "Select invoices to export"}</Text>
          <Button
            icon={actions.downloading === "csv" ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
            disabled={checked.size === 0 || actions.downloading === "csv"}
            onClick={() => void actions.exportCsv([...checked])}
            data-testid="export-csv"
          >
            Export CSV
          </Button>
        </div>
      </div>
      <DraftsWarnings invoices={list.items} onShowCancelled={onShowCancelled} />
      <ErrorBar title="Could not load invoices" error={list.error} onRetry={() => void list.reload()} />
      {list.loading && list.items.length === 0 ? (
        <LoadingState label="Loading invoices…" />
      ) : list.items.length === 0 ? (
        !list.error && (
          <EmptyState
            icon={<DocumentBulletListRegular />}
            title={status === "draft" ? "No draft invoices" : "No final invoices yet"}
            hint={status === "draft" ? "Select bookings on the To invoice tab and create draft invoices." : "Finalize a draft to give it a number."}
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
            onPdf={(invoice) => void actions.downloadPdf(invoice)}
          />
        </div>
      )}
      {list.nextCursor && (
        <div className={styles.footer}>
          <Button disabled={list.loadingMore} icon={list.loadingMore ? <Spinner size="tiny" /> : undefined} onClick={() => void list.loadMore()}>
            {`Load more (showing ${list.items.length})`}
          </Button>
        </div>
      )}
      {actions.editing && <EditDraftDialog draft={actions.editing} onSaved={actions.saved} onClose={() => actions.setEditing(null)} />}
      <ConfirmDialog
        open={pending !== null}
        title={pending?.kind === "finalize" ? "Finalize invoice?" : "Delete draft invoice?"}
        confirmLabel={pending?.kind === "finalize" ? "Finalize" : "Delete draft"}
        busy={actions.busy}
        onConfirm={() => void actions.confirm()}
        onCancel={() => actions.setPending(null)}
      >
        {pending?.kind === "finalize" &&
          `The invoice for ${pending.invoice.customer.name} (${formatMoney(pending.invoice.total, pending.invoice.currency)}) gets the next invoice number and can no longer be changed or deleted.`}
        {pending?.kind === "delete" &&
          `The draft for ${pending.invoice.customer.name} (${formatMoney(pending.invoice.total, pending.invoice.currency)}) will be deleted. Its bookings return to the To invoice list.`}
      </ConfirmDialog>
    </div>
  );
}
