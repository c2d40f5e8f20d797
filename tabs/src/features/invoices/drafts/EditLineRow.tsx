// One line in the edit-draft dialog: description, quantity and unit price inputs, and remove / undo.
import { Button, Field, Input, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowUndoRegular, DeleteRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatCalendarDate, formatLineQuantity, formatMoney } from "../../../shared/format";
import { normalizeDecimal } from "./draftEdit";
import { NARROW_MEDIA, useNarrow } from "../../../shared/narrow";
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
    // On a phone: date, saved amount and remove on top, the description under them, quantity and price side by side.
    [NARROW_MEDIA]: {
      gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr) 40px",
      gridTemplateAreas: `"date amount remove" "description description description" "quantity price price"`,
      rowGap: tokens.spacingVerticalXS,
    },
  },
  date: { [NARROW_MEDIA]: { gridArea: "date" } },
  description: { [NARROW_MEDIA]: { gridArea: "description" } },
  quantity: { [NARROW_MEDIA]: { gridArea: "quantity" } },
  price: { [NARROW_MEDIA]: { gridArea: "price" } },
  amount: { [NARROW_MEDIA]: { gridArea: "amount" } },
  remove: { [NARROW_MEDIA]: { gridArea: "remove" } },
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
  /** The amount as typed (null while quantity or price is not a number yet: the saved amount shows). */
  amount: string | null;
  errors: NonNullable<DraftFormErrors["lines"]>[string] | undefined;
  currency: string;
  disabled: boolean;
  onChange: (change: Partial<LineForm>) => void;
}

/** A line's inputs; a line marked for removal is struck through until saved or undone. */
export function EditLineRow({ line, value, amount, errors, currency, disabled, onChange }: EditLineRowProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const what = t("invoices.edit.line", { description: line.description });
  const off = disabled || value.remove;
  // The column headings are hidden on a phone, so the number fields carry their own labels there.
  const narrow = useNarrow();
  // An hourly line's quantity is in hours (0.8333); say what that is in minutes under the field ("50 min").
  const typedHours = line.unit === "hour" ? normalizeDecimal(value.quantity) : null;
  const hoursHint = typedHours && !errors?.quantity ? formatLineQuantity({ quantity: typedHours, unit: "hour" }) : undefined;
  return (
    <div className={mergeClasses(styles.row, value.remove && styles.removed)} role="group" aria-label={what} data-line-id={line.id}>
      <Text className={mergeClasses(styles.cell, styles.date)}>{formatCalendarDate(line.serviceDate)}</Text>
      <Field className={styles.description} validationMessage={errors?.description} validationState={errors?.description ? "error" : "none"}>
        <Input className={styles.input} aria-label={t("invoices.edit.descriptionOf", { what })} value={value.description} disabled={off} onChange={(_, d) => onChange({ description: d.value })} />
      </Field>
      <Field className={styles.quantity} label={narrow ? t("invoices.lines.qty") : undefined} size={narrow ? "small" : undefined} hint={hoursHint} validationMessage={errors?.quantity} validationState={errors?.quantity ? "error" : "none"}>
        <Input className={styles.numInput} inputMode="decimal" aria-label={t("invoices.edit.quantityOf", { what })} value={value.quantity} disabled={off} onChange={(_, d) => onChange({ quantity: d.value })} />
      </Field>
      <Field className={styles.price} label={narrow ? t("invoices.lines.unitPrice") : undefined} size={narrow ? "small" : undefined} validationMessage={errors?.unitPrice} validationState={errors?.unitPrice ? "error" : "none"}>
        <Input className={styles.numInput} inputMode="decimal" aria-label={t("invoices.edit.unitPriceOf", { what })} value={value.unitPrice} disabled={off} onChange={(_, d) => onChange({ unitPrice: d.value })} />
      </Field>
      <Text className={mergeClasses(styles.num, styles.amount)} aria-label={t("invoices.edit.amountOf", { what })} data-testid="line-amount">
        {value.remove ? formatMoney(line.amount, currency) : formatMoney(amount ?? line.amount, currency)}
      </Text>
      <Button
        className={styles.remove}
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
