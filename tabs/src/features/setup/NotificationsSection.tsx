// The Notifications group of the setup form: on/off, the Workflows webhook URL (shown masked), interval, activity feed, test card.
import { Button, Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { SendRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../shared/apiClient";
import { useApi } from "../../shared/apiContext";
import { sendTestCard } from "./notificationsApi";
import { NOTIFICATION_LIMITS } from "./notificationsDraft";
import { SettingInput } from "./SettingInput";
import { SetupSection } from "./SetupSection";
import type { DraftSectionProps } from "./SetupSection";

const { min, max } = NOTIFICATION_LIMITS.intervalMinutes;

// The section's text lives in the UI resources (shared/i18n), under setup.notifications.

const useStyles = makeStyles({
  test: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalS },
  // A Field stretches its control; the button keeps its natural width.
  button: { justifySelf: "start" },
});

type TestResult = { intent: "success" | "error"; title: string; body: string };

/** The notification settings and a "Send test card" button with its outcome. */
export function NotificationsSection({ draft, errors, readOnly, update }: DraftSectionProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const api = useApi();
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<TestResult | null>(null);
  const url = draft.webhookUrl.trim();

  const test = async () => {
    setSending(true);
    setResult(null);
    try {
      const answer = await sendTestCard(api, url);
      setResult({ intent: "success", title: t("setup.notifications.delivered"), body: t("setup.notifications.deliveredBody", { status: answer.status }) });
    } catch (err) {
      setResult({ intent: "error", title: t("setup.notifications.failed"), body: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  return (
    <SetupSection title={t("setup.notifications.title")} description={t("setup.notifications.description")}>
      <Field hint={t("setup.notifications.enabledHint")}>
        <Switch
          label={t("setup.notifications.enabled")}
          checked={draft.notificationsEnabled}
          disabled={readOnly}
          onChange={(_, data) => update({ notificationsEnabled: data.checked })}
        />
      </Field>
      <SettingInput
        label={t("setup.notifications.webhookUrl")}
        value={draft.webhookUrl}
        error={errors.webhookUrl}
        hint={t("setup.notifications.webhookUrlHint")}
        placeholder="https://…"
        inputMode="url"
        maxLength={2048}
        readOnly={readOnly}
        onChange={(value) => {
          update({ webhookUrl: value });
          setResult(null);
        }}
      />
      <SettingInput
        label={t("setup.notifications.interval")}
        unit={t("setup.sync.minutes")}
        inputMode="numeric"
        value={draft.notifyIntervalMinutes}
        error={errors.notifyIntervalMinutes}
        hint={t("setup.notifications.intervalHint", { min, max })}
        readOnly={readOnly}
        onChange={(value) => update({ notifyIntervalMinutes: value })}
      />
      <Field hint={t("setup.notifications.activityFeedHint")}>
        <Checkbox
          label={t("setup.notifications.activityFeed")}
          checked={draft.activityFeed}
          disabled={readOnly}
          onChange={(_, data) => update({ activityFeed: data.checked === true })}
        />
      </Field>
      <div className={styles.test}>
        <Field hint={t("setup.notifications.testHint")}>
          <Button className={styles.button} icon={<SendRegular />} disabled={readOnly || sending || !url || !!errors.webhookUrl} onClick={() => void test()}>
            {sending ? t("setup.notifications.sending") : t("setup.notifications.sendTest")}
          </Button>
        </Field>
        {result && (
          <MessageBar intent={result.intent} data-testid="test-card-result">
            <MessageBarBody>
              <MessageBarTitle>{result.title}</MessageBarTitle>
              {result.body}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </SetupSection>
  );
}
