// The setup page (`#/setup`) and the Teams configurable-tab page (`#/config`).
import { Badge, Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { LockClosedRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../shared/format";
import { ErrorBar } from "../../shared/ui/ErrorBar";
import { LoadingState } from "../../shared/ui/LoadingState";
import { SetupForm } from "./SetupForm";
import { SyncPanel } from "./SyncPanel";
import { ServiceItemsSection } from "./ServiceItemsSection";
import { tabConfig, useTeamsConfigPage } from "./useTeamsConfigPage";
import { useSetupForm } from "./useSetupForm";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  status: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
});

/** Props: which route rendered the page and whether TeamsJS is initialised. */
export interface SetupPageProps {
  mode: "setup" | "config";
  inTeams: boolean;
}

/** Admin setup: the connection form, Sync now with progress, and recent runs. */
export function SetupPage({ mode, inTeams }: SetupPageProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const form = useSetupForm();
  const teamsConfig = mode === "config" && inTeams;
  // Someone without the admin role may still add the tab once the tenant is set up; nothing is saved for them then.
  const canAddTab = form.ready && (form.readOnly ? form.configured : form.valid);
  const submitForm = () => (form.readOnly || (form.configured && !form.dirty) ? Promise.resolve() : form.save());
  useTeamsConfigPage(teamsConfig, canAddTab, submitForm);
  const setup = form.setup;

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.title}>
          {t("setup.title")}
        </Title2>
        <Body1 className={styles.muted}>{t("setup.intro")}</Body1>
        {form.ready && !setup && (
          <span className={styles.status} data-testid="setup-status">
            <Badge appearance="tint" color="warning">
              {t("setup.notSetUp")}
            </Badge>
            {!form.readOnly && <Caption1 className={styles.muted}>{t("setup.pickToStart")}</Caption1>}
          </span>
        )}
        {setup && (
          <span className={styles.status} data-testid="setup-status">
            <Badge appearance="tint" color="success">
              {t("setup.connectedTo", { name: setup.businessName ?? setup.businessId })}
            </Badge>
            <Badge appearance="outline" color="informative">
              {setup.currency}
            </Badge>
            {setup.updatedAt && <Caption1 className={styles.muted}>{t("setup.lastSaved", { when: formatDateTime(setup.updatedAt) })}</Caption1>}
          </span>
        )}
      </header>
      {form.readOnly && (
        <MessageBar intent="info" icon={<LockClosedRegular />} layout="multiline" data-testid="read-only">
          <MessageBarBody>
            <MessageBarTitle>{t("setup.readOnlyTitle")}</MessageBarTitle>
            {t("setup.readOnlyBody")}
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar title={t("setup.loadError")} error={form.loadError} onRetry={() => void form.reload()} />
      <ErrorBar title={t("setup.businessesError")} error={form.businessesError} onRetry={() => void form.reload()} />
      <section className={styles.card} aria-label={t("setup.connection")}>
        {form.loading && <LoadingState label={t("setup.loading")} />}
        {form.ready && (
          // A failed save is shown by the form itself, next to Save.
          <SetupForm form={form} onSave={() => void form.save().catch(() => undefined)} hideSave={teamsConfig} />
        )}
        {mode === "config" && !inTeams && (
          <Caption1 className={styles.muted}>
            {t("setup.outsideTeams")}{" "}
            <span className={styles.code}>{JSON.stringify(tabConfig())}</span>
          </Caption1>
        )}
      </section>
      {!teamsConfig && form.ready && (
        <section className={styles.card} aria-label={t("sync.title")}>
          <SyncPanel configured={form.configured} readOnly={form.readOnly} />
        </section>
      )}
      {/* Below the sync, whose services it lists: its table loads last and then shifts nothing above it. */}
      {!teamsConfig && form.ready && form.configured && (
        <section className={styles.card} aria-label={t("setup.items.title")}>
          <ServiceItemsSection readOnly={form.readOnly} />
        </section>
      )}
    </div>
  );
}
