// The setup page (`#/setup`) and the Teams configurable-tab page (`#/config`).
import { useState } from "react";
import { Body1, Caption1, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { errorMessage } from "../../shared/apiClient";
import { ErrorBar } from "../../shared/ui/ErrorBar";
import { LoadingState } from "../../shared/ui/LoadingState";
import { NoticeBar } from "../../shared/ui/NoticeBar";
import type { Notice } from "../../shared/ui/NoticeBar";
import { SetupForm } from "./SetupForm";
import { SyncPanel } from "./SyncPanel";
import { tabConfig, useTeamsConfigPage } from "./useTeamsConfigPage";
import { useSetupForm } from "./useSetupForm";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
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

/** Admin setup: connection form, sync now and recent runs. */
export function SetupPage({ mode, inTeams }: SetupPageProps) {
  const styles = useStyles();
  const form = useSetupForm();
  const [notice, setNotice] = useState<Notice | null>(null);
  const teamsConfig = mode === "config" && inTeams;
  useTeamsConfigPage(teamsConfig, form.valid, form.save);

  async function handleSave() {
    try {
      await form.save();
      setNotice({ intent: "success", title: "Setup saved", body: "Run a sync to read the latest appointments." });
    } catch (err) {
      setNotice({ intent: "error", title: "Could not save the setup", body: errorMessage(err) });
    }
  }

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.title}>
          Bookings setup
        </Title2>
        <Body1 className={styles.muted}>Connect a Microsoft Bookings business and choose what to sync.</Body1>
      </header>
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      <ErrorBar title="Could not load the setup" error={form.loadError} onRetry={() => void form.reload()} />
      <section className={styles.card} aria-label="Connection">
        {form.loading ? (
          <LoadingState label="Loading setup…" />
        ) : (
          <SetupForm form={form} onSave={() => void handleSave()} hideSave={teamsConfig} />
        )}
        {mode === "config" && !inTeams && (
          <Caption1 className={styles.muted}>
            Outside Teams: on Save, Teams would store{" "}
            <span className={styles.code}>{JSON.stringify(tabConfig())}</span>
          </Caption1>
        )}
      </section>
      {!teamsConfig && (
        <section className={styles.card} aria-label="Sync">
          <SyncPanel configured={form.configured} onNotice={setNotice} />
        </section>
      )}
    </div>
  );
}
