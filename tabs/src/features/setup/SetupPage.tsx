// The setup page (`#/setup`) and the Teams configurable-tab page (`#/config`).
import { Badge, Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { LockClosedRegular } from "@fluentui/react-icons";
import { formatDateTime } from "../../shared/format";
import { ErrorBar } from "../../shared/ui/ErrorBar";
import { LoadingState } from "../../shared/ui/LoadingState";
import { SetupForm } from "./SetupForm";
import { SyncPanel } from "./SyncPanel";
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
  const form = useSetupForm();
  const teamsConfig = mode === "config" && inTeams;
  useTeamsConfigPage(teamsConfig, form.valid && !form.readOnly, form.save);
  const setup = form.setup;

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.title}>
          Bookings setup
        </Title2>
        <Body1 className={styles.muted}>Connect a Microsoft Bookings business, choose what to sync and how drafts are made.</Body1>
        {form.ready && !setup && (
          <span className={styles.status} data-testid="setup-status">
            <Badge appearance="tint" color="warning">
              Not set up yet
            </Badge>
            {!form.readOnly && <Caption1 className={styles.muted}>Pick a Bookings business and save to start syncing.</Caption1>}
          </span>
        )}
        {setup && (
          <span className={styles.status} data-testid="setup-status">
            <Badge appearance="tint" color="success">
              {`Connected to ${setup.businessName ?? setup.businessId}`}
            </Badge>
            <Badge appearance="outline" color="informative">
              {setup.currency}
            </Badge>
            {setup.updatedAt && <Caption1 className={styles.muted}>{`Last saved ${formatDateTime(setup.updatedAt)}`}</Caption1>}
          </span>
        )}
      </header>
      {form.readOnly && (
        <MessageBar intent="info" icon={<LockClosedRegular />} layout="multiline" data-testid="read-only">
          <MessageBarBody>
            <MessageBarTitle>Read-only</MessageBarTitle>
            Changing the setup or running a sync needs the invoicing admin role (Invoicing.Admin). Ask your Microsoft 365
            admin to assign it to you for the Bookings Invoicing app.
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar title="Could not load the setup" error={form.loadError} onRetry={() => void form.reload()} />
      <ErrorBar title="Could not list the Bookings businesses" error={form.businessesError} onRetry={() => void form.reload()} />
      <section className={styles.card} aria-label="Connection">
        {form.loading && <LoadingState label="Loading setup…" />}
        {form.ready && (
          // A failed save is shown by the form itself, next to Save.
          <SetupForm form={form} onSave={() => void form.save().catch(() => undefined)} hideSave={teamsConfig} />
        )}
        {mode === "config" && !inTeams && (
          <Caption1 className={styles.muted}>
            Outside Teams: on Save, Teams would store{" "}
            <span className={styles.code}>{JSON.stringify(tabConfig())}</span>
          </Caption1>
        )}
      </section>
      {!teamsConfig && form.ready && (
        <section className={styles.card} aria-label="Sync">
          <SyncPanel configured={form.configured} readOnly={form.readOnly} />
        </section>
      )}
    </div>
  );
}
