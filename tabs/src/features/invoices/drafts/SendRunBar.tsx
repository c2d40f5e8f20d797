// The bar of a send or reminder run: progress (done of total) while the job sends; afterwards how many went, each
// failure with its reason and each document left out with why — "Send again" for the ones sent already, the
// customer's details for one without an e-mail address — or, while sending is off, the way to the setup.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular, MailArrowForwardRegular, PersonEditRegular, SettingsRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { ApiError, errorMessage } from "../../../shared/apiClient";
import { formatCount } from "../../../shared/format";
import type { Invoice } from "../invoice.types";
import { outcomeIntent, sendOutcome } from "./delivery";
import type { SendRun } from "./useSendJob";

const useStyles = makeStyles({
  bar: { borderRadius: 0 },
  // The long words of a reason wrap on a phone rather than push the bar wider than the screen.
  body: { minWidth: 0, overflowWrap: "anywhere" },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  item: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  more: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

/** Props: the run, and the ways on from its result (each optional: without it the button is not offered). */
export interface SendRunBarProps {
  run: SendRun;
  /** Sends these (already sent) documents once more. */
  onResend?: (invoices: Invoice[]) => void;
  /** Opens the customer of a document that has no e-mail address. */
  onEditCustomer?: (invoice: Invoice) => void;
  onDismiss?: () => void;
}

/** Renders the run in whichever phase it is. */
export function SendRunBar({ run, onResend, onEditCustomer, onDismiss }: SendRunBarProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const reminders = run.kind === "remind";
  const dismiss = onDismiss && <MessageBarActions containerAction={<Button appearance="transparent" icon={<DismissRegular />} aria-label={t("common.close")} onClick={onDismiss} />} />;

  if (run.phase !== "ended") {
    const job = run.job;
    const total = job?.total ?? run.invoices.length;
    const handled = job ? Math.min(total, job.done + job.failed) : 0;
    const label =
      run.phase === "requesting" || job?.status === "queued"
        ? t(reminders ? "invoices.send.startingReminders" : "invoices.send.starting", { count: total })
        : t(reminders ? "invoices.send.progressReminders" : "invoices.send.progress", { done: formatCount(handled), total: formatCount(total) });
    const known = run.phase === "running" && job?.status === "running" && total > 0;
    return (
      <MessageBar intent="info" className={styles.bar} data-testid="send-progress">
        <MessageBarBody className={styles.body}>
          <span aria-live="polite">{label}</span>
          <ProgressBar aria-label={t("invoices.send.progressLabel")} value={known ? handled / total : undefined} thickness="large" />
        </MessageBarBody>
      </MessageBar>
    );
  }

  if (run.error) {
    const disabled = run.error instanceof ApiError && run.error.code === "DELIVERY_DISABLED";
    return (
      <MessageBar intent={disabled ? "warning" : "error"} layout="multiline" className={styles.bar} data-testid="send-result">
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>{disabled ? t("invoices.send.disabledTitle") : t(reminders ? "invoices.send.remindFailed" : "invoices.send.sendFailed")}</MessageBarTitle>
          {disabled ? t("invoices.send.disabledBody") : errorMessage(run.error)}
          {disabled && (
            <div className={styles.more}>
              <Button size="small" icon={<SettingsRegular />} onClick={() => (window.location.hash = "#/setup")}>
                {t("invoices.send.openSetup")}
              </Button>
            </div>
          )}
        </MessageBarBody>
        {dismiss}
      </MessageBar>
    );
  }

  const outcome = sendOutcome(run.invoices, run.accepted?.skipped ?? [], run.job);
  const again = outcome.skipped.filter((s) => s.reason === "alreadySent" && s.invoice).map((s) => s.invoice!);
  return (
    <MessageBar intent={outcomeIntent(outcome)} layout="multiline" className={styles.bar} data-testid="send-result">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>
          {outcome.sent === 0
            ? t(reminders ? "invoices.send.noReminderSent" : "invoices.send.nothingSent")
            : t(reminders ? "invoices.send.remindersSent" : "invoices.send.sent", { count: outcome.sent, n: formatCount(outcome.sent) })}
        </MessageBarTitle>
        {outcome.stopped && <div>{t("invoices.send.stopped", { reason: outcome.stopped })}</div>}
        {outcome.failed.length > 0 && (
          <div data-testid="send-failures">
            {t("invoices.send.failed", { count: outcome.failed.length })}
            <ul className={styles.list}>
              {outcome.failed.map((f) => (
                <li key={f.invoiceId}>{`${f.name}: ${f.text}`}</li>
              ))}
            </ul>
          </div>
        )}
        {outcome.skipped.length > 0 && (
          <div data-testid="send-skipped">
            {t(reminders ? "invoices.send.skippedReminders" : "invoices.send.skipped", { count: outcome.skipped.length })}
            <ul className={styles.list}>
              {outcome.skipped.map((s) => (
                <li key={s.invoiceId} className={styles.item} data-skip-reason={s.reason}>
                  {`${s.name}: ${s.text}`}
                  {s.reason === "noEmail" && s.invoice && onEditCustomer && (
                    <Button size="small" appearance="transparent" icon={<PersonEditRegular />} aria-label={t("invoices.customer.editWho", { who: s.name })} onClick={() => onEditCustomer(s.invoice!)}>
                      {t("invoices.customer.edit")}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
            {again.length > 0 && onResend && (
              <div className={styles.more}>
                <Button size="small" icon={<MailArrowForwardRegular />} onClick={() => onResend(again)} data-testid="send-again">
                  {t("invoices.send.sendAgainCount", { count: again.length })}
                </Button>
              </div>
            )}
          </div>
        )}
      </MessageBarBody>
      {dismiss}
    </MessageBar>
  );
}
