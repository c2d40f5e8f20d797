// The Invoicing group of the setup form: whether Bookings prices include tax, and the default grouping of drafts.
import { Field, Radio, RadioGroup, Switch } from "@fluentui/react-components";
import type { GroupBy } from "./setup.types";
import { SetupSection } from "./SetupSection";
import type { DraftSectionProps } from "./SetupSection";

/** The groupings staff can pick when creating drafts, in the order shown. */
export const GROUP_BY_OPTIONS: { value: GroupBy; label: string }[] = [
  { value: "customer", label: "Per customer" },
  { value: "booking", label: "Per booking" },
  { value: "customerMonth", label: "Per customer and month" },
];

/** Tax handling and default grouping. */
export function InvoicingSettings({ draft, readOnly, update }: DraftSectionProps) {
  return (
    <SetupSection title="Invoicing" description="How draft invoices are priced and grouped.">
      <Field hint="On: the Bookings price already contains tax. Off: tax is added on top.">
        <Switch
          label="Bookings prices include tax"
          checked={draft.pricesIncludeTax}
          disabled={readOnly}
          onChange={(_, data) => update({ pricesIncludeTax: data.checked })}
        />
      </Field>
      <Field label="Default grouping" hint="Which bookings share one draft invoice, unless another grouping is asked for.">
        <RadioGroup
          value={draft.defaultGroupBy}
          disabled={readOnly}
          onChange={(_, data) => update({ defaultGroupBy: data.value as GroupBy })}
        >
          {GROUP_BY_OPTIONS.map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} />
          ))}
        </RadioGroup>
      </Field>
    </SetupSection>
  );
}
