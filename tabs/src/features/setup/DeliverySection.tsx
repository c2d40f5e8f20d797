// The Delivery group of the setup form (PRODUCT.md §4.9): e-mail on/off, sender mailbox, reply-to, when the UBL goes
// along, the messages per language and kind, and a test e-mail of the form as it stands.
import {
  Body1Strong,
  Button,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Switch,
  Tab,
  TabList,
  Textarea,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowResetRegular, ErrorCircleRegular, SendRegular } from "@fluentui/react-icons";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, errorMessage } from "../../shared/apiClient";
import { useApi } from "../../shared/apiContext";
import { dropdownLabels } from "../../shared/ui/fluentLabels";
import { sendTestMail } from "./deliveryApi";
import {
  ATTACH_UBL_OPTIONS,
  MAIL_LANGUAGES,
  MESSAGE_KINDS,
  PLACEHOLDERS,
  TEMPLATE_LIMITS,
  differsFromDefault,
  isEmailShape,
  languageHasErrors,
  restoreDefaultPatch,
  templateField,
  toDeliveryInput,
  type TemplateField,
} from "./deliveryDraft";
import { SettingInput } from "./SettingInput";
import { SetupSection } from "./SetupSection";
import type { DraftSectionProps } from "./SetupSection";
import type { AttachUbl, MailLanguage, MessageKind } from "./setup.types";

// The section's text lives in the UI resources (shared/i18n), under setup.delivery.

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground3 },
  // Wraps onto a second line on a phone rather than pushing the section wider than the screen.
  tabs: { flexWrap: "wrap", minWidth: 0 },
  chips: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  chip: { fontFamily: tokens.fontFamilyMonospace, minWidth: 0 },
  message: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // The kind's name and its "Restore default" share a line while there is room.
  messageHead: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalM },
  test: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalS },
  // A Field stretches its control; the button keeps its natural width.
  button: { justifySelf: "start" },
  testTo: { alignSelf: "stretch" },
  // The outcome takes the section's width and wraps: addresses and a subject run longer than a phone is wide.
  result: { alignSelf: "stretch", overflowWrap: "anywhere" },
  dropdown: { minWidth: 0 },
});

type TestResult = { intent: "success" | "error"; title: string; body: string };

