// Table of recent sync runs: started, duration, trigger, status, key counts and problems; a row expands to its details.
import { Fragment } from "react";
import {
  Badge,
  Button,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../shared/format";
import { useNarrow } from "../../shared/narrow";
import { useToggleSet } from "../../shared/useToggleSet";
import type { SyncRun } from "./setup.types";
import { runDuration, runSummary, statusColor, statusLabel, triggerLabel } from "./syncFormat";
import { SyncRunDetails } from "./SyncRunDetails";

const useStyles = makeStyles({
  // Below this the Counts column would wrap word by word; the panel scrolls sideways instead.
  table: { minWidth: "900px" },
  toggle: { width: "44px" },
  started: { width: "170px" },
  duration: { width: "100px", fontVariantNumeric: "tabular-nums" },
  trigger: { width: "110px" },
  status: { width: "110px" },
  summary: { color: tokens.colorNeutralForeground2 },
  problems: { width: "90px", textAlign: "end", fontVariantNumeric: "tabular-nums" },
  endButton: { justifyContent: "flex-end" },
  detailCell: { padding: 0 },
  // Narrow: when, how and what under one another in the first column.
  stack: { display: "flex", flexDirection: "column", padding: `${tokens.spacingVerticalXS} 0` },
  danger: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The last `limit` runs, newest first as the API answers them. Below 640 px duration, trigger, counts and problems go
 * under the start time, so the table fits. */
export function SyncRunsTable({ runs, limit = 10 }: { runs: SyncRun[]; limit?: number }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { items: expanded, toggle } = useToggleSet<string>();
  const narrow = useNarrow();

  return (
    <Table className={narrow ? undefined : styles.table} size="small" aria-label={t("sync.runs.label")} data-testid="sync-runs">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.toggle} aria-label={t("sync.runs.showDetails")} />
          <TableHeaderCell className={narrow ? undefined : styles.started}>{t("sync.runs.started")}</TableHeaderCell>
          {!narrow && (
            <>
              <TableHeaderCell className={styles.duration}>{t("sync.runs.duration")}</TableHeaderCell>
              <TableHeaderCell className={styles.trigger}>{t("sync.runs.trigger")}</TableHeaderCell>
            </>
          )}
          <TableHeaderCell className={styles.status}>{t("sync.runs.status")}</TableHeaderCell>
          {!narrow && <TableHeaderCell>{t("sync.runs.counts")}</TableHeaderCell>}
          {!narrow && (
            <TableHeaderCell className={styles.problems} button={{ className: styles.endButton }}>
              {t("sync.runs.problems")}
            </TableHeaderCell>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.slice(0, limit).map((run) => {
          const open = expanded.has(run.id);
          const problems = run.errors?.length ?? 0;
          const started = formatDateTime(run.startedAt);
          return (
            <Fragment key={run.id}>
              <TableRow data-run-id={run.id} data-status={run.status}>
                <TableCell className={styles.toggle}>
                  <Button
                    appearance="subtle"
                    size="small"
                    icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
                    aria-expanded={open}
                    aria-label={t(open ? "sync.runs.hideRun" : "sync.runs.showRun", { when: started })}
                    onClick={() => toggle(run.id)}
                  />
                </TableCell>
                {narrow ? (
                  <TableCell>
                    <span className={styles.stack}>
                      {started}
                      <Caption1 className={styles.summary}>{`${triggerLabel(run.trigger)} · ${runDuration(run.startedAt, run.finishedAt) ?? "…"}`}</Caption1>
                      {runSummary(run) && <Caption1 className={styles.summary}>{runSummary(run)}</Caption1>}
                      {problems > 0 && <Caption1 className={styles.danger}>{t("sync.runs.problemCount", { count: problems })}</Caption1>}
                    </span>
                  </TableCell>
                ) : (
                  <>
                    <TableCell className={styles.started}>{started}</TableCell>
                    <TableCell className={styles.duration}>{runDuration(run.startedAt, run.finishedAt) ?? "…"}</TableCell>
                    <TableCell className={styles.trigger}>{triggerLabel(run.trigger)}</TableCell>
                  </>
                )}
                <TableCell className={styles.status}>
                  <Badge appearance="tint" color={statusColor(run.status)}>
                    {statusLabel(run.status)}
                  </Badge>
                </TableCell>
                {!narrow && <TableCell className={styles.summary}>{runSummary(run) || "—"}</TableCell>}
                {!narrow && (
                  <TableCell className={styles.problems}>
                    <span className={problems > 0 ? styles.danger : undefined}>{problems}</span>
                  </TableCell>
                )}
              </TableRow>
              {open && (
                <TableRow>
                  <TableCell colSpan={narrow ? 3 : 7} className={styles.detailCell}>
                    <SyncRunDetails run={run} />
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
