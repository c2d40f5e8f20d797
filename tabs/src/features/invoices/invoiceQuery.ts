// The Invoices tab's state in the URL hash (`#/invoices?view=…&from=…`), so a deep link restores view, filters and sort.

/** The three views of the tab. */
export type InvoicesView = "toInvoice" | "drafts" | "review";
/** Flags the bookings list filters on (one at a time). */
export type BookingFlag = "needsPrice" | "review" | "noCustomer" | "cancelled-on-draft";
/** Server-side sort orders of the bookings list; a leading "-" is descending. */
export type BookingSort = "date" | "-date" | "amount" | "-amount" | "customer" | "-customer" | "service" | "-service";
/** The columns the bookings list sorts by. */
export type SortColumn = "date" | "amount" | "customer" | "service";
/** Status filter of the drafts view: drafts, final invoices, or final invoices credited in part or in full. */
export type InvoiceStatus = "draft" | "final" | "credited";

/** Filters of the bookings list; dates are local calendar days (YYYY-MM-DD), `to` inclusive. */
export interface BookingFilter {
  from?: string;
  to?: string;
  customerId?: string;
  serviceId?: string;
  staffId?: string;
  priceTypes: string[];
  flag?: BookingFlag;
  q?: string;
}

/** Everything the hash query holds. */
export interface InvoicesRoute {
  view: InvoicesView;
  filter: BookingFilter;
  sort: BookingSort;
  status: InvoiceStatus;
  /** An invoice opened by a deep link (`?invoice=<id>`), shown over the view. */
  invoiceId?: string;
}

/** The filter body of create/preview `{ filter }`: the list's filter fields with dates as instants. */
export interface ApiFilter {
  from?: string;
  to?: string;
  customerId?: string;
  serviceId?: string;
  staffId?: string;
  priceType?: string[];
  flag?: BookingFlag;
  q?: string;
}

/** Price types a user can filter on (`free` is never listed); their labels are `invoices.priceTypes.<type>`. */
export const PRICE_TYPES = ["fixedPrice", "hourly", "startingAt", "priceVaries", "callUs", "notSet", "undefined"] as const;

/** One price type of the filter. */
export type PriceType = (typeof PRICE_TYPES)[number];

const VIEWS: readonly InvoicesView[] = ["toInvoice", "drafts", "review"];
const FLAGS: readonly BookingFlag[] = ["needsPrice", "review", "noCustomer", "cancelled-on-draft"];
const SORTS: readonly BookingSort[] = ["date", "-date", "amount", "-amount", "customer", "-customer", "service", "-service"];
const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** The state of a fresh tab. */
export const DEFAULT_ROUTE: InvoicesRoute = { view: "toInvoice", filter: { priceTypes: [] }, sort: "date", status: "draft" };

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.find((a) => a === value);
const text = (value: string | null, max = 200): string | undefined => value?.trim().slice(0, max) || undefined;
const day = (value: string | null): string | undefined => (value && YMD.test(value) ? value : undefined);

/** Reads the route state from a location hash; unknown or malformed values fall back to the defaults. */
export function parseInvoicesRoute(hash: string): InvoicesRoute {
  const query = hash.includes("?") ? hash.slice(hash.indexOf("?") + 1) : "";
  const p = new URLSearchParams(query);
  const known = new Set<string>(PRICE_TYPES);
  return {
    view: oneOf(VIEWS, p.get("view")) ?? DEFAULT_ROUTE.view,
    sort: oneOf(SORTS, p.get("sort")) ?? DEFAULT_ROUTE.sort,
    status: oneOf(["draft", "final", "credited"] as const, p.get("status")) ?? "draft",
    invoiceId: text(p.get("invoice"), 100),
    filter: {
      from: day(p.get("from")),
      to: day(p.get("to")),
      customerId: text(p.get("customer")),
      serviceId: text(p.get("service")),
      staffId: text(p.get("staff")),
      priceTypes: (p.get("price") ?? "").split(",").filter((t) => known.has(t)),
      flag: oneOf(FLAGS, p.get("flag")),
      q: text(p.get("q")),
    },
  };
}

/** The hash for a route state; defaults are left out so plain `#/invoices` stays plain. */
export function formatInvoicesRoute(route: InvoicesRoute): string {
  const { filter: f } = route;
  const p = new URLSearchParams();
  if (route.view !== DEFAULT_ROUTE.view) p.set("view", route.view);
  if (route.status !== DEFAULT_ROUTE.status) p.set("status", route.status);
  if (route.sort !== DEFAULT_ROUTE.sort) p.set("sort", route.sort);
  const entries: [string, string | undefined][] = [
    ["from", f.from],
    ["to", f.to],
    ["customer", f.customerId],
    ["service", f.serviceId],
    ["staff", f.staffId],
    ["price", f.priceTypes.join(",") || undefined],
    ["flag", f.flag],
    ["q", f.q],
    ["invoice", route.invoiceId],
  ];
  for (const [key, value] of entries) if (value) p.set(key, value);
  const query = p.toString();
  return query ? `#/invoices?${query}` : "#/invoices";
}

/** True when any filter narrows the list. */
export function hasFilters(filter: BookingFilter): boolean {
  return Object.values(apiFilter(filter)).some((v) => v !== undefined);
}

/** Start of a local calendar day as an ISO instant; `plusDays` moves it (1 = the start of the next day). */
export function localDayStart(ymd: string, plusDays = 0): string {
  const [y, m, d] = ymd.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** The filter as the API takes it: local days as instants, the `to` day included. */
export function apiFilter(filter: BookingFilter): ApiFilter {
  const out: ApiFilter = {};
  if (filter.from) out.from = localDayStart(filter.from);
  if (filter.to) out.to = localDayStart(filter.to, 1);
  if (filter.customerId) out.customerId = filter.customerId;
  if (filter.serviceId) out.serviceId = filter.serviceId;
  if (filter.staffId) out.staffId = filter.staffId;
  if (filter.priceTypes.length) out.priceType = [...filter.priceTypes];
  if (filter.flag) out.flag = filter.flag;
  if (filter.q) out.q = filter.q;
  return out;
}

/** Query string of GET /api/bookings/uninvoiced for a filter, sort, page size and optional cursor. */
export function uninvoicedSearch(filter: BookingFilter, sort: BookingSort, limit: number, cursor?: string | null): string {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(apiFilter(filter))) {
    if (value !== undefined) p.set(key, Array.isArray(value) ? value.join(",") : value);
  }
  p.set("sort", sort);
  p.set("limit", String(limit));
  if (cursor) p.set("cursor", cursor);
  return p.toString();
}

/** Column and direction of a sort order. */
export function sortParts(sort: BookingSort): { column: SortColumn; descending: boolean } {
  return { column: sort.replace("-", "") as SortColumn, descending: sort.startsWith("-") };
}

/** The sort after clicking a column header: the same column flips, another column starts ascending. */
export function nextSort(current: BookingSort, column: SortColumn): BookingSort {
  const { column: active, descending } = sortParts(current);
  if (active !== column) return column;
  return (descending ? column : `-${column}`) as BookingSort;
}
