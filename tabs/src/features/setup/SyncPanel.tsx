// Sync section: Sync now (with a Spinner while it runs), the latest run's counts and recent runs.
import { useCallback, useState } from "react";
import { Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { ApiError, errorMessage } from "../../shared/apiClient";
import { useApi } from "../../shared/apiContext";
import { formatDateTime, plural } from "../../shared/format";
import { useAsyncData } from "../../shared/useAsyncData";
import { ErrorBar } from "../../shared/ui/ErrorBar";
import type { Notice } from "../../shared/ui/NoticeBar";
import type { SyncRun } from "./setup.types";
import { listSyncRuns, runSync } from "./setupApi";
import { SyncRunCounts } from "./SyncRunCounts";
import { SyncRunsTable } from "./SyncRunsTable";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  heading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  flush: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/** Props: whether a setup exists (sync needs one) and the page-level notice sink. */
export interface SyncPanelProps {
  configured: boolean;
  onNotice: (notice: Notice) => void;
}

/** Runs a sync on demand and lists recent runs. */
export function SyncPanel({ configured, onNotice }: SyncPanelProps) {
  const styles = useStyles();
  const api = useApi();
  const runs = useAsyncData(useCallback(() => (configured ? listSyncRuns(api) : Promise.resolve([])), [api, configured]));
  const [syncing, setSyncing] = useState(false);
  const [lastRun, setLastRun] = useState<SyncRun | null>(null);

  async function handleSync() {
    setSyncing(true);
    try {
      const run = await runSync(api);
      setLastRun(run);
      onNotice({
        intent: run.errors.length > 0 ? "warning" : "success",
        title: run.errors.length > 0 ? `Sync finished with ${plural(run.errors.length, "error")}` : "Sync finished",
        body: `Run ${run.status} at ${formatDateTime(run.finishedAt ?? run.startedAt)}.`,
      });
    } catch (err) {
      const title = err instanceof ApiError && err.code === "NOT_CONFIGURED" ? "Save the setup first" : "Sync failed";
      onNotice({ intent: "error", title, body: errorMessage(err) });
    } finally {
      setSyncing(false);
    }
    await runs.reload();
  }

  const shown = lastRun ?? runs.data?.[0] ?? null;
  return (
    <div className={styles.root}>
      <div className={styles.head}>
        <div className={styles.heading}>
          <Subtitle2 as="h2" className={styles.flush}>
            Sync
          </Subtitle2>
          <Caption1 as="p" className={styles.muted}>
            {shown ? `Last run ${formatDateTime(shown.startedAt)}` : "No sync has run yet."}
          </Caption1>
        </div>
        <Button
          icon={syncing ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
          disabled={!configured || syncing}
          onClick={() => void handleSync()}
        >
          {syncing ? "Syncing…" : "Sync now"}
        </Button>
      </div>
      {syncing && <Spinner size="small" label="Reading appointments from Microsoft Bookings…" labelPosition="after" />}
      {!syncing && shown && <SyncRunCounts run={shown} />}
      <ErrorBar title="Could not load sync runs" error={runs.error} onRetry={() => void runs.reload()} />
      {runs.data && runs.data.length > 0 && <SyncRunsTable runs={runs.data} />}
    </div>
  );
}
