// One line in the edit-draft dialog: description, quantity and unit price inputs, and remove / undo.
import { Button, Field, Input, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowUndoRegular, DeleteRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatCalendarDate, formatMoney } from "../../../shared/format";
import type { DraftFormErrors, LineForm } from "./draftEdit";
import type { InvoiceLine } from "../invoice.types";

const useStyles = makeStyles({
  row: {
    display: "grid",
    gridTemplateColumns: "96px minmax(180px, 1fr) 96px 120px 110px 40px",
    alignItems: "start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  removed: { opacity: 0.55, textDecorationLine: "line-through" },
  cell: { paddingTop: "6px" },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums", paddingTop: "6px" },
  input: { width: "100%", minWidth: 0 },
  numInput: { width: "100%", minWidth: 0, "& input": { textAlign: "end" } },
});

/** Props: the stored line (for date and saved amount), its form values, errors and a change setter. */
export interface EditLineRowProps {
  line: InvoiceLine;
  value: LineForm;
  errors: NonNullable<DraftFormErrors["lines"]>[string] | undefined;
  currency: string;
  disabled: boolean;
  onChange: (change: Partial<LineForm>) => void;
}

/** A line's inputs; a line marked for removal is struck through until saved or undone. */
export function EditLineRow({ line, value, errors, currency, disabled, onChange }: EditLineRowProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const what = t("invoices.edit.line", { description: line.description });
  const off = disabled || value.remove;
  return (
    <div className={mergeClasses(styles.row, value.remove && styles.removed)} role="group" aria-label={what} data-line-id={line.id}>
      <Text className={styles.cell}>{formatCalendarDate(line.serviceDate)}</Text>
      <Field validationMessage={errors?.description} validationState={errors?.description ? "error" : "none"}>
        <Input className={styles.input} aria-label={t("invoices.edit.descriptionOf", { what })} value={value.description} disabled={off} onChange={(_, d) => onChange({ description: d.value })} />
      </Field>
      <Field validationMessage={errors?.quantity} validationState={errors?.quantity ? "error" : "none"}>
        <Input className={styles.numInput} inputMode="decimal" aria-label={t("invoices.edit.quantityOf", { what })} value={value.quantity} disabled={off} onChange={(_, d) => onChange({ quantity: d.value })} />
      </Field>
      <Field validationMessage={errors?.unitPrice} validationState={errors?.unitPrice ? "error" : "none"}>
        <Input className={styles.numInput} inputMode="decimal" aria-label={t("invoices.edit.unitPriceOf", { what })} value={value.unitPrice} disabled={off} onChange={(_, d) => onChange({ unitPrice: d.value })} />
      </Field>
      <Text className={styles.num} aria-label={t("invoices.edit.savedAmountOf", { what })}>
        {formatMoney(line.amount, currency)}
      </Text>
      <Button
        appearance="subtle"
        icon={value.remove ? <ArrowUndoRegular /> : <DeleteRegular />}
        aria-label={t(value.remove ? "invoices.edit.keep" : "invoices.edit.remove", { what })}
        title={value.remove ? t("invoices.edit.keepTitle") : t("invoices.edit.removeTitle")}
        disabled={disabled}
        onClick={() => onChange({ remove: !value.remove })}
      />
    </div>
  );
}
