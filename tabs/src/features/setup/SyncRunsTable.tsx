// Table of recent sync runs: started, duration, trigger, status, key counts and problems; a row expands to its details.
import { Fragment } from "react";
import {
  Badge,
  Button,
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
  danger: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The last `limit` runs, newest first as the API answers them. */
export function SyncRunsTable({ runs, limit = 10 }: { runs: SyncRun[]; limit?: number }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { items: expanded, toggle } = useToggleSet<string>();

  return (
    <Table className={styles.table} size="small" aria-label={t("sync.runs.label")} data-testid="sync-runs">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.toggle} aria-label={t("sync.runs.showDetails")} />
          <TableHeaderCell className={styles.started}>{t("sync.runs.started")}</TableHeaderCell>
          <TableHeaderCell className={styles.duration}>{t("sync.runs.duration")}</TableHeaderCell>
          <TableHeaderCell className={styles.trigger}>{t("sync.runs.trigger")}</TableHeaderCell>
          <TableHeaderCell className={styles.status}>{t("sync.runs.status")}</TableHeaderCell>
          <TableHeaderCell>{t("sync.runs.counts")}</TableHeaderCell>
          <TableHeaderCell className={styles.problems} button={{ className: styles.endButton }}>
            {t("sync.runs.problems")}
          </TableHeaderCell>
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
                <TableCell className={styles.started}>{started}</TableCell>
                <TableCell className={styles.duration}>{runDuration(run.startedAt, run.finishedAt) ?? "…"}</TableCell>
                <TableCell className={styles.trigger}>{triggerLabel(run.trigger)}</TableCell>
                <TableCell className={styles.status}>
                  <Badge appearance="tint" color={statusColor(run.status)}>
                    {statusLabel(run.status)}
                  </Badge>
                </TableCell>
                <TableCell className={styles.summary}>{runSummary(run) || "—"}</TableCell>
                <TableCell className={styles.problems}>
                  <span className={problems > 0 ? styles.danger : undefined}>{problems}</span>
                </TableCell>
              </TableRow>
              {open && (
                <TableRow>
                  <TableCell colSpan={7} className={styles.detailCell}>
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
