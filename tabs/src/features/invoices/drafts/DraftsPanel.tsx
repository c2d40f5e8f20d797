// "Drafts" view: drafts or final invoices, warnings up front, edit/finalize/delete/PDF per row, CSV export of a selection,
// and sending final documents (or reminders of overdue ones) by e-mail with the job's progress and outcome.
import { useCallback, useEffect, useMemo, useState } from "react";
import { Button, Spinner, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentBulletListRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatMoney, formatMoneyTotals } from "../../../shared/format";
import { ConfirmDialog } from "../../../shared/ui/ConfirmDialog";
import { EmptyState } from "../../../shared/ui/EmptyState";
import { ErrorBar } from "../../../shared/ui/ErrorBar";
import { LoadingState } from "../../../shared/ui/LoadingState";
import type { Notice } from "../../../shared/ui/NoticeBar";
import { useToggleSet } from "../../../shared/useToggleSet";
import { BulkActions, BulkRunBar } from "./BulkActions";
import { DraftsTable } from "./DraftsTable";
import { InvoiceListTools } from "./InvoiceListTools";
import type { INVOICE_SORTS } from "./InvoiceListTools";
import { panelToolbar } from "../panelToolbar";
import { DraftsWarnings } from "./DraftsWarnings";
import { lazyComponent } from "../../../shared/ui/lazyComponent";
import type { Invoice } from "../invoice.types";
import type { InvoiceStatus } from "../invoiceQuery";
import { useBulkActions } from "./useBulkActions";
import { useDraftActions } from "./useDraftActions";
import { useInvoiceList } from "./useInvoiceList";
import { paymentStatusesOf, type PaymentFilter } from "./paymentForm";
import { deliveryStatusesOf, type DeliveryFilter } from "./delivery";
import { getInvoice } from "../invoicesApi";
import { useApi } from "../../../shared/apiContext";
import { runBulk } from "./bulkRun";
import { SendRunBar } from "./SendRunBar";
import { useSendJob, type SendRun } from "./useSendJob";

