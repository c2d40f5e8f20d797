// The details of one sync run: all counts, the problems (with copyable Graph request ids) and the skipped records.
import {
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CopyButton } from "../../shared/ui/CopyButton";
import type { SyncRun } from "./setup.types";
import { SyncRunCounts } from "./SyncRunCounts";

/** Rows shown per list; a run keeps up to 200 errors. */
const SHOWN = 50;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL} 52px`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: "break-all" },
  idCell: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  kind: { width: "150px" },
});

/** A monospace id with a copy button, or a dash. */
function CopyableId({ value, what }: { value: string | undefined; what: string }) {
  const styles = useStyles();
  if (!value) return <span className={styles.muted}>—</span>;
  return (
    <span className={styles.idCell}>
      <span className={styles.code}>{value}</span>
      <CopyButton value={value} label={`Copy ${what} ${value}`} />
    </span>
  );
}

/** Counts, then problems, then skipped records of `run`. */
export function SyncRunDetails({ run }: { run: SyncRun }) {
  const styles = useStyles();
  const errors = run.errors ?? [];
  const skipped = run.skipped ?? [];
  return (
    <div className={styles.root} data-testid="sync-run-details">
      <SyncRunCounts counts={run.counts} label="Counts of this run" />
      {errors.length === 0 && skipped.length === 0 && <Caption1 className={styles.muted}>No problems, nothing skipped.</Caption1>}
      {errors.length > 0 && (
        <>
          <Subtitle2 as="h4" className={styles.heading}>{`Problems (${errors.length})`}</Subtitle2>
          <Table size="small" aria-label="Problems of this sync run">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.kind}>Kind</TableHeaderCell>
                <TableHeaderCell>Message</TableHeaderCell>
                <TableHeaderCell>Item id</TableHeaderCell>
                <TableHeaderCell>Graph request id</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {errors.slice(0, SHOWN).map((error, i) => (
                <TableRow key={i}>
                  <TableCell className={styles.kind}>
                    {error.kind}
                    {error.status ? ` (${error.status})` : ""}
                  </TableCell>
                  <TableCell>{error.message}</TableCell>
                  <TableCell>
                    <CopyableId value={error.itemId} what="item id" />
                  </TableCell>
                  <TableCell>
                    <CopyableId value={error.requestId} what="Graph request id" />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {errors.length > SHOWN && <Caption1 className={styles.muted}>{`Showing ${SHOWN} of ${errors.length}.`}</Caption1>}
        </>
      )}
      {skipped.length > 0 && (
        <>
          <Subtitle2 as="h4" className={styles.heading}>{`Skipped (${skipped.length})`}</Subtitle2>
          <Table size="small" aria-label="Records skipped by this sync run">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.kind}>Kind</TableHeaderCell>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Reason</TableHeaderCell>
                <TableHeaderCell>Item id</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {skipped.slice(0, SHOWN).map((entry, i) => (
                <TableRow key={`${entry.itemId}-${i}`}>
                  <TableCell className={styles.kind}>{entry.kind}</TableCell>
                  <TableCell>{entry.name ?? "—"}</TableCell>
                  <TableCell>{entry.reason}</TableCell>
                  <TableCell>
                    <CopyableId value={entry.itemId} what="item id" />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {skipped.length > SHOWN && <Caption1 className={styles.muted}>{`Showing ${SHOWN} of ${skipped.length}.`}</Caption1>}
        </>
      )}
    </div>
  );
}
