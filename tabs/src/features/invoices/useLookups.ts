// Customers, service items and staff for the filter bar and the customer pickers, and what the page needs of the
// setup, loaded once per page.
import { useCallback, useMemo } from "react";
import { useApi } from "../../shared/apiContext";
import { useAsyncData } from "../../shared/useAsyncData";
import type { AsyncData } from "../../shared/useAsyncData";
import type { CustomerOption, GroupBy, ServiceItemOption, StaffOption } from "./invoice.types";
import { findInvoicingSetup, listCustomers, listServiceItems, listStaff, type InvoicingSetup } from "./invoicesApi";

/** The lookups; each loads on its own so one failing does not hide the others. */
export interface Lookups {
  customers: AsyncData<CustomerOption[]>;
  services: ServiceItemOption[];
  staff: StaffOption[];
  defaultGroupBy: GroupBy;
  /** null while loading. */
  setup: InvoicingSetup | null;
}

/** Loads the lookups for the Invoices page. */
export function useLookups(): Lookups {
  const api = useApi();
  const customers = useAsyncData(useCallback(() => listCustomers(api), [api]));
  const items = useAsyncData(useCallback(() => listServiceItems(api), [api]));
  const staff = useAsyncData(useCallback(() => listStaff(api), [api]));
  const setup = useAsyncData(useCallback(() => findInvoicingSetup(api), [api]));
  // Free services never await invoicing, so they are no use as a filter.
  const services = useMemo(() => (items.data ?? []).filter((s) => s.priceType !== "free"), [items.data]);
  return { customers, services, staff: staff.data ?? [], defaultGroupBy: setup.data?.defaultGroupBy ?? "customer", setup: setup.data ?? null };
}
