// The service, staff and price-type dropdowns of the filter bar.
import { Dropdown, Option } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { PRICE_TYPES } from "../invoiceQuery";
import type { ServiceItemOption, StaffOption } from "../invoice.types";
import { dropdownLabels } from "../../../shared/ui/fluentLabels";

const ANY = "";

/** Single choice among `options`, with an "any" entry that clears it. */
function SingleDropdown({ label, anyLabel, options, value, onChange, className }: {
  label: string;
  anyLabel: string;
  options: readonly { value: string; text: string }[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  className?: string;
}) {
  const selected = options.find((o) => o.value === value);
  return (
    <Dropdown
      {...dropdownLabels()}
      className={className}
      aria-label={label}
      size="small"
      value={selected?.text ?? anyLabel}
      selectedOptions={[value ?? ANY]}
      onOptionSelect={(_, data) => onChange(data.optionValue || undefined)}
    >
      <Option value={ANY}>{anyLabel}</Option>
      {options.map((o) => (
        <Option key={o.value} value={o.value}>
          {o.text}
        </Option>
      ))}
    </Dropdown>
  );
}

/** Service filter: service items by their Bookings service id. */
export function ServiceFilter({ services, value, onChange, className }: {
  services: readonly ServiceItemOption[];
  value: string | undefined;
  onChange: (serviceId: string | undefined) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const options = services.map((s) => ({ value: s.bookingsServiceId, text: s.active ? s.name : t("common.inactive", { name: s.name }) }));
  return <SingleDropdown className={className} label={t("invoices.filters.service")} anyLabel={t("invoices.filters.anyService")} options={options} value={value} onChange={onChange} />;
}

/** Staff filter. */
export function StaffFilter({ staff, value, onChange, className }: {
  staff: readonly StaffOption[];
  value: string | undefined;
  onChange: (staffId: string | undefined) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const options = staff.map((s) => ({ value: s.id, text: s.name }));
  return <SingleDropdown className={className} label={t("invoices.filters.staff")} anyLabel={t("invoices.filters.anyStaff")} options={options} value={value} onChange={onChange} />;
}

/** Price-type filter; several can be chosen. */
export function PriceTypeFilter({ value, onChange, className }: {
  value: readonly string[];
  onChange: (priceTypes: string[]) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const labels = PRICE_TYPES.filter((type) => value.includes(type)).map((type) => t(`invoices.priceTypes.${type}`));
  return (
    <Dropdown
      {...dropdownLabels()}
      className={className}
      aria-label={t("invoices.filters.priceType")}
      size="small"
      multiselect
      placeholder={t("invoices.filters.anyPriceType")}
      value={labels.join(", ")}
      selectedOptions={[...value]}
      onOptionSelect={(_, data) => onChange(data.selectedOptions)}
    >
      {PRICE_TYPES.map((type) => (
        <Option key={type} value={type}>
          {t(`invoices.priceTypes.${type}`)}
        </Option>
      ))}
    </Dropdown>
  );
}