/** The delivery settings, the six messages and a "Send test e-mail" button with its outcome. */
export function DeliverySection({ draft, errors, readOnly, update }: DraftSectionProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [language, setLanguage] = useState<MailLanguage>("en");
  const messages = useRef<HTMLDivElement>(null);
  // Where a placeholder goes: the subject or body last focused (its caret survives the click on the chip).
  const lastField = useRef<TemplateField | null>(null);
  // null until the admin types an address: until then it follows the reply-to or the supplier's e-mail.
  const [typedTo, setTypedTo] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<TestResult | null>(null);

  const to = typedTo ?? (draft.deliveryReplyTo.trim() || draft.supplierEmail.trim());
  const toError = to.trim() && !isEmailShape(to) ? t("setup.delivery.testToInvalid") : undefined;
  // The server refuses a test of settings it would not save; the fields say what to fix.
  const deliveryInvalid = Object.keys(errors).some((key) => key.startsWith("delivery"));
  const kindLabel = (kind: MessageKind) => t(`setup.delivery.kinds.${kind}`);
  const languageLabel = (l: MailLanguage) => t(`setup.delivery.language.${l}`);
  const attachLabel = (a: AttachUbl) => t(`setup.delivery.attach.${a}`);

  const edit = (patch: Partial<typeof draft>) => {
    update(patch);
    setResult(null);
  };

  const insertPlaceholder = (name: string) => {
    // The field last edited if it is of the language shown, else the invoice's text.
    const shown = MESSAGE_KINDS.flatMap((kind) => [templateField(language, kind, "subject"), templateField(language, kind, "body")]);
    const field = lastField.current && shown.includes(lastField.current) ? lastField.current : templateField(language, "invoice", "body");
    const element = messages.current?.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-field="${field}"] :is(input, textarea)`);
    const value = draft[field];
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const text = `{${name}}`;
    edit({ [field]: value.slice(0, start) + text + value.slice(end) });
    lastField.current = field;
    // After React wrote the new value: back to the field, the caret behind what was inserted.
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const test = async () => {
    setSending(true);
    setResult(null);
    try {
      const answer = await sendTestMail(api, { ...(to.trim() ? { to: to.trim() } : {}), language, delivery: toDeliveryInput(draft) });
      setResult({ intent: "success", title: t("setup.delivery.sent"), body: t("setup.delivery.sentBody", { to: answer.to, mailbox: answer.mailbox, subject: answer.subject }) });
    } catch (err) {
      // Graph's own answer names the cause (no Mail.Send for the mailbox, no such mailbox); errors.codes.GRAPH_ERROR,
      // what a Dutch tab would show instead, speaks of Bookings.
      const graph = err instanceof ApiError && err.code === "GRAPH_ERROR";
      setResult({ intent: "error", title: t("setup.delivery.failed"), body: graph ? t("setup.delivery.graphError", { message: err.message }) : errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  const businessMailbox = draft.businessId.trim();
  return (
    <SetupSection title={t("setup.delivery.title")} description={t("setup.delivery.description")}>
      <Field hint={t("setup.delivery.enabledHint")}>
        <Switch label={t("setup.delivery.enabled")} checked={draft.deliveryEnabled} disabled={readOnly} onChange={(_, data) => edit({ deliveryEnabled: data.checked })} />
      </Field>
      <SettingInput
        label={t("setup.delivery.senderMailbox")}
        value={draft.deliverySenderMailbox}
        error={errors.deliverySenderMailbox}
        hint={businessMailbox ? t("setup.delivery.senderHint", { mailbox: businessMailbox }) : t("setup.delivery.senderHintNoBusiness")}
        placeholder={businessMailbox || undefined}
        inputMode="email"
        maxLength={320}
        readOnly={readOnly}
        onChange={(value) => edit({ deliverySenderMailbox: value })}
      />
      <SettingInput
        label={t("setup.delivery.replyTo")}
        value={draft.deliveryReplyTo}
        error={errors.deliveryReplyTo}
        hint={t("setup.delivery.replyToHint")}
        inputMode="email"
        maxLength={320}
        readOnly={readOnly}
        onChange={(value) => edit({ deliveryReplyTo: value })}
      />
      <Field label={t("setup.delivery.attachUbl")} hint={t("setup.delivery.attachUblHint")}>
        <Dropdown
          {...dropdownLabels()}
          className={styles.dropdown}
          value={attachLabel(draft.deliveryAttachUbl)}
          selectedOptions={[draft.deliveryAttachUbl]}
          disabled={readOnly}
          onOptionSelect={(_, data) => data.optionValue && edit({ deliveryAttachUbl: data.optionValue as AttachUbl })}
        >
          {ATTACH_UBL_OPTIONS.map((a) => (
            <Option key={a} value={a}>
              {attachLabel(a)}
            </Option>
          ))}
        </Dropdown>
      </Field>

      <div ref={messages} className={styles.group} role="group" aria-labelledby={`${ids}-messages`}>
        <div className={styles.heading}>
          <Body1Strong id={`${ids}-messages`}>{t("setup.delivery.messages")}</Body1Strong>
          <Caption1 className={styles.hint}>{t("setup.delivery.messagesHint")}</Caption1>
        </div>
        <TabList className={styles.tabs} size="small" selectedValue={language} onTabSelect={(_, data) => setLanguage(data.value as MailLanguage)} aria-label={t("setup.delivery.languages")}>
          {MAIL_LANGUAGES.map((l) => {
            const wrong = languageHasErrors(errors, l);
            return (
              <Tab
                key={l}
                value={l}
                data-testid={`delivery-language-${l}`}
                icon={wrong ? <ErrorCircleRegular color={tokens.colorPaletteRedForeground1} /> : undefined}
                aria-label={wrong ? t("setup.delivery.languageWithErrors", { language: languageLabel(l) }) : undefined}
              >
                {languageLabel(l)}
              </Tab>
            );
          })}
        </TabList>
        <div className={styles.heading} role="group" aria-labelledby={`${ids}-placeholders`}>
          <Caption1 id={`${ids}-placeholders`} className={styles.hint}>
            {t("setup.delivery.placeholders")}
          </Caption1>
          <div className={styles.chips}>
            {PLACEHOLDERS.map((name) => (
              <Tooltip key={name} content={t(`setup.delivery.placeholder.${name}`)} relationship="description">
                <Button
                  className={styles.chip}
                  size="small"
                  shape="circular"
                  disabled={readOnly}
                  // Keeps the caret of the field being edited: the chip takes no focus from a mouse click.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => insertPlaceholder(name)}
                >
                  {`{${name}}`}
                </Button>
              </Tooltip>
            ))}
          </div>
        </div>
        {MESSAGE_KINDS.map((kind) => {
          const subject = templateField(language, kind, "subject");
          const body = templateField(language, kind, "body");
          const headingId = `${ids}-${language}-${kind}`;
          return (
            <div key={`${language}-${kind}`} className={styles.message} role="group" aria-labelledby={headingId} data-testid={`delivery-template-${kind}`}>
              <div className={styles.messageHead}>
                <Body1Strong id={headingId}>{kindLabel(kind)}</Body1Strong>
                <Button
                  appearance="subtle"
                  size="small"
                  icon={<ArrowResetRegular />}
                  disabled={readOnly || !differsFromDefault(draft, language, kind)}
                  onClick={() => edit(restoreDefaultPatch(language, kind))}
                >
                  {t("setup.delivery.restoreDefault")}
                </Button>
              </div>
              <div data-field={subject} onFocus={() => (lastField.current = subject)}>
                <SettingInput
                  label={t("setup.delivery.subject")}
                  value={draft[subject]}
                  error={errors[subject]}
                  maxLength={TEMPLATE_LIMITS.subject}
                  readOnly={readOnly}
                  onChange={(value) => edit({ [subject]: value })}
                />
              </div>
              <div data-field={body} onFocus={() => (lastField.current = body)}>
                <Field label={t("setup.delivery.body")} validationMessage={errors[body]} validationState={errors[body] ? "error" : "none"}>
                  <Textarea
                    value={draft[body]}
                    rows={8}
                    resize="vertical"
                    maxLength={TEMPLATE_LIMITS.body}
                    readOnly={readOnly}
                    appearance={readOnly ? "filled-darker" : "outline"}
                    onChange={(_, data) => edit({ [body]: data.value })}
                  />
                </Field>
              </div>
            </div>
          );
        })}
      </div>

      <div className={styles.message} role="group" aria-labelledby={`${ids}-test`}>
        <Body1Strong id={`${ids}-test`}>{t("setup.delivery.test")}</Body1Strong>
        <div className={styles.test}>
          <div className={styles.testTo}>
            <SettingInput
              label={t("setup.delivery.testTo")}
              value={to}
              error={toError}
              hint={t("setup.delivery.testToHint")}
              inputMode="email"
              maxLength={320}
              readOnly={readOnly}
              onChange={(value) => {
                setTypedTo(value);
                setResult(null);
              }}
            />
          </div>
          <Field hint={t(`setup.delivery.testHint.${language}`)}>
            <Button
              className={styles.button}
              icon={<SendRegular />}
              disabled={readOnly || sending || deliveryInvalid || !!toError}
              onClick={() => void test()}
            >
              {sending ? t("setup.delivery.sending") : t("setup.delivery.sendTest")}
            </Button>
          </Field>
          {result && (
            <MessageBar className={styles.result} layout="multiline" intent={result.intent} data-testid="test-mail-result">
              <MessageBarBody>
                <MessageBarTitle>{result.title}</MessageBarTitle>
                {result.body}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      </div>
    </SetupSection>
  );
}

