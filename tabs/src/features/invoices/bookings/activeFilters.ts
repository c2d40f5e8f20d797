// The filters in force as removable chips ("From 1 Nov 2026", "Service: Intake"), for the narrow layout where the
// filters themselves sit in a drawer behind a button.
import type { TFunction } from "i18next";
import { formatCalendarDate } from "../../../shared/format";
import type { BookingFilter } from "../invoiceQuery";
import type { CustomerOption, ServiceItemOption, StaffOption } from "../invoice.types";

/** One chip: a stable key, its text, and the patch that removes that filter. */
export interface ActiveFilter {
  key: string;
  label: string;
  clear: Partial<BookingFilter>;
}

/** What the chips need to name an id. */
export interface FilterNames {
  customers: readonly Pick<CustomerOption, "id" | "name">[];
  services: readonly Pick<ServiceItemOption, "bookingsServiceId" | "name">[];
  staff: readonly Pick<StaffOption, "id" | "name">[];
}

const FLAG_LABELS = {
  needsPrice: "invoices.chips.needsPrice",
  review: "invoices.chips.review",
  noCustomer: "invoices.chips.noCustomer",
  "cancelled-on-draft": "invoices.chips.cancelledOnDraft",
} as const;

/** The chips of every filter but the search text (which stays visible in its own box), in the filter bar's order. */
export function activeFilters(filter: BookingFilter, names: FilterNames, t: TFunction): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  // An id the lookups do not (yet) know still gets a chip, so it can be removed.
  const named = (field: string, value: string, name: string | undefined, clear: Partial<BookingFilter>) =>
    out.push({ key: field, label: t("invoices.filters.chip", { field: t(`invoices.filters.${field}` as "invoices.filters.customer"), value: name ?? value }), clear });
  if (filter.from) out.push({ key: "from", label: t("invoices.filters.chipFrom", { date: formatCalendarDate(filter.from) }), clear: { from: undefined } });
  if (filter.to) out.push({ key: "to", label: t("invoices.filters.chipTo", { date: formatCalendarDate(filter.to) }), clear: { to: undefined } });
  if (filter.customerId) named("customer", filter.customerId, names.customers.find((c) => c.id === filter.customerId)?.name, { customerId: undefined });
  if (filter.serviceId) named("service", filter.serviceId, names.services.find((s) => s.bookingsServiceId === filter.serviceId)?.name, { serviceId: undefined });
  if (filter.staffId) named("staff", filter.staffId, names.staff.find((s) => s.id === filter.staffId)?.name, { staffId: undefined });
  for (const type of filter.priceTypes)
    out.push({ key: `price:${type}`, label: t(`invoices.priceTypes.${type}` as "invoices.priceTypes.hourly"), clear: { priceTypes: filter.priceTypes.filter((p) => p !== type) } });
  if (filter.flag) out.push({ key: "flag", label: t(FLAG_LABELS[filter.flag]), clear: { flag: undefined } });
  return out;
}
