// The Invoicing group of the setup form: whether Bookings prices include tax, the default grouping of drafts, and the
// business's time zone.
import { Field, Radio, RadioGroup, Switch } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { GroupBy } from "./setup.types";
import { SetupSection } from "./SetupSection";
import { TimeZoneField } from "./TimeZoneField";
import type { DraftSectionProps } from "./SetupSection";

/** The groupings staff can pick when creating drafts, in the order shown; each is labelled `groupBy.<value>`. */
export const GROUP_BY_OPTIONS: readonly GroupBy[] = ["customer", "booking", "customerMonth"];

/** Tax handling and default grouping. */
export function InvoicingSettings(props: DraftSectionProps) {
  const { draft, readOnly, update } = props;
  const { t } = useTranslation();
  return (
    <SetupSection title={t("setup.invoicing.title")} description={t("setup.invoicing.description")}>
      <Field hint={draft.pricesIncludeTax ? t("setup.invoicing.taxHintOn") : t("setup.invoicing.taxHintOff")}>
        <Switch
          label={t("setup.invoicing.tax")}
          checked={draft.pricesIncludeTax}
          disabled={readOnly}
          onChange={(_, data) => update({ pricesIncludeTax: data.checked })}
        />
      </Field>
      <Field label={t("setup.invoicing.grouping")} hint={t("setup.invoicing.groupingHint")}>
        <RadioGroup
          value={draft.defaultGroupBy}
          disabled={readOnly}
          onChange={(_, data) => update({ defaultGroupBy: data.value as GroupBy })}
        >
          {GROUP_BY_OPTIONS.map((option) => (
            <Radio key={option} value={option} label={t(`groupBy.${option}`)} />
          ))}
        </RadioGroup>
      </Field>
      <TimeZoneField {...props} />
    </SetupSection>
  );
}
