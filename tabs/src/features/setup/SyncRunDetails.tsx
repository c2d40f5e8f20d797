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
import { useTranslation } from "react-i18next";
import { CopyButton } from "../../shared/ui/CopyButton";
import type { SyncRun } from "./setup.types";
import { SyncRunCounts } from "./SyncRunCounts";
import { skipReasonText, syncErrorText, syncKindLabel } from "./syncProblemText";

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
function CopyableId({ value, what }: { value: string | undefined; what: "item" | "request" }) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (!value) return <span className={styles.muted}>—</span>;
  return (
    <span className={styles.idCell}>
      <span className={styles.code}>{value}</span>
      <CopyButton value={value} label={t(what === "item" ? "sync.details.copyItemId" : "sync.details.copyRequestId", { value })} />
    </span>
  );
}

/** Counts, then problems, then skipped records of `run`. */
export function SyncRunDetails({ run }: { run: SyncRun }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const errors = run.errors ?? [];
  const skipped = run.skipped ?? [];
  return (
    <div className={styles.root} data-testid="sync-run-details">
      <SyncRunCounts counts={run.counts} label={t("sync.countsOfRun")} />
      {errors.length === 0 && skipped.length === 0 && <Caption1 className={styles.muted}>{t("sync.details.clean")}</Caption1>}
      {errors.length > 0 && (
        <>
          <Subtitle2 as="h4" className={styles.heading}>{t("sync.details.problems", { count: errors.length })}</Subtitle2>
          <Table size="small" aria-label={t("sync.details.problemsLabel")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.kind}>{t("sync.details.kind")}</TableHeaderCell>
                <TableHeaderCell>{t("sync.details.message")}</TableHeaderCell>
                <TableHeaderCell>{t("sync.details.itemId")}</TableHeaderCell>
                <TableHeaderCell>{t("sync.details.requestId")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {errors.slice(0, SHOWN).map((error, i) => (
                <TableRow key={i}>
                  <TableCell className={styles.kind}>
                    {syncKindLabel(error.kind)}
                    {error.status ? ` (${error.status})` : ""}
                  </TableCell>
                  <TableCell title={error.message}>{syncErrorText(error)}</TableCell>
                  <TableCell>
                    <CopyableId value={error.itemId} what="item" />
                  </TableCell>
                  <TableCell>
                    <CopyableId value={error.requestId} what="request" />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {errors.length > SHOWN && <Caption1 className={styles.muted}>{t("sync.details.showing", { shown: SHOWN, total: errors.length })}</Caption1>}
        </>
      )}
      {skipped.length > 0 && (
        <>
          <Subtitle2 as="h4" className={styles.heading}>{t("sync.details.skipped", { count: skipped.length })}</Subtitle2>
          <Table size="small" aria-label={t("sync.details.skippedLabel")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.kind}>{t("sync.details.kind")}</TableHeaderCell>
                <TableHeaderCell>{t("sync.details.name")}</TableHeaderCell>
                <TableHeaderCell>{t("sync.details.reason")}</TableHeaderCell>
                <TableHeaderCell>{t("sync.details.itemId")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {skipped.slice(0, SHOWN).map((entry, i) => (
                <TableRow key={`${entry.itemId}-${i}`}>
                  <TableCell className={styles.kind}>{syncKindLabel(entry.kind)}</TableCell>
                  <TableCell>{entry.name ?? "—"}</TableCell>
                  <TableCell>{skipReasonText(entry)}</TableCell>
                  <TableCell>
                    <CopyableId value={entry.itemId} what="item" />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {skipped.length > SHOWN && <Caption1 className={styles.muted}>{t("sync.details.showing", { shown: SHOWN, total: skipped.length })}</Caption1>}
        </>
      )}
    </div>
  );
}
