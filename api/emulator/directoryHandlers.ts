// Business, customer, service and staff endpoints: lists (paged), gets by id, and customer creation.
import { readCustomerBody, newCustomer } from "./customerWrite";
import { itemNotFound } from "./errors";
import {
  contextUrl,
  presentBusinessSummary,
  presentCustomer,
  presentService,
  presentStaff,
} from "./format";
import { navigationContext, sendEntity, type BusinessContext, type RootContext } from "./graphContext";
import { queryParam, requestBase, retainedParams, sendGraphJson } from "./http";
import { paginate, sendCollection } from "./paging";

/** Graph caps the businesses list at 500 and never pages it. */
const MAX_BUSINESSES = 500;

interface Named {
  id: string;
  displayName?: string;
}

// Directory lists are ordered by display name, then id; the pair is also the $skiptoken position.
function byName<T extends Named>(items: Iterable<T>): T[] {
  // Plain code-unit order, the same order paginate() compares $skiptoken keys in.
  return [...items].sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : nameKey(a) > nameKey(b) ? 1 : 0));
}

function nameKey(item: Named): string {
  return `${(item.displayName ?? "").toLowerCase()}\u0000${item.id}`;
}

function sendDirectoryPage<T extends Named>(ctx: BusinessContext, items: Iterable<T>, nav: string, present: (item: T) => unknown): void {
  const sorted = byName(items);
  const page = paginate(ctx.req, sorted, nameKey, ctx.state.options.pageSize);
  const params = retainedParams(ctx.req, ["$skiptoken"]);
  sendCollection(ctx.req, ctx.res, navigationContext(ctx, nav), page.items.map(present), page, params);
}

/** GET /solutions/bookingBusinesses[?query=]: id and displayName only, at most 500, no nextLink. */
export function handleListBusinesses(ctx: RootContext): void {
  const query = queryParam(ctx.req, "query")?.toLowerCase() ?? "";
  const matches = ctx.state.store
    .list()
    .map((data) => data.business)
    .filter((b) => !query || b.id.toLowerCase().includes(query) || (b.displayName ?? "").toLowerCase().includes(query));
  sendGraphJson(ctx.res, 200, {
    "@odata.context": contextUrl(requestBase(ctx.req), "bookingBusinesses"),
    value: matches.slice(0, MAX_BUSINESSES).map(presentBusinessSummary),
  });
}

/** GET /solutions/bookingBusinesses/{id}: the full business. */
export function handleGetBusiness(ctx: BusinessContext): void {
  sendEntity(ctx, 200, contextUrl(requestBase(ctx.req), "bookingBusinesses/$entity"), ctx.business.business);
}

/** GET …/customers: customers with their @odata.type, paged. */
export function handleListCustomers(ctx: BusinessContext): void {
  sendDirectoryPage(ctx, ctx.business.customers.values(), "customers", presentCustomer);
}

// The docs claim GET customer needs a base64-encoded id; accept both that and the plain GUID.
function findCustomerId(ctx: BusinessContext): string {
  if (ctx.business.customers.has(ctx.itemId)) return ctx.itemId;
  const decoded = Buffer.from(ctx.itemId, "base64").toString("utf8");
  if (ctx.business.customers.has(decoded)) return decoded;
  throw itemNotFound();
}

/** GET …/customers/{id} (GUID or base64 of it). */
export function handleGetCustomer(ctx: BusinessContext): void {
  const customer = ctx.business.customers.get(findCustomerId(ctx));
  if (!customer) throw itemNotFound();
  sendEntity(ctx, 200, navigationContext(ctx, "customers/$entity"), presentCustomer(customer));
}

/** POST …/customers: requires displayName; 201 with a new GUID id. */
export function handleCreateCustomer(ctx: BusinessContext): void {
  const fields = readCustomerBody(ctx.req.body);
  const customer = newCustomer(fields, ctx.state.random, ctx.state.clock.nowIso());
  ctx.business.customers.set(customer.id, customer);
  sendEntity(ctx, 201, navigationContext(ctx, "customers/$entity"), presentCustomer(customer));
}

/** GET …/services: services without defaultReminders, paged. */
export function handleListServices(ctx: BusinessContext): void {
  sendDirectoryPage(ctx, ctx.business.services.values(), "services", (s) => presentService(s, "list"));
}

/** GET …/services/{id}: the full service. */
export function handleGetService(ctx: BusinessContext): void {
  const service = ctx.business.services.get(ctx.itemId);
  if (!service) throw itemNotFound();
  sendEntity(ctx, 200, navigationContext(ctx, "services/$entity"), presentService(service, "full"));
}

function includesUnknownEnums(ctx: BusinessContext): boolean {
  return /include-unknown-enum-members/i.test(ctx.req.get("prefer") ?? "");
}

/** GET …/staffMembers: staff with @odata.type; evolvable roles hidden unless asked for. */
export function handleListStaff(ctx: BusinessContext): void {
  const include = includesUnknownEnums(ctx);
  sendDirectoryPage(ctx, ctx.business.staff.values(), "staffMembers", (s) => presentStaff(s, include));
}

/** GET …/staffMembers/{id}. */
export function handleGetStaff(ctx: BusinessContext): void {
  const staff = ctx.business.staff.get(ctx.itemId);
  if (!staff) throw itemNotFound();
  sendEntity(ctx, 200, navigationContext(ctx, "staffMembers/$entity"), presentStaff(staff, includesUnknownEnums(ctx)));
}
