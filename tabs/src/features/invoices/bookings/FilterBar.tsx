// Filter bar above the bookings grid: dates, customer, service, staff, price type, search, flag chips and Clear filters.
// Below 640 px only the search box and a Filters button stay in view; the rest opens in a drawer, and the filters in
// force show as removable chips.
import { useState } from "react";
import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  OverlayDrawer,
  Tag,
  TagGroup,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular, FilterRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatCount } from "../../../shared/format";
import { NARROW_MEDIA, useNarrow } from "../../../shared/narrow";
import { CustomerPicker } from "../CustomerPicker";
import { DateFilters } from "./DateFilters";
import { FlagChips } from "./FlagChips";
import { PriceTypeFilter, ServiceFilter, StaffFilter } from "./FilterDropdowns";
import { SearchFilter } from "./SearchFilter";
import { activeFilters } from "./activeFilters";
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
    [NARROW_MEDIA]: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  searchRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  picker: { width: "180px", minWidth: "150px" },
  search: { width: "300px", maxWidth: "100%" },
  chips: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  // The narrow bar: search and the Filters button on one line, the chips in force underneath.
  narrowRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  narrowSearch: { flex: "1 1 auto", minWidth: 0, maxWidth: "none" },
  tags: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  // In the drawer every field takes the full width, one under the other.
  stack: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalM },
  full: { width: "100%", minWidth: 0 },
  footer: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Props: the current filter, a patch setter (stable) and the lookups for the pickers; `matching` is the filtered count. */
export interface FilterBarProps {
  filter: BookingFilter;
  onChange: (patch: Partial<BookingFilter>) => void;
  onClear: () => void;
  lookups: Lookups;
  matching?: number;
}

/** The filters; every change lands in the URL hash through `onChange`. */
export function FilterBar(props: FilterBarProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const narrow = useNarrow();
  const { filter, onChange, onClear } = props;
  if (narrow) return <NarrowFilterBar {...props} />;
  return (
    <div className={styles.root} role="search" aria-label={t("invoices.filters.label")}>
      <FilterFields {...props} />
      <div className={styles.chips}>
        <div className={styles.searchRow}>
          <SearchFilter className={styles.search} value={filter.q} onChange={(q) => onChange({ q })} />
          <FlagChips value={filter.flag} onChange={(flag) => onChange({ flag })} />
        </div>
        <ClearButton filter={filter} onClear={onClear} />
      </div>
    </div>
  );
}

/** Dates and the pickers: in a wrapping row, or stacked full width in the drawer. */
function FilterFields({ filter, onChange, lookups, stacked = false }: FilterBarProps & { stacked?: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const picker = stacked ? styles.full : styles.picker;
  return (
    <div className={stacked ? styles.stack : styles.row}>
      <DateFilters from={filter.from} to={filter.to} onChange={onChange} />
      <Field label={t("invoices.filters.customer")} size="small">
        <CustomerPicker
          className={picker}
          size="small"
          label={t("invoices.filters.customer")}
          customers={lookups.customers.data ?? []}
          disabled={!lookups.customers.data}
          value={filter.customerId}
          onChange={(customerId) => onChange({ customerId })}
        />
      </Field>
      <Field label={t("invoices.filters.service")} size="small">
        <ServiceFilter className={picker} services={lookups.services} value={filter.serviceId} onChange={(serviceId) => onChange({ serviceId })} />
      </Field>
      <Field label={t("invoices.filters.staff")} size="small">
        <StaffFilter className={picker} staff={lookups.staff} value={filter.staffId} onChange={(staffId) => onChange({ staffId })} />
      </Field>
      <Field label={t("invoices.filters.priceType")} size="small">
        <PriceTypeFilter className={picker} value={filter.priceTypes} onChange={(priceTypes) => onChange({ priceTypes })} />
      </Field>
      {stacked && <FlagChips value={filter.flag} onChange={(flag) => onChange({ flag })} />}
    </div>
  );
}

function ClearButton({ filter, onClear }: Pick<FilterBarProps, "filter" | "onClear">) {
  const { t } = useTranslation();
  return (
    <Button appearance="subtle" size="small" icon={<DismissRegular />} disabled={!hasFilters(filter)} onClick={onClear}>
      {t("invoices.filters.clear")}
    </Button>
  );
}

/** Search, the Filters button (with how many are in force) and their chips; the fields open in a full-screen drawer. */
function NarrowFilterBar(props: FilterBarProps) {
  const { filter, onChange, onClear, lookups, matching } = props;
  const styles = useStyles();
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const chips = activeFilters(filter, { customers: lookups.customers.data ?? [], services: lookups.services, staff: lookups.staff }, t);
  return (
    <div className={styles.root} role="search" aria-label={t("invoices.filters.label")}>
      <div className={styles.narrowRow}>
        <SearchFilter className={mergeClasses(styles.search, styles.narrowSearch)} value={filter.q} onChange={(q) => onChange({ q })} />
        <Button icon={<FilterRegular />} aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="open-filters">
          {chips.length > 0 ? t("invoices.filters.openCount", { count: chips.length }) : t("invoices.filters.open")}
        </Button>
      </div>
      {chips.length > 0 && (
        <div className={styles.chips}>
          <TagGroup
            className={styles.tags}
            aria-label={t("invoices.filters.active")}
            onDismiss={(_, data) => {
              const chip = chips.find((c) => c.key === data.value);
              if (chip) onChange(chip.clear);
            }}
          >
            {chips.map((chip) => (
              <Tag key={chip.key} value={chip.key} size="small" shape="circular" dismissible dismissIcon={{ "aria-label": t("invoices.filters.remove", { label: chip.label }) }}>
                {chip.label}
              </Tag>
            ))}
          </TagGroup>
          <ClearButton filter={filter} onClear={onClear} />
        </div>
      )}
      <OverlayDrawer open={open} position="end" size="full" onOpenChange={(_, data) => setOpen(data.open)} aria-label={t("invoices.filters.open")}>
        <DrawerHeader>
          <DrawerHeaderTitle
            action={<Button appearance="subtle" icon={<DismissRegular />} aria-label={t("common.close")} onClick={() => setOpen(false)} />}
          >
            {t("invoices.filters.open")}
          </DrawerHeaderTitle>
        </DrawerHeader>
        <DrawerBody>
          <FilterFields {...props} stacked />
        </DrawerBody>
        <DrawerFooter className={styles.footer}>
          <Button appearance="primary" onClick={() => setOpen(false)} data-testid="show-filtered">
            {matching === undefined ? t("common.close") : t("invoices.filters.show", { count: matching, n: formatCount(matching) })}
          </Button>
          <ClearButton filter={filter} onClear={onClear} />
        </DrawerFooter>
      </OverlayDrawer>
    </div>
  );
}
