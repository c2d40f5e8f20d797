// Table of draft invoices with expandable lines and a Delete action per draft.
import { Fragment, useState } from "react";
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
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular, DeleteRegular, WarningRegular } from "@fluentui/react-icons";
import { formatCalendarDate, formatMoney } from "../../shared/format";
import { DraftLines } from "./DraftLines";
import type { Invoice } from "./invoice.types";

const useStyles = makeStyles({
  table: { minWidth: "640px" },
  toggle: { width: "44px" },
  customer: { display: "flex", flexDirection: "column", padding: `${tokens.spacingVerticalS} 0` },
  email: { color: tokens.colorNeutralForeground3 },
  date: { width: "140px" },
  lines: { width: "80px", textAlign: "end" },
  total: { width: "130px", textAlign: "end", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  actions: { width: "110px", textAlign: "end" },
  endButton: { justifyContent: "flex-end" },
  detailCell: { padding: 0 },
});

/** Props: the drafts and the delete request for one of them. */
export interface DraftsTableProps {
  drafts: Invoice[];
  onDelete: (draft: Invoice) => void;
}

/** The drafts list; a chevron expands a draft's lines. */
export function DraftsTable({ drafts, onDelete }: DraftsTableProps) {
  const styles = useStyles();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Table className={styles.table} aria-label="Draft invoices" data-testid="drafts-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.toggle} aria-label="Show lines" />
          <TableHeaderCell>Customer</TableHeaderCell>
          <TableHeaderCell className={styles.date}>Issue date</TableHeaderCell>
          <TableHeaderCell className={styles.lines} button={{ className: styles.endButton }}>
            Lines
          </TableHeaderCell>
          <TableHeaderCell style={{ width: "130px" }} button={{ className: styles.endButton }}>
            Total
          </TableHeaderCell>
          <TableHeaderCell className={styles.actions} aria-label="Actions" />
        </TableRow>
      </TableHeader>
      <TableBody>
        {drafts.map((draft) => {
          const open = expanded.has(draft.id);
          return (
            <Fragment key={draft.id}>
              <TableRow data-invoice-id={draft.id}>
                <TableCell className={styles.toggle}>
                  <Button
                    appearance="subtle"
                    size="small"
                    icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
                    aria-expanded={open}
                    aria-label={`${open ? "Hide" : "Show"} lines of the draft for ${draft.customer.name}`}
                    onClick={() => toggle(draft.id)}
                  />
                </TableCell>
                <TableCell>
                  <span className={styles.customer}>
                    <span>
                      {draft.customer.name}{" "}
                      {draft.warnings.length > 0 && (
                        <Tooltip content={draft.warnings.join(" ")} relationship="description">
                          <Badge appearance="tint" color="warning" size="small" icon={<WarningRegular />}>
                            {draft.warnings.length === 1 ? "1 warning" : `${draft.warnings.length} warnings`}
                          </Badge>
                        </Tooltip>
                      )}
                    </span>
                    {draft.customer.email && <Caption1 className={styles.email}>{draft.customer.email}</Caption1>}
                  </span>
                </TableCell>
                <TableCell className={styles.date}>{formatCalendarDate(draft.issueDate)}</TableCell>
                <TableCell className={styles.lines}>{draft.lines.length}</TableCell>
                <TableCell className={styles.total}>{formatMoney(draft.total, draft.currency)}</TableCell>
                <TableCell className={styles.actions}>
                  <Button
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={`Delete draft for ${draft.customer.name}`}
                    onClick={() => onDelete(draft)}
                  >
                    Delete
                  </Button>
                </TableCell>
              </TableRow>
              {open && (
                <TableRow>
                  <TableCell colSpan={6} className={styles.detailCell}>
                    <DraftLines invoice={draft} />
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
