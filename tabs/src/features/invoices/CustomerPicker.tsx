// A Combobox of customers that filters as you type (name or e-mail) and renders at most 50 matches.
import { useMemo, useState } from "react";
import { Caption1, Combobox, Option, makeStyles, tokens } from "@fluentui/react-components";
import type { ComboboxProps } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { matchCustomers } from "./customerSearch";
import type { CustomerOption } from "./invoice.types";
import { comboboxLabels } from "../../shared/ui/fluentLabels";

const useStyles = makeStyles({
  option: { display: "flex", flexDirection: "column" },
  email: { color: tokens.colorNeutralForeground3 },
});

/** Props: the customers, the selected id and its setter; `label` names the field for screen readers. */
export interface CustomerPickerProps {
  customers: readonly CustomerOption[];
  value: string | undefined;
  onChange: (customerId: string | undefined) => void;
  label: string;
  placeholder?: string;
  disabled?: boolean;
  size?: ComboboxProps["size"];
  className?: string;
  /** Marks inactive customers; pickers that link bookings leave them out instead. */
  showInactive?: boolean;
}

/** Customer Combobox; clearing it selects nothing. */
export function CustomerPicker({ customers, value, onChange, label, placeholder, disabled, size, className, showInactive = true }: CustomerPickerProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  // null while not typing: the box then shows the selected customer's name.
  const [query, setQuery] = useState<string | null>(null);
  const pool = useMemo(() => (showInactive ? customers : customers.filter((c) => c.active)), [customers, showInactive]);
  const selected = customers.find((c) => c.id === value);
  const matches = useMemo(() => matchCustomers(pool, query ?? ""), [pool, query]);

  return (
    <Combobox
      {...comboboxLabels()}
      className={className}
      aria-label={label}
      placeholder={placeholder ?? t("invoices.filters.anyCustomer")}
      size={size}
      disabled={disabled}
      clearable
      value={query ?? selected?.name ?? ""}
      selectedOptions={value ? [value] : []}
      onChange={(e) => setQuery(e.target.value)}
      onOptionSelect={(_, data) => {
        setQuery(null);
        onChange(data.optionValue || undefined);
      }}
      onOpenChange={(_, data) => {
        if (!data.open) setQuery(null);
      }}
    >
      {matches.map((c) => (
        <Option key={c.id} value={c.id} text={c.name}>
          <span className={styles.option}>
            <span>{c.active ? c.name : t("common.inactive", { name: c.name })}</span>
            {c.email && <Caption1 className={styles.email}>{c.email}</Caption1>}
          </span>
        </Option>
      ))}
      {matches.length === 0 && (
        <Option value="" text="" disabled>
          {t("invoices.filters.noCustomerMatch", { query: query ?? "" })}
        </Option>
      )}
    </Combobox>
  );
}
