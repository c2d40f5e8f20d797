// The template groups of the setup form: what new customers and new service items get.
import { makeStyles, tokens } from "@fluentui/react-components";
import { SettingInput } from "./SettingInput";
import { SetupSection } from "./SetupSection";
import type { DraftSectionProps } from "./SetupSection";

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
  return (
    <SetupSection title="Customer template" description="Applied to customers the sync creates.">
      <div className={styles.grid}>
        <SettingInput
          label="Currency"
          value={draft.currency}
          placeholder={businessCurrency ?? "EUR"}
          maxLength={3}
          error={errors.currency}
          hint={businessCurrency ? `Empty: the business currency (${businessCurrency}).` : "Empty: the business currency."}
          readOnly={readOnly}
          onChange={(value) => update({ currency: value.toUpperCase() })}
        />
        <SettingInput
          label="Payment terms"
          unit="days"
          inputMode="numeric"
          value={draft.paymentTermsDays}
          error={errors.paymentTermsDays}
          hint="0 means due on receipt."
          readOnly={readOnly}
          onChange={(value) => update({ paymentTermsDays: value })}
        />
        <SettingInput
          label="Tax rate"
          unit="%"
          inputMode="decimal"
          value={draft.taxRate}
          error={errors.taxRate}
          hint="A percentage from 0 to 100."
          readOnly={readOnly}
          onChange={(value) => update({ taxRate: value })}
        />
        <SettingInput
          label="Language"
          value={draft.language}
          error={errors.language}
          hint="For invoices, e.g. en or nl-NL."
          readOnly={readOnly}
          onChange={(value) => update({ language: value })}
        />
      </div>
    </SetupSection>
  );
}

/** Type (always Service) and unit of measure of service items created from Bookings services. */
export function ItemTemplateSettings({ draft, errors, readOnly, update }: DraftSectionProps) {
  const styles = useStyles();
  return (
    <SetupSection title="Item template" description="Applied to service items the sync creates.">
      <div className={styles.grid}>
        <SettingInput
          label="Type"
          value="Service"
          readOnly
          hint="Only service items can stand for Bookings services."
          onChange={() => undefined}
        />
        <SettingInput
          label="Unit of measure"
          value={draft.unitOfMeasure}
          maxLength={20}
          error={errors.unitOfMeasure}
          hint="Shown on invoice lines, e.g. hour or session."
          readOnly={readOnly}
          onChange={(value) => update({ unitOfMeasure: value })}
        />
      </div>
    </SetupSection>
  );
}
