// The invoices of the drafts view as cards, for phone width: who and how much, number and dates, warnings, the next
// action and a menu with the rest; the lines open underneath as in the table.
import { Badge, Button, Caption1, Checkbox, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular, WarningFilled } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatCalendarDate, formatMoney } from "../../../shared/format";
import { useToggleSet } from "../../../shared/useToggleSet";
import { AddressMissingButton } from "./AddressMissingButton";
import { DraftLines } from "./DraftLines";
import { CompactRowActions } from "./DraftRowActions";
import type { DraftRowProps, DraftsTableProps } from "./DraftsTable";
import { downloadingOf } from "./invoiceFiles";
import { warningTexts } from "./draftWarnings";
import { otherWarningCount } from "./lineFlags";
import { PaymentStatusBadge } from "./PaymentStatusBadge";
import { DeliveryStatusBadge } from "./DeliveryStatusBadge";
import { hasLeftToCredit } from "./paymentForm";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0 },
  selectAll: { display: "flex", alignItems: "center", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  head: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  who: { display: "flex", flexDirection: "column", flex: "1 1 auto", minWidth: 0, paddingTop: tokens.spacingVerticalXS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  total: { flex: "0 0 auto", paddingTop: tokens.spacingVerticalXS, fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  meta: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, paddingInlineStart: "36px" },
  foot: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, paddingInlineStart: "28px" },
  lines: { margin: `${tokens.spacingVerticalXS} 0 0` },
});

/** The same props as the table: the invoices, the checked ids and the row actions. */
export function DraftCards({ invoices, checked, onCheck, onCheckAll, downloading, ...actions }: DraftsTableProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { items: expanded, toggle } = useToggleSet<string>();
  const all = invoices.length > 0 && invoices.every((i) => checked.has(i.id));
  const some = invoices.some((i) => checked.has(i.id));
  return (
    <div data-testid="drafts-cards">
      <div className={styles.selectAll}>
        <Checkbox checked={all ? true : some ? "mixed" : false} label={t("invoices.table.selectAll")} onChange={onCheckAll} />
      </div>
      <ul className={styles.list} aria-label={t("invoices.table.label")}>
        {invoices.map((inv) => (
          <DraftCard
            key={inv.id}
            invoice={inv}
            open={expanded.has(inv.id)}
            checked={checked.has(inv.id)}
            downloading={downloadingOf(downloading, inv.id)}
            onToggle={() => toggle(inv.id)}
            onCheck={() => onCheck(inv.id)}
            actions={actions}
          />
        ))}
      </ul>
    </div>
  );
}

function DraftCard({ invoice: inv, open, checked, downloading, onToggle, onCheck, actions }: DraftRowProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const name = inv.customer.name;
  const who = inv.number ?? t("invoices.actions.draftFor", { name });
  const serious = otherWarningCount(inv) > 0;
  const dates = [formatCalendarDate(inv.issueDate), inv.dueDate && t("invoices.cards.due", { date: formatCalendarDate(inv.dueDate) })].filter(Boolean).join(" · ");
  return (
    <li className={styles.card} data-invoice-id={inv.id} data-status={inv.status}>
      <div className={styles.head}>
        <Checkbox checked={checked} aria-label={t("invoices.table.select", { who })} onChange={onCheck} />
        <span className={styles.who}>
          <span className={styles.name}>{name}</span>
          {inv.customer.email && <Caption1 className={styles.muted}>{inv.customer.email}</Caption1>}
        </span>
        <span className={styles.total} data-testid="invoice-total">
          {formatMoney(inv.total, inv.currency)}
        </span>
      </div>
      <div className={styles.meta}>
        {inv.number ? <Badge appearance="tint" color={inv.kind === "creditNote" ? "informative" : "success"}>{inv.number}</Badge> : <Badge appearance="outline" color="subtle">{t("invoices.table.draft")}</Badge>}
        <Caption1 className={styles.muted}>{dates}</Caption1>
        {inv.kind === "creditNote" && <Caption1 className={styles.muted}>{t("invoices.credit.noteOf", { number: inv.creditedInvoiceNumber })}</Caption1>}
        {inv.kind === "invoice" && Number(inv.credited) > 0 && (
          <Caption1 className={styles.muted}>{hasLeftToCredit(inv) ? t("invoices.credit.partly", { amount: formatMoney(inv.credited, inv.currency) }) : t("invoices.credit.fully")}</Caption1>
        )}
        <PaymentStatusBadge status={inv.paymentStatus} size="small" />
        <DeliveryStatusBadge invoice={inv} size="small" />
        {inv.warnings.length > 0 && (
          <Badge appearance={serious ? "filled" : "tint"} color={serious ? "danger" : "warning"} size="small" icon={<WarningFilled />} data-testid="draft-warning">
            {t("common.warnings", { count: inv.warnings.length })}
          </Badge>
        )}
        <AddressMissingButton invoice={inv} onEditCustomer={actions.onEditCustomer} />
      </div>
      <div className={styles.foot}>
        <Button
          appearance="subtle"
          size="small"
          icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={open}
          // The visible "2 lines" starts the name (WCAG 2.5.3); aria-expanded tells whether they show.
          aria-label={`${t("invoices.cards.lines", { count: inv.lines.length })} · ${who}`}
          onClick={onToggle}
        >
          {t("invoices.cards.lines", { count: inv.lines.length })}
        </Button>
        <CompactRowActions invoice={inv} downloading={downloading} {...actions} />
      </div>
      {open && (
        <>
          {inv.warnings.length > 0 && (
            <MessageBar intent={serious ? "error" : "warning"} layout="multiline">
              <MessageBarBody>{warningTexts(inv).join(" ")}</MessageBarBody>
            </MessageBar>
          )}
          <DraftLines invoice={inv} className={styles.lines} />
        </>
      )}
    </li>
  );
}
