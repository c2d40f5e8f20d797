// A final document's e-mail in its detail dialog: where it stands (sent when and to whom, or why it failed), Send —
// Send again after a confirmation once it went —, and for an overdue invoice its reminders with Send reminder; the
// run's progress and outcome show here, and the dialog reads the document again when it ends.
import { useState } from "react";
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { AlertRegular, MailArrowForwardRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../shared/ui/ConfirmDialog";
import type { Invoice } from "../invoice.types";
import { DeliveryStatusBadge } from "./DeliveryStatusBadge";
import { deliveryErrorText, formatDay, reminderText } from "./delivery";
import { SendRunBar } from "./SendRunBar";
import { useSendJob } from "./useSendJob";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  what: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  subhead: { margin: 0 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  failed: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Props: the final document, and what to do once a send or reminder run ended (read it again). */
export interface DeliverySectionProps {
  invoice: Invoice;
  onSent: () => void;
}

/** Rendered for final documents only (drafts are never sent). */
export function DeliverySection({ invoice, onSent }: DeliverySectionProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const send = useSendJob({ onEnded: (run) => !run.error && onSent() });
  const [confirming, setConfirming] = useState(false);
  const { status, to, sentAt, error } = invoice.delivery;
  const underWay = status === "queued" || status === "sending";
  const overdue = invoice.paymentStatus === "overdue";
  const busy = send.busy || underWay;
  const sendLabel = status === "notSent" ? t("invoices.send.sendOne") : t("invoices.send.sendAgain");

  return (
    <section className={styles.root} aria-labelledby="delivery-title" data-testid="delivery">
      <div className={styles.head}>
        <Subtitle2 as="h3" id="delivery-title">
          {t("invoices.delivery.title")}
        </Subtitle2>
        <DeliveryStatusBadge invoice={invoice} showReason={false} />
      </div>
      {status === "sent" && sentAt ? (
        <Body1 className={styles.what}>{t("invoices.delivery.sentTo", { date: formatDay(sentAt), to: to ?? "" })}</Body1>
      ) : status === "failed" && error ? (
        <Body1 className={styles.failed} data-testid="delivery-error">
          {deliveryErrorText(error)}
        </Body1>
      ) : (
        <Body1 className={styles.what}>{invoice.customer.email ? t("invoices.delivery.goesTo", { to: invoice.customer.email }) : t("invoices.delivery.noEmail")}</Body1>
      )}
      {invoice.kind === "invoice" && (invoice.reminders.length > 0 || overdue) && (
        <>
          <Subtitle2 as="h4" className={styles.subhead}>{t("invoices.reminders.title")}</Subtitle2>
          {invoice.reminders.length === 0 ? (
            <Caption1 className={styles.muted}>{t("invoices.reminders.none")}</Caption1>
          ) : (
            <ul className={styles.list} data-testid="reminders">
              {invoice.reminders.map((r) => (
                <li key={r.seq} className={r.status === "failed" ? styles.failed : styles.what} data-reminder-status={r.status}>
                  {reminderText(r)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className={styles.buttons}>
        <Button icon={<MailArrowForwardRegular />} disabled={busy} onClick={() => (status === "sent" ? setConfirming(true) : void send.start("send", [invoice]))} data-testid="delivery-send">
          {sendLabel}
        </Button>
        {overdue && (
          <Button icon={<AlertRegular />} disabled={send.busy} onClick={() => void send.start("remind", [invoice])} data-testid="delivery-remind">
            {t("invoices.reminders.send")}
          </Button>
        )}
      </div>
      {send.run && <SendRunBar run={send.run} onResend={(invoices) => void send.start("send", invoices, { resend: true })} onDismiss={send.dismiss} />}
      <ConfirmDialog
        open={confirming}
        title={t("invoices.send.resendTitle", { number: invoice.number })}
        confirmLabel={t("invoices.send.sendAgain")}
        onConfirm={() => {
          setConfirming(false);
          void send.start("send", [invoice], { resend: true });
        }}
        onCancel={() => setConfirming(false)}
      >
        {t("invoices.send.resendBody", { date: sentAt ? formatDay(sentAt) : "", to: to ?? "" })}
      </ConfirmDialog>
    </section>
  );
}
