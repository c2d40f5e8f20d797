// A final invoice's payments in its detail dialog (its status badge is in the dialog's head): what was paid and what is outstanding, each
// payment with Undo, and Record payment (a small form, fetched the first time it opens).
import { useState } from "react";
import { Body1, Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowUndoRegular, MoneyRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { useApi } from "../../../shared/apiContext";
import { compareDecimals, formatCalendarDate, formatMoney } from "../../../shared/format";
import { ErrorBar } from "../../../shared/ui/ErrorBar";
import { lazyComponent } from "../../../shared/ui/lazyComponent";
import type { Invoice } from "../invoice.types";
import type { PaymentView } from "./paymentForm";
import { deletePayment } from "./paymentsApi";

const RecordPaymentForm = lazyComponent(() => import("./RecordPaymentForm").then((m) => m.RecordPaymentForm), <Spinner size="tiny" />);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  summary: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  payment: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  what: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  record: { alignSelf: "flex-start" },
});

/** Props: the final invoice, and what to do with it as it is after a payment was recorded or undone. */
export interface PaymentsSectionProps {
  invoice: Invoice;
  onChanged: (invoice: Invoice) => void;
}

/** Rendered for final invoices only (credit notes and drafts are not paid). */
export function PaymentsSection({ invoice, onChanged }: PaymentsSectionProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const api = useApi();
  const [recording, setRecording] = useState(false);
  const [undoing, setUndoing] = useState<string | null>(null);
  const [undoError, setUndoError] = useState<unknown>(null);
  const money = (amount: string) => formatMoney(amount, invoice.currency);
  const somethingLeft = compareDecimals(invoice.outstanding, "0") > 0;

  async function undo(payment: PaymentView) {
    setUndoing(payment.id);
    setUndoError(null);
    try {
      onChanged(await deletePayment(api, invoice.id, payment.id));
    } catch (err) {
      setUndoError(err);
    } finally {
      setUndoing(null);
    }
  }

  return (
    <section className={styles.root} aria-labelledby="payments-title" data-testid="payments">
      <div className={styles.head}>
        <Subtitle2 as="h3" id="payments-title">
          {t("invoices.payments.title")}
        </Subtitle2>
        <Body1 className={styles.summary} data-testid="payments-summary">
          {t("invoices.payments.summary", { paid: money(invoice.paid), outstanding: money(invoice.outstanding) })}
        </Body1>
      </div>
      {invoice.payments.length === 0 ? (
        <Caption1 className={styles.muted}>{t("invoices.payments.none")}</Caption1>
      ) : (
        <ul className={styles.list}>
          {invoice.payments.map((p) => (
            <li key={p.id} className={styles.payment} data-testid="payment">
              <span className={styles.what}>
                <Body1>{[money(p.amount), t(`invoices.payments.methods.${p.method}`), formatCalendarDate(p.date)].join(" · ")}</Body1>
                <Caption1 className={styles.muted}>{t("invoices.payments.recordedBy", { name: p.recordedBy })}</Caption1>
              </span>
              <Button
                size="small"
                icon={undoing === p.id ? <Spinner size="extra-tiny" /> : <ArrowUndoRegular />}
                disabled={undoing !== null}
                aria-label={t("invoices.payments.undoLabel", { amount: money(p.amount), date: formatCalendarDate(p.date) })}
                onClick={() => void undo(p)}
              >
                {t("invoices.payments.undo")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ErrorBar title={t("invoices.payments.undoFailed")} error={undoError} />
      {recording ? (
        <RecordPaymentForm
          invoice={invoice}
          onRecorded={(next) => {
            setRecording(false);
            onChanged(next);
          }}
          onCancel={() => setRecording(false)}
        />
      ) : (
        somethingLeft && (
          <Button className={styles.record} icon={<MoneyRegular />} onClick={() => setRecording(true)} data-testid="record-payment">
            {t("invoices.payments.record")}
          </Button>
        )
      )}
    </section>
  );
}
