// Edit-draft dialog: due date, notes and the lines; totals shown are the server's, refreshed by each save.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, MessageBar, MessageBarBody, Spinner, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatMoney } from "../../../shared/format";
import { NARROW_MEDIA } from "../../../shared/narrow";
import { ErrorBar } from "../../../shared/ui/ErrorBar";
import { DayPicker, dayLocale } from "../DayPicker";
import { formatDay } from "../bookings/dateFilter";
import { EditLineRow } from "./EditLineRow";
import type { Invoice } from "../invoice.types";
import { useDraftEditor } from "./useDraftEditor";

const useStyles = makeStyles({
  surface: { maxWidth: "920px", width: "calc(100vw - 48px)" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxHeight: "calc(100vh - 220px)", overflowY: "auto", [NARROW_MEDIA]: { maxHeight: "none" } },
  fields: { display: "grid", gridTemplateColumns: "180px 1fr", gap: tokens.spacingHorizontalM, [NARROW_MEDIA]: { gridTemplateColumns: "minmax(0, 1fr)" } },
  head: {
    display: "grid",
    gridTemplateColumns: "96px minmax(180px, 1fr) 96px 120px 110px 40px",
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
    [NARROW_MEDIA]: { display: "none" },
  },
  end: { textAlign: "end" },
  lines: { overflowX: "auto" },
  totals: { display: "flex", flexWrap: "wrap", justifyContent: "flex-end", alignItems: "baseline", gap: tokens.spacingHorizontalXL, [NARROW_MEDIA]: { gap: tokens.spacingHorizontalM }, fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2 },
});

/** Props: the draft to edit, and what to do with the saved answer and on close. */
export interface EditDraftDialogProps {
  draft: Invoice;
  onSaved: (invoice: Invoice) => void;
  onClose: () => void;
}

/** Mounted while open. */
export function EditDraftDialog({ draft, onSaved, onClose }: EditDraftDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const e = useDraftEditor(draft, onSaved);
  const [dueInvalid, setDueInvalid] = useState(false);
  const money = (v: string) => formatMoney(v, e.invoice.currency);
  const byId = new Map(e.invoice.lines.map((l) => [l.id, l]));

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && !e.saving && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            void e.save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t("invoices.edit.title", { name: e.invoice.customer.name })}</DialogTitle>
            <DialogContent className={styles.content}>
              <div className={styles.fields}>
                <Field
                  label={t("invoices.edit.dueDate")}
                  validationState={dueInvalid ? "warning" : "none"}
                  validationMessage={dueInvalid ? t("invoices.dates.invalid", { example: formatDay(new Date(2026, 10, 5), dayLocale()) }) : undefined}
                >
                  <DayPicker value={e.form.dueDate || undefined} min={e.invoice.issueDate} onChange={(ymd) => e.edit({ dueDate: ymd ?? "" })} onInvalid={setDueInvalid} />
                </Field>
                <Field label={t("invoices.edit.notes")}>
                  <Textarea value={e.form.notes} resize="vertical" maxLength={4000} onChange={(_, d) => e.edit({ notes: d.value })} />
                </Field>
              </div>
              <div className={styles.lines}>
                <div className={styles.head} aria-hidden>
                  <Text size={200}>{t("invoices.lines.date")}</Text>
                  <Text size={200}>{t("invoices.lines.description")}</Text>
                  <Text size={200} className={styles.end}>{t("invoices.lines.qty")}</Text>
                  <Text size={200} className={styles.end}>{t("invoices.lines.unitPrice")}</Text>
                  <Text size={200} className={styles.end}>{t("invoices.lines.amount")}</Text>
                  <span />
                </div>
                {e.form.lines.map((value) => {
                  const line = byId.get(value.id);
                  return line ? (
                    <EditLineRow
                      key={value.id}
                      line={line}
                      value={value}
                      amount={e.live?.amounts.get(value.id) ?? null}
                      errors={e.errors.lines?.[value.id]}
                      currency={e.invoice.currency}
                      disabled={e.saving}
                      onChange={(change) => e.editLine(value.id, change)}
                    />
                  ) : null;
                })}
              </div>
              {/* As typed (the server's rules, to the cent); the saved totals while a number is half typed. */}
              <div className={styles.totals} data-testid="edit-totals" aria-live="polite">
                <span>{t("invoices.lines.net", { amount: money((e.live ?? e.invoice).net) })}</span>
                <span>{t("invoices.lines.tax", { amount: money((e.live ?? e.invoice).tax) })}</span>
                <Text weight="semibold" size={400} data-testid="edit-total">
                  {t("invoices.lines.total", { amount: money((e.live ?? e.invoice).total) })}
                </Text>
              </div>
              {e.errors.form && (
                <MessageBar intent="warning">
                  <MessageBarBody>{e.errors.form}</MessageBarBody>
                </MessageBar>
              )}
              {e.dirty && !e.errors.form && <Text size={200}>{t("invoices.edit.recalculated")}</Text>}
              {e.saved && !e.dirty && (
                <MessageBar intent="success" data-testid="edit-saved">
                  <MessageBarBody>{t("invoices.edit.saved", { total: money(e.invoice.total) })}</MessageBarBody>
                </MessageBar>
              )}
              <ErrorBar title={t("invoices.edit.saveError")} error={e.error} />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" disabled={e.saving} onClick={onClose}>
                {e.dirty ? t("common.cancel") : t("common.close")}
              </Button>
              <Button appearance="primary" type="submit" disabled={!e.patch || e.saving} icon={e.saving ? <Spinner size="tiny" /> : undefined}>
                {t("invoices.edit.saveChanges")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
