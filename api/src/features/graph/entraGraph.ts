// Graph readers in entra mode: on-behalf-of the caller for interactive calls, app-only per tenant for syncs.
import { consentRequired, type GraphTokens } from "../auth/graphTokens";
import { createBookingsGraph, GraphRequestError, type BookingsGraph } from "./graphClient";

/** Whose Graph access a call uses: the caller's (with their API token) or, without one, the app's own. */
export interface GraphAccess {
  userToken?: string;
}

/** What the entra resolver needs. */
export interface EntraGraphOptions {
  tokens: GraphTokens;
  baseUrl: string;
  maxConcurrent: number;
  /** Graph HTTP transport; tests pass a recording one. */
  fetch?: typeof fetch;
}

/** Returns graphFor(tenantId, access): one cached app-only reader per tenant, a fresh on-behalf-of reader per call. */
export function entraGraphResolver(options: EntraGraphOptions): (tenantId: string, access?: GraphAccess) => BookingsGraph {
  // consentUrl is set for app-only readers only: a delegated 403 is about the user, not the app's consent.
  const build = (getToken: () => Promise<string>, consentUrl?: string) =>
    tokenFirst(createBookingsGraph({ baseUrl: options.baseUrl, getToken, maxConcurrent: options.maxConcurrent, fetch: options.fetch }), getToken, consentUrl);
  // One app-only reader per tenant, so the scheduler and manual syncs share its per-business concurrency bound.
  const appGraphs = new Map<string, BookingsGraph>();
  return (tenantId, access = {}) => {
    const userToken = access.userToken;
    if (userToken) return build(() => options.tokens.forUser(tenantId, userToken));
    let graph = appGraphs.get(tenantId);
    if (!graph) appGraphs.set(tenantId, (graph = build(() => options.tokens.forApp(tenantId), options.tokens.adminConsentUrl(tenantId))));
    return graph;
  };
}

// The token is fetched (from msal's cache, usually) before each call: inside the Graph SDK a token failure would
// become a retried transport error, here it stays the AppError that says what is wrong. App-only readers also
// turn Graph's 403 into CONSENT_REQUIRED: the app has no application permission for Bookings in that tenant.
function tokenFirst(graph: BookingsGraph, getToken: () => Promise<string>, appOnlyConsentUrl: string | undefined): BookingsGraph {
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await getToken();
      try {
        return await call(...args);
      } catch (err) {
        if (appOnlyConsentUrl && err instanceof GraphRequestError && err.status === 403) {
          const id = err.requestId ? `, request id ${err.requestId}` : "";
          throw consentRequired(`Microsoft Graph answered 403 ${err.code}${id}`, appOnlyConsentUrl);
        }
        throw err;
      }
    };
  return {
    listBusinesses: guard(graph.listBusinesses),
    getBusiness: guard(graph.getBusiness),
    listCustomers: guard(graph.listCustomers),
    listServices: guard(graph.listServices),
    listStaffMembers: guard(graph.listStaffMembers),
    calendarView: guard(graph.calendarView),
    getAppointment: guard(graph.getAppointment),
  };
}
