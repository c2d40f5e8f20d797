// The Supplier group of the setup form: the business as every invoice names it (PRODUCT.md §4.6).
import { makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { SettingInput } from "./SettingInput";
import { SupplierLogoField } from "./SupplierLogoField";
import { SetupSection } from "./SetupSection";
import type { DraftSectionProps } from "./SetupSection";
import type { SupplierDraft } from "./supplierDraft";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 180px), 1fr))",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: "start",
    "& > *": { minWidth: 0 },
  },
  wide: { gridColumn: "1 / -1" },
});

type TextField = { key: keyof SupplierDraft; label: string; hint?: string; maxLength: number; wide?: boolean; inputMode?: "email" | "tel" | "url" };

/** Name, address, VAT id, registration, bank and contact details of the business. */
export function SupplierSettings({ draft, errors, readOnly, update }: DraftSectionProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const country = draft.supplierCountryCode.trim().toUpperCase();
  const countryName = /^[A-Z]{2}$/.test(country) ? new Intl.DisplayNames([i18n.language], { type: "region", fallback: "none" }).of(country) : undefined;
  const fields: TextField[] = [
    { key: "supplierLegalName", label: t("setup.supplier.legalName"), maxLength: 200, wide: true },
    { key: "supplierStreet", label: t("setup.supplier.street"), maxLength: 200, wide: true },
    { key: "supplierPostalCode", label: t("setup.supplier.postalCode"), maxLength: 20 },
    { key: "supplierCity", label: t("setup.supplier.city"), maxLength: 100 },
    { key: "supplierCountryCode", label: t("setup.supplier.countryCode"), hint: countryName ?? t("setup.supplier.countryHint"), maxLength: 2 },
    { key: "supplierVatId", label: t("setup.supplier.vatId"), hint: t("setup.supplier.vatIdHint"), maxLength: 30 },
    { key: "supplierRegistration", label: t("setup.supplier.registration"), hint: t("setup.supplier.registrationHint"), maxLength: 40 },
    { key: "supplierPeppolId", label: t("setup.supplier.peppolId"), hint: t("setup.supplier.peppolIdHint"), maxLength: 55 },
    { key: "supplierIban", label: t("setup.supplier.iban"), maxLength: 50 },
    { key: "supplierBic", label: t("setup.supplier.bic"), maxLength: 11 },
    { key: "supplierEmail", label: t("setup.supplier.email"), maxLength: 320, inputMode: "email" },
    { key: "supplierPhone", label: t("setup.supplier.phone"), maxLength: 40, inputMode: "tel" },
    { key: "supplierWebsite", label: t("setup.supplier.website"), maxLength: 500, inputMode: "url" },
    { key: "supplierPaymentInstructions", label: t("setup.supplier.paymentInstructions"), hint: t("setup.supplier.paymentInstructionsHint"), maxLength: 500, wide: true },
  ];
  return (
    <SetupSection title={t("setup.supplier.title")} description={t("setup.supplier.description")}>
      <div className={styles.grid}>
        <div className={styles.wide}>
          <SupplierLogoField readOnly={readOnly} />
        </div>
        {fields.map((f) => (
          <div key={f.key} className={f.wide ? styles.wide : undefined}>
            <SettingInput
              label={f.label}
              value={draft[f.key]}
              maxLength={f.maxLength}
              hint={f.hint}
              error={errors[f.key]}
              inputMode={f.inputMode}
              readOnly={readOnly}
              onChange={(value) => update({ [f.key]: f.key === "supplierCountryCode" ? value.toUpperCase() : value })}
            />
          </div>
        ))}
      </div>
    </SetupSection>
  );
}
