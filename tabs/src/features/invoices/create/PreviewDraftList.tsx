// The drafts a create would make: customer, lines, total and warnings, each expandable to its lines; shown 50 at a time.
import { Fragment, useState } from "react";
import { Badge, Button, Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular, WarningRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatMoney } from "../../../shared/format";
import { useToggleSet } from "../../../shared/useToggleSet";
import { DraftLines } from "../drafts/DraftLines";
import { warningTexts } from "../drafts/draftWarnings";
import type { PreviewResult } from "../invoice.types";

const STEP = 50;

const useStyles = makeStyles({
  toggle: { width: "44px" },
  customer: { display: "flex", flexDirection: "column", padding: `${tokens.spacingVerticalXS} 0` },
  email: { color: tokens.colorNeutralForeground3 },
  lines: { width: "70px", textAlign: "end" },
  total: { width: "120px", textAlign: "end", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  endButton: { justifyContent: "flex-end" },
  detail: { padding: 0 },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalS },
});

/** Drafts of a preview; they have no ids yet, so rows are keyed by position. */
export function PreviewDraftList({ invoices }: { invoices: PreviewResult["invoices"] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [shown, setShown] = useState(STEP);
  const { items: open, toggle } = useToggleSet<number>();

  return (
    <div>
      <Table size="small" aria-label={t("invoices.preview.draftsLabel")} data-testid="preview-drafts">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.toggle} aria-label={t("invoices.preview.showLines")} />
            <TableHeaderCell>{t("invoices.preview.customer")}</TableHeaderCell>
            <TableHeaderCell className={styles.lines} button={{ className: styles.endButton }}>
              {t("invoices.preview.lines")}
            </TableHeaderCell>
            <TableHeaderCell className={styles.total} button={{ className: styles.endButton }}>
              {t("invoices.preview.total")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {invoices.slice(0, shown).map((inv, i) => (
            <Fragment key={i}>
              <TableRow>
                <TableCell className={styles.toggle}>
                  <Button
                    appearance="subtle"
                    size="small"
                    icon={open.has(i) ? <ChevronDownRegular /> : <ChevronRightRegular />}
                    aria-expanded={open.has(i)}
                    aria-label={t(open.has(i) ? "invoices.preview.hideLinesFor" : "invoices.preview.showLinesFor", { name: inv.customer.name })}
                    onClick={() => toggle(i)}
                  />
                </TableCell>
                <TableCell>
                  <span className={styles.customer}>
                    <span>
                      {inv.customer.name}{" "}
                      {inv.warnings.length > 0 && (
                        <Badge appearance="tint" color="warning" size="small" icon={<WarningRegular />} title={warningTexts(inv).join(" ")}>
                          {t("common.warnings", { count: inv.warnings.length })}
                        </Badge>
                      )}
                    </span>
                    {inv.customer.email && <Caption1 className={styles.email}>{inv.customer.email}</Caption1>}
                  </span>
                </TableCell>
                <TableCell className={styles.lines}>{inv.lines.length}</TableCell>
                <TableCell className={styles.total}>{formatMoney(inv.total, inv.currency)}</TableCell>
              </TableRow>
              {open.has(i) && (
                <TableRow>
                  <TableCell colSpan={4} className={styles.detail}>
                    <DraftLines invoice={inv} />
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          ))}
        </TableBody>
      </Table>
      {invoices.length > shown && (
        <div className={styles.more}>
          <Button size="small" onClick={() => setShown((n) => n + STEP)}>
            {t("invoices.preview.showMore", { count: Math.min(STEP, invoices.length - shown), remaining: invoices.length - shown })}
          </Button>
        </div>
      )}
    </div>
  );
}
