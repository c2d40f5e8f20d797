// The VAT fields of a service item or of the item template: category, rate (S only), and for exempt items the text the
// invoice prints and its optional VATEX code.
import { Dropdown, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { SettingInput } from "./SettingInput";
import { TAX_CATEGORY_OPTIONS, withCategory, type ItemTaxDraft } from "./itemTaxDraft";
import { dropdownLabels } from "../../shared/ui/fluentLabels";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: "start",
    "& > *": { minWidth: 0 },
  },
  wide: { gridColumn: "1 / -1" },
  dropdown: { minWidth: 0 },
});

/** Props: the VAT being edited, its messages, whether it is editable, and the change handler. */
export interface ItemTaxFieldsProps {
  value: ItemTaxDraft;
  errors: Partial<Record<keyof ItemTaxDraft, string>>;
  readOnly: boolean;
  onChange: (next: ItemTaxDraft) => void;
}

/** Category picker and the fields that belong to the chosen category. */
export function ItemTaxFields({ value, errors, readOnly, onChange }: ItemTaxFieldsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const label = (c: ItemTaxDraft["taxCategory"]) => t(`setup.itemTax.category${c}`);
  return (
    <div className={styles.grid}>
      <Field label={t("setup.itemTax.category")} hint={t(`setup.itemTax.category${value.taxCategory}Hint`)}>
        <Dropdown
          {...dropdownLabels()}
          className={styles.dropdown}
          value={label(value.taxCategory)}
          selectedOptions={[value.taxCategory]}
          disabled={readOnly}
          onOptionSelect={(_, data) => data.optionValue && onChange(withCategory(value, data.optionValue as ItemTaxDraft["taxCategory"]))}
        >
          {TAX_CATEGORY_OPTIONS.map((c) => (
            <Option key={c} value={c}>
              {label(c)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <SettingInput
        label={t("setup.itemTax.rate")}
        unit="%"
        inputMode="decimal"
        value={value.taxRate}
        error={errors.taxRate}
        hint={value.taxCategory === "S" ? t("setup.itemTax.rateHint") : t("setup.itemTax.rateZeroHint")}
        readOnly={readOnly || value.taxCategory !== "S"}
        onChange={(taxRate) => onChange({ ...value, taxRate })}
      />
      {value.taxCategory === "E" && (
        <>
          <div className={styles.wide}>
            <SettingInput
              label={t("setup.itemTax.reason")}
              value={value.taxExemptionReason}
              maxLength={300}
              error={errors.taxExemptionReason}
              hint={t("setup.itemTax.reasonHint")}
              readOnly={readOnly}
              required
              onChange={(taxExemptionReason) => onChange({ ...value, taxExemptionReason })}
            />
          </div>
          <SettingInput
            label={t("setup.itemTax.code")}
            value={value.taxExemptionCode}
            maxLength={30}
            placeholder="VATEX-EU-132-1C"
            error={errors.taxExemptionCode}
            hint={t("setup.itemTax.codeHint")}
            readOnly={readOnly}
            onChange={(taxExemptionCode) => onChange({ ...value, taxExemptionCode })}
          />
        </>
      )}
    </div>
  );
}
