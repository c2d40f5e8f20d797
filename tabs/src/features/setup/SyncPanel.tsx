// Sync section: Sync now with live progress, the outcome of the last watched run, and the recent runs.
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowSyncRegular, DismissRegular, HistoryRegular } from "@fluentui/react-icons";
import { formatDateTime } from "../../shared/format";
import { EmptyState } from "../../shared/ui/EmptyState";
import { ErrorBar } from "../../shared/ui/ErrorBar";
import { LoadingState } from "../../shared/ui/LoadingState";
import { describeEnd, statusLabel } from "./syncFormat";
import { SyncProgressView } from "./SyncProgressView";
import { SyncRunsTable } from "./SyncRunsTable";
import { useSyncMonitor } from "./useSyncMonitor";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  heading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  flush: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
  runs: { overflowX: "auto" },
});

/** Props: whether a setup exists (a sync needs one) and whether the user may run one. */
export interface SyncPanelProps {
  configured: boolean;
  readOnly: boolean;
}

/** Runs a sync on demand, follows it (or one already running) and lists recent runs. */
export function SyncPanel({ configured, readOnly }: SyncPanelProps) {
  const styles = useStyles();
  const sync = useSyncMonitor(configured);
  const { activity, live, end } = sync.state;
  const busy = activity.kind === "watching";
  const latest = sync.runs?.[0];
  const outcome = end && describeEnd(end);

  return (
    <div className={styles.root}>
      <div className={styles.head}>
        <div className={styles.heading}>
          <Subtitle2 as="h2" className={styles.flush}>
            Sync
          </Subtitle2>
          <Caption1 as="p" className={styles.muted}>
            {!configured
              ? "Save the setup to run the first sync."
              : latest
                ? `Last run ${formatDateTime(latest.startedAt)} · ${statusLabel(latest.status)}`
                : "No sync has run yet."}
          </Caption1>
        </div>
        <Button
          appearance="primary"
          icon={<ArrowSyncRegular />}
          disabled={!configured || readOnly || busy}
          onClick={sync.syncNow}
          data-testid="sync-now"
        >
          {busy ? "Syncing…" : "Sync now"}
        </Button>
      </div>
      {activity.kind === "watching" && <SyncProgressView reason={activity.reason} run={live} />}
      {outcome && (
        <MessageBar intent={outcome.intent} layout="multiline" data-testid="sync-outcome">
          <MessageBarBody>
            <MessageBarTitle>{outcome.title}</MessageBarTitle>
            {outcome.body}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" aria-label="Dismiss message" icon={<DismissRegular />} onClick={sync.dismiss} />
            }
          />
        </MessageBar>
      )}
      {configured && (
        <>
          <Subtitle2 as="h3" className={styles.flush}>
            Recent runs
          </Subtitle2>
          <ErrorBar title="Could not load sync runs" error={sync.runsError} onRetry={() => void sync.reload()} />
          {!sync.runs && !sync.runsError && <LoadingState label="Loading sync runs…" />}
          {sync.runs?.length === 0 && <EmptyState icon={<HistoryRegular />} title="No sync runs yet" hint="Press Sync now to read Microsoft Bookings." />}
          {sync.runs && sync.runs.length > 0 && (
            <div className={styles.runs}>
              <SyncRunsTable runs={sync.runs} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
