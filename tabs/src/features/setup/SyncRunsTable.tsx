// Table of recent sync runs: when, status, duration, main counts and errors.
import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatDateTime } from "../../shared/format";
import type { SyncRun } from "./setup.types";
import { countLabel, runDuration, statusColor } from "./syncFormat";

const useStyles = makeStyles({
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  endButton: { justifyContent: "flex-end" },
  counts: { color: tokens.colorNeutralForeground2 },
});

function summarizeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, value]) => value > 0)
    .map(([key, value]) => `${countLabel(key)} ${value}`)
    .join(" · ");
}

/** The last `limit` runs, newest first as the API answers them. */
export function SyncRunsTable({ runs, limit = 10 }: { runs: SyncRun[]; limit?: number }) {
  const styles = useStyles();
  return (
    <Table size="small" aria-label="Recent sync runs" data-testid="sync-runs">
      <TableHeader>
        <TableRow>
          <TableHeaderCell style={{ width: "180px" }}>Started</TableHeaderCell>
          <TableHeaderCell style={{ width: "110px" }}>Status</TableHeaderCell>
          <TableHeaderCell style={{ width: "90px" }}>Duration</TableHeaderCell>
          <TableHeaderCell>Counts</TableHeaderCell>
          <TableHeaderCell style={{ width: "70px" }} button={{ className: styles.endButton }}>
            Errors
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.slice(0, limit).map((run) => (
          <TableRow key={run.id}>
            <TableCell>{formatDateTime(run.startedAt)}</TableCell>
            <TableCell>
              <Badge appearance="tint" color={statusColor(run.status)}>
                {run.status}
              </Badge>
            </TableCell>
            <TableCell>{runDuration(run.startedAt, run.finishedAt) ?? "—"}</TableCell>
            <TableCell className={styles.counts}>{summarizeCounts(run.counts) || "—"}</TableCell>
            <TableCell className={styles.num}>{run.errors.length}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
