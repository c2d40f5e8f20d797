// Table of invoices with a checkbox (for export), expandable lines and warnings, and the row actions.
import { Badge, Button, Caption1, Checkbox, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular, WarningFilled } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatCalendarDate, formatMoney } from "../../../shared/format";
import { COMPACT_QUERY, useMediaQuery } from "../../../shared/narrow";
import { useToggleSet } from "../../../shared/useToggleSet";
import { DraftCards } from "./DraftCards";
import { AddressMissingButton } from "./AddressMissingButton";
import { DraftLines } from "./DraftLines";
import { CompactRowActions, DraftRowActions } from "./DraftRowActions";
import type { DraftRowActionsProps } from "./DraftRowActions";
import { downloadingOf } from "./invoiceFiles";
import type { InvoiceFileKind } from "./invoiceFiles";
import { warningTexts } from "./draftWarnings";
import type { Invoice } from "../invoice.types";
import { otherWarningCount } from "./lineFlags";
import { PaymentStatusBadge } from "./PaymentStatusBadge";
import { DeliveryStatusBadge } from "./DeliveryStatusBadge";
import { hasLeftToCredit } from "./paymentForm";

const useStyles = makeStyles({
  table: { minWidth: "980px" },
  // Below 1100 px: no Issued, Due and Lines columns, and the next action with a menu instead of every button.
  compactTable: { minWidth: 0 },
  narrow: { width: "40px" },
  customer: { display: "flex", flexDirection: "column", minWidth: 0, padding: `${tokens.spacingVerticalS} 0` },
  // A long e-mail address ends in "…" (the whole of it on hover) rather than running into the next column.
  email: { display: "block", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", color: tokens.colorNeutralForeground3 },
  numberStack: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
  name: { display: "inline-flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  // Left-aligned under the e-mail.
  missing: { alignSelf: "flex-start" },
  number: { width: "136px" },
  date: { width: "108px" },
  lines: { width: "64px", textAlign: "end" },
  total: { width: "120px", textAlign: "end", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  // Room for the Dutch button labels ("Bewerken", "Definitief maken") and three icon buttons.
  actions: { width: "330px" },
  compactActions: { width: "180px" },
  endButton: { justifyContent: "flex-end" },
  detail: { padding: 0 },
  warnings: { margin: `${tokens.spacingVerticalS} 0 0 44px` },
});

/** Props: the invoices, the checked ids and their setters, and the row actions. */
export interface DraftsTableProps extends Omit<DraftRowActionsProps, "invoice" | "downloading"> {
  invoices: Invoice[];
  checked: ReadonlySet<string>;
  onCheck: (id: string) => void;
  onCheckAll: () => void;
  downloading: string | null;
}

// Below this the customer column of even the compact table gets too narrow for a name: the invoices become cards.
const CARDS_QUERY = "(max-width: 899px)";

/** The invoices; a chevron expands lines and any warnings of a draft. Below 900 px they are cards. */
export function DraftsTable(props: DraftsTableProps) {
  return useMediaQuery(CARDS_QUERY) ? <DraftCards {...props} /> : <WideDraftsTable {...props} />;
}

function WideDraftsTable({ invoices, checked, onCheck, onCheckAll, downloading, ...actions }: DraftsTableProps) {
  const styles = useStyles();
  const compact = useMediaQuery(COMPACT_QUERY);
  const { t } = useTranslation();
  const { items: expanded, toggle } = useToggleSet<string>();
  const all = invoices.length > 0 && invoices.every((i) => checked.has(i.id));
  const some = invoices.some((i) => checked.has(i.id));

  return (
    <Table className={compact ? styles.compactTable : styles.table} aria-label={t("invoices.table.label")} data-testid="drafts-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.narrow}>
            <Checkbox checked={all ? true : some ? "mixed" : false} aria-label={t("invoices.table.selectAll")} onChange={onCheckAll} />
          </TableHeaderCell>
          <TableHeaderCell className={styles.narrow} aria-label={t("invoices.table.showLines")} />
          <TableHeaderCell>{t("invoices.table.customer")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("invoices.table.number")}</TableHeaderCell>
          {!compact && (
            <>
              <TableHeaderCell className={styles.date}>{t("invoices.table.issued")}</TableHeaderCell>
              <TableHeaderCell className={styles.date}>{t("invoices.table.due")}</TableHeaderCell>
              <TableHeaderCell className={styles.lines} button={{ className: styles.endButton }}>
                {t("invoices.table.lines")}
              </TableHeaderCell>
            </>
          )}
          <TableHeaderCell className={styles.total} button={{ className: styles.endButton }}>
            {t("invoices.table.total")}
          </TableHeaderCell>
          <TableHeaderCell className={compact ? styles.compactActions : styles.actions} aria-label={t("invoices.table.actions")} />
        </TableRow>
      </TableHeader>
      <TableBody>
        {invoices.map((inv) => (
          <DraftRow
            key={inv.id}
            invoice={inv}
            open={expanded.has(inv.id)}
            checked={checked.has(inv.id)}
            downloading={downloadingOf(downloading, inv.id)}
            onToggle={() => toggle(inv.id)}
            onCheck={() => onCheck(inv.id)}
            actions={actions}
            compact={compact}
          />
        ))}
      </TableBody>
    </Table>
  );
}

/** What one row or card of an invoice gets: the invoice, its open and ticked state, its file on the way, and the actions. */
export interface DraftRowProps {
  invoice: Invoice;
  open: boolean;
  checked: boolean;
  downloading: InvoiceFileKind | null;
  onToggle: () => void;
  onCheck: () => void;
  actions: Omit<DraftRowActionsProps, "invoice" | "downloading">;
}


/** One invoice row and, when open, its warnings and lines underneath. */
function DraftRow({ invoice: inv, open, checked, downloading, onToggle, onCheck, actions, compact }: DraftRowProps & { compact: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const serious = otherWarningCount(inv) > 0;
  const draft = inv.status === "draft";
  const name = inv.customer.name;
  return (
    <>
      <TableRow data-invoice-id={inv.id} data-status={inv.status}>
        <TableCell className={styles.narrow}>
          <Checkbox checked={checked} aria-label={t("invoices.table.select", { who: inv.number ?? t("invoices.actions.draftFor", { name }) })} onChange={onCheck} />
        </TableCell>
        <TableCell className={styles.narrow}>
          <Button
            appearance="subtle"
            size="small"
            icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
            aria-expanded={open}
            aria-label={t(
              draft
                ? open
                  ? "invoices.table.hideDraftLines"
                  : "invoices.table.showDraftLines"
                : open
                  ? "invoices.table.hideInvoiceLines"
                  : "invoices.table.showInvoiceLines",
              { name },
            )}
            onClick={onToggle}
          />
        </TableCell>
        <TableCell>
          <span className={styles.customer}>
            <span className={styles.name}>
              {inv.customer.name}
              {inv.warnings.length > 0 && (
                <Badge appearance={serious ? "filled" : "tint"} color={serious ? "danger" : "warning"} size="small" icon={<WarningFilled />} data-testid="draft-warning" title={warningTexts(inv).join(" ")}>
                  {t("common.warnings", { count: inv.warnings.length })}
                </Badge>
              )}
            </span>
            {inv.customer.email && (
              <Caption1 className={styles.email} title={inv.customer.email}>
                {inv.customer.email}
              </Caption1>
            )}
            <AddressMissingButton invoice={inv} onEditCustomer={actions.onEditCustomer} className={styles.missing} />
          </span>
        </TableCell>
        <TableCell className={styles.number}>
          <span className={styles.numberStack}>
            {inv.number ? <Badge appearance="tint" color={inv.kind === "creditNote" ? "informative" : "success"}>{inv.number}</Badge> : <span className={styles.muted}>{t("invoices.table.draft")}</span>}
            {inv.kind === "creditNote" && <Caption1 className={styles.muted} data-testid="credit-note-of">{t("invoices.credit.noteOf", { number: inv.creditedInvoiceNumber })}</Caption1>}
            {inv.kind === "invoice" && Number(inv.credited) > 0 && (
              <Caption1 className={styles.muted} data-testid="credited">
                {hasLeftToCredit(inv) ? t("invoices.credit.partly", { amount: formatMoney(inv.credited, inv.currency) }) : t("invoices.credit.fully")}
              </Caption1>
            )}
            <PaymentStatusBadge status={inv.paymentStatus} size="small" />
            <DeliveryStatusBadge invoice={inv} size="small" />
          </span>
        </TableCell>
        {!compact && (
          <>
            <TableCell className={styles.date}>{formatCalendarDate(inv.issueDate)}</TableCell>
            <TableCell className={styles.date}>{inv.dueDate ? formatCalendarDate(inv.dueDate) : <span className={styles.muted}>—</span>}</TableCell>
            <TableCell className={styles.lines}>{inv.lines.length}</TableCell>
          </>
        )}
        <TableCell className={styles.total} data-testid="invoice-total">
          {formatMoney(inv.total, inv.currency)}
        </TableCell>
        <TableCell className={compact ? styles.compactActions : styles.actions}>
          {compact ? <CompactRowActions invoice={inv} downloading={downloading} {...actions} /> : <DraftRowActions invoice={inv} downloading={downloading} {...actions} />}
        </TableCell>
      </TableRow>
      {open && (
        <TableRow>
          <TableCell colSpan={compact ? 6 : 9} className={styles.detail}>
            {inv.warnings.length > 0 && (
              <MessageBar intent={serious ? "error" : "warning"} layout="multiline" className={styles.warnings}>
                <MessageBarBody>{warningTexts(inv).join(" ")}</MessageBarBody>
              </MessageBar>
            )}
            <DraftLines invoice={inv} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