// The dialogs' code comes the first time one opens.
const CreditInvoiceDialog = lazyComponent(() => import("./CreditInvoiceDialog").then((m) => m.CreditInvoiceDialog));
const EditCustomerDialog = lazyComponent(() => import("./EditCustomerDialog").then((m) => m.EditCustomerDialog));
const EditDraftDialog = lazyComponent(() => import("./EditDraftDialog").then((m) => m.EditDraftDialog));

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
  const [q, setQ] = useState("");
  const [sort, setSort] = useState<(typeof INVOICE_SORTS)[number]>("-created");
  const [payment, setPayment] = useState<PaymentFilter>("all");
  const [delivery, setDelivery] = useState<DeliveryFilter>("all");
  // Only final invoices have a payment and a delivery status; the other views list without the filters.
  const paymentFilter = status === "final" ? payment : "all";
  const deliveryFilter = status === "final" ? delivery : "all";
  const list = useInvoiceList(status, q, sort, paymentStatusesOf(paymentFilter), deliveryStatusesOf(deliveryFilter));
  const api = useApi();
  const actions = useDraftActions({ list, onNotice, onChanged });
  const { items: checked, toggle: check, toggleAll, clear } = useToggleSet<string>();
  // A new status or search shows other invoices: the ticks of the old ones go.
  useEffect(clear, [status, q, paymentFilter, deliveryFilter, clear]);
  // What a bulk action finished leaves the selection; what failed stays ticked, to try again.
  const uncheck = useCallback((ids: string[]) => ids.forEach((id) => checked.has(id) && check(id)), [checked, check]);
  const { replace, reload } = list;
  // The documents a request queued show "Queued" at once; the list is read again when the job ends.
  const handleQueued = useCallback(
    (run: SendRun) => {
      if (run.kind !== "send") return;
      const skipped = new Set(run.accepted?.skipped.map((s) => s.invoiceId));
      for (const invoice of run.invoices) if (!skipped.has(invoice.id)) replace({ ...invoice, delivery: { ...invoice.delivery, status: "queued", error: null } });
    },
    [replace],
  );
  // Shown as they are now, in place (a sent document stays on a "Not sent" list until the next load); a large run reloads the list.
  const handleSendEnded = useCallback(
    (run: SendRun) => {
      if (run.error) return;
      if (run.invoices.length > REFRESH_IN_PLACE) void reload();
      else
        void runBulk(run.invoices, (i) => getInvoice(api, i.id), { concurrency: 4 }).then((outcomes) => {
          for (const o of outcomes) if (o.ok) replace(o.result);
        });
      onChanged();
    },
    [api, onChanged, reload, replace],
  );
  const send = useSendJob({ onQueued: handleQueued, onEnded: handleSendEnded });
  const { start: startSend } = send;
  const sendFinalized = useCallback((invoices: Invoice[]) => void startSend("send", invoices), [startSend]);
  const bulk = useBulkActions({ list, onDone: uncheck, onChanged, onFinalized: sendFinalized });
  const selected = useMemo(() => list.items.filter((i) => checked.has(i.id)), [list.items, checked]);
  const bulkTotal = formatMoneyTotalsOf(bulk.confirming?.invoices ?? []);
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
          <Tab value="credited">{t("invoices.drafts.credited")}</Tab>
        </TabList>
        <div className={styles.actions}>
          <Text aria-live="polite">{checked.size > 0 ? t("invoices.drafts.selected", { count: checked.size }) : t("invoices.drafts.selectPrompt")}</Text>
          <BulkActions
            selected={selected}
            busy={bulk.run?.running ?? false}
            downloading={actions.downloading}
            onBulk={bulk.request}
            onExport={(kind) => void actions.exportFile([...checked], kind)}
            view={status}
            sending={send.busy}
            onSend={(invoices) => void send.start("send", invoices)}
            onRemind={paymentFilter === "overdue" ? (invoices) => void send.start("remind", invoices) : undefined}
          />
        </div>
      </div>
      <InvoiceListTools q={q} sort={sort} onSearch={setQ} onSort={setSort} {...(status === "final" ? { payment, onPayment: setPayment, delivery, onDelivery: setDelivery } : {})} />
      {bulk.run && <BulkRunBar run={bulk.run} reasonOf={bulk.reasonOf} onDismiss={bulk.dismiss} />}
      {send.run && <SendRunBar run={send.run} onResend={(invoices) => void send.start("send", invoices, { resend: true })} onEditCustomer={setCustomerOf} onDismiss={send.dismiss} />}
      <DraftsWarnings invoices={list.items} onShowCancelled={onShowCancelled} />
      <ErrorBar title={t("invoices.drafts.loadError")} error={list.error} onRetry={() => void list.reload()} />
      {list.loading && list.items.length === 0 ? (
        <LoadingState label={t("invoices.drafts.loading")} />
      ) : list.items.length === 0 ? (
        !list.error && (
          <EmptyState
            icon={<DocumentBulletListRegular />}
            title={
              q
                ? t("invoices.list.noMatchTitle", { q })
                : paymentFilter !== "all"
                  ? t("invoices.payments.emptyFilterTitle")
                  : deliveryFilter !== "all"
                    ? t("invoices.delivery.emptyFilterTitle")
                    : t(EMPTY[status].title)
            }
            hint={
              q
                ? t("invoices.list.noMatchHint")
                : paymentFilter !== "all"
                  ? t("invoices.payments.emptyFilterHint")
                  : deliveryFilter !== "all"
                    ? t("invoices.delivery.emptyFilterHint")
                    : t(EMPTY[status].hint)
            }
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
        open={bulk.confirming !== null}
        title={t(CONFIRM[bulk.confirming?.kind ?? "delete"].title, { count: bulk.confirming?.invoices.length ?? 0 })}
        confirmLabel={
          bulk.confirming?.kind === "finalize"
            ? t("invoices.bulk.finalize", { count: bulk.confirming.invoices.length })
            : bulk.confirming?.kind === "finalizeSend"
              ? t("invoices.send.finalizeAndSend")
              : t("invoices.bulk.delete")
        }
        onConfirm={bulk.confirm}
        onCancel={bulk.cancel}
      >
        {bulk.confirming && t(CONFIRM[bulk.confirming.kind].body, { total: bulkTotal })}
      </ConfirmDialog>
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

// "€180.00" (or "€180.00 + $20.00") of the invoices' totals.
const formatMoneyTotalsOf = (invoices: readonly Invoice[]) => formatMoneyTotals(invoices.map((i) => ({ amount: i.total, currency: i.currency })));

// What the bulk confirmation says, per action.
const CONFIRM = {
  finalize: { title: "invoices.bulk.finalizeTitle", body: "invoices.bulk.finalizeBody" },
  finalizeSend: { title: "invoices.send.finalizeSendTitle", body: "invoices.send.finalizeSendBody" },
  delete: { title: "invoices.bulk.deleteTitle", body: "invoices.bulk.deleteBody" },
} as const;

// Up to this many documents of a run are read back one by one when it ends; more reload the list.
const REFRESH_IN_PLACE = 50;

// What an empty list says, per status.
const EMPTY = {
  draft: { title: "invoices.drafts.emptyDraftTitle", hint: "invoices.drafts.emptyDraftHint" },
  final: { title: "invoices.drafts.emptyFinalTitle", hint: "invoices.drafts.emptyFinalHint" },
  credited: { title: "invoices.list.emptyCreditedTitle", hint: "invoices.list.emptyCreditedHint" },
} as const;
