// Filter bar above the bookings grid: dates, customer, service, staff, price type, search, flag chips and Clear filters.
import { Button, Field, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { CustomerPicker } from "../CustomerPicker";
import { DateFilters } from "./DateFilters";
import { FlagChips } from "./FlagChips";
import { PriceTypeFilter, ServiceFilter, StaffFilter } from "./FilterDropdowns";
import { SearchFilter } from "./SearchFilter";
import { hasFilters } from "../invoiceQuery";
import type { BookingFilter } from "../invoiceQuery";
import type { Lookups } from "../useLookups";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  searchRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  picker: { width: "180px", minWidth: "150px" },
  search: { width: "300px", maxWidth: "100%" },
  chips: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
});

/** Props: the current filter, a patch setter (stable) and the lookups for the pickers. */
export interface FilterBarProps {
  filter: BookingFilter;
  onChange: (patch: Partial<BookingFilter>) => void;
  onClear: () => void;
  lookups: Lookups;
}

/** The filters; every change lands in the URL hash through `onChange`. */
export function FilterBar({ filter, onChange, onClear, lookups }: FilterBarProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.root} role="search" aria-label={t("invoices.filters.label")}>
      <div className={styles.row}>
        <DateFilters from={filter.from} to={filter.to} onChange={onChange} />
        <Field label={t("invoices.filters.customer")} size="small">
          <CustomerPicker
            className={styles.picker}
            size="small"
            label={t("invoices.filters.customer")}
            customers={lookups.customers.data ?? []}
            disabled={!lookups.customers.data}
            value={filter.customerId}
            onChange={(customerId) => onChange({ customerId })}
          />
        </Field>
        <Field label={t("invoices.filters.service")} size="small">
          <ServiceFilter className={styles.picker} services={lookups.services} value={filter.serviceId} onChange={(serviceId) => onChange({ serviceId })} />
        </Field>
        <Field label={t("invoices.filters.staff")} size="small">
          <StaffFilter className={styles.picker} staff={lookups.staff} value={filter.staffId} onChange={(staffId) => onChange({ staffId })} />
        </Field>
        <Field label={t("invoices.filters.priceType")} size="small">
          <PriceTypeFilter className={styles.picker} value={filter.priceTypes} onChange={(priceTypes) => onChange({ priceTypes })} />
        </Field>
      </div>
      <div className={styles.chips}>
        <div className={styles.searchRow}>
          <SearchFilter className={styles.search} value={filter.q} onChange={(q) => onChange({ q })} />
          <FlagChips value={filter.flag} onChange={(flag) => onChange({ flag })} />
        </div>
        <Button appearance="subtle" size="small" icon={<DismissRegular />} disabled={!hasFilters(filter)} onClick={onClear}>
          {t("invoices.filters.clear")}
        </Button>
      </div>
    </div>
  );
}
