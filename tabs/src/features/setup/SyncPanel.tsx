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
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation();
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
            {t("sync.title")}
          </Subtitle2>
          <Caption1 as="p" className={styles.muted}>
            {!configured
              ? t("sync.needsSetup")
              : latest
                ? t("sync.lastRun", { when: formatDateTime(latest.startedAt), status: statusLabel(latest.status) })
                : t("sync.noneYet")}
          </Caption1>
        </div>
        <Button
          appearance="primary"
          icon={<ArrowSyncRegular />}
          disabled={!configured || readOnly || busy}
          onClick={sync.syncNow}
          data-testid="sync-now"
        >
          {busy ? t("sync.syncing") : t("sync.syncNow")}
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
              <Button appearance="transparent" aria-label={t("common.dismiss")} icon={<DismissRegular />} onClick={sync.dismiss} />
            }
          />
        </MessageBar>
      )}
      {configured && (
        <>
          <Subtitle2 as="h3" className={styles.flush}>
            {t("sync.recentRuns")}
          </Subtitle2>
          <ErrorBar title={t("sync.runsError")} error={sync.runsError} onRetry={() => void sync.reload()} />
          {!sync.runs && !sync.runsError && <LoadingState label={t("sync.loadingRuns")} />}
          {sync.runs?.length === 0 && <EmptyState icon={<HistoryRegular />} title={t("sync.emptyTitle")} hint={t("sync.emptyHint")} />}
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
