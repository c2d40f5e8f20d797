// The template groups of the setup form: what new customers and new service items get.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { SettingInput } from "./SettingInput";
import { SetupSection } from "./SetupSection";
import type { DraftSectionProps } from "./SetupSection";
import { ItemTaxFields } from "./ItemTaxFields";
import { itemTemplateTax, itemTemplateTaxPatch } from "./setupDraft";

const useStyles = makeStyles({
  // Two columns at every width: the section itself drops to one column on narrow screens.
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    // Fields of one row keep their natural height even when a neighbour's hint wraps.
    alignItems: "start",
    "& > *": { minWidth: 0 },
  },
});

/** Currency, payment terms, tax rate and language of customers created by the sync. */
export function CustomerTemplateSettings({ draft, errors, readOnly, update, businessCurrency }: DraftSectionProps & { businessCurrency: string | undefined }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <SetupSection title={t("setup.customerTemplate.title")} description={t("setup.customerTemplate.description")}>
      <div className={styles.grid}>
        <SettingInput
          label={t("setup.customerTemplate.currency")}
          value={draft.currency}
          placeholder={businessCurrency ?? "EUR"}
          maxLength={3}
          error={errors.currency}
          hint={businessCurrency ? t("setup.customerTemplate.currencyHintOf", { currency: businessCurrency }) : t("setup.customerTemplate.currencyHint")}
          readOnly={readOnly}
          onChange={(value) => update({ currency: value.toUpperCase() })}
        />
        <SettingInput
          label={t("setup.customerTemplate.paymentTerms")}
          unit={t("setup.customerTemplate.days")}
          inputMode="numeric"
          value={draft.paymentTermsDays}
          error={errors.paymentTermsDays}
          hint={t("setup.customerTemplate.paymentTermsHint")}
          readOnly={readOnly}
          onChange={(value) => update({ paymentTermsDays: value })}
        />
        <SettingInput
          label={t("setup.customerTemplate.taxRate")}
          unit="%"
          inputMode="decimal"
          value={draft.taxRate}
          error={errors.taxRate}
          hint={t("setup.customerTemplate.taxRateHint")}
          readOnly={readOnly}
          onChange={(value) => update({ taxRate: value })}
        />
        <SettingInput
          label={t("setup.customerTemplate.language")}
          value={draft.language}
          error={errors.language}
          hint={t("setup.customerTemplate.languageHint")}
          readOnly={readOnly}
          onChange={(value) => update({ language: value })}
        />
      </div>
    </SetupSection>
  );
}

/** Type (always Service), unit of measure and VAT of service items created from Bookings services. */
export function ItemTemplateSettings({ draft, errors, readOnly, update }: DraftSectionProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <SetupSection title={t("setup.itemTemplate.title")} description={t("setup.itemTemplate.description")}>
      <div className={styles.grid}>
        <SettingInput
          label={t("setup.itemTemplate.type")}
          value={t("setup.itemTemplate.service")}
          readOnly
          hint={t("setup.itemTemplate.typeHint")}
          onChange={() => undefined}
        />
        <SettingInput
          label={t("setup.itemTemplate.unit")}
          value={draft.unitOfMeasure}
          maxLength={20}
          error={errors.unitOfMeasure}
          hint={t("setup.itemTemplate.unitHint")}
          readOnly={readOnly}
          onChange={(value) => update({ unitOfMeasure: value })}
        />
      </div>
      <ItemTaxFields
        value={itemTemplateTax(draft)}
        errors={{ taxRate: errors.itemTaxRate, taxExemptionReason: errors.itemTaxExemptionReason, taxExemptionCode: errors.itemTaxExemptionCode }}
        readOnly={readOnly}
        onChange={(tax) => update(itemTemplateTaxPatch(tax))}
      />
    </SetupSection>
  );
}
