// The only module that talks to Microsoft Graph: Bookings reads with bounded concurrency, retries and zod parsing.
import { Client, ResponseType, type Context, type Middleware } from "@microsoft/microsoft-graph-client";
import type { z } from "zod";
import { createRequestSlots, type Lane, type RequestSlots } from "./requestSlots";
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, retryDelayMs, type RetryPolicy } from "./retryPolicy";
import {
  ZAppointment,
  ZBusiness,
  ZCustomer,
  ZGraphErrorBody,
  ZPage,
  ZService,
  ZStaffMember,
  type TAppointment,
  type TBusiness,
  type TCustomer,
  type TService,
  type TStaffMember,
} from "./graph.schema";

// The SDK only treats https://graph.microsoft.com URLs as Graph; we address that canonical root and map it
// onto the configured base (which may be plain http, e.g. the emulator) in the transport middleware below.
export const SDK_ROOT = "https://graph.microsoft.com/v1.0";
// A list longer than this many pages is a paging fault (a loop with fresh tokens, say), not data.
const MAX_PAGES = 5_000;

/** A Graph call that failed for good: status, Graph error code and the request id for support. */
export class GraphRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly requestId: string | undefined,
    readonly url: string,
  ) {
    super(message);
    this.name = "GraphRequestError";
  }
}

/** What the Bookings sync reads from Graph. */
export interface BookingsGraph {
  listBusinesses(): Promise<{ id: string; displayName: string }[]>;
  getBusiness(businessId: string): Promise<TBusiness>;
  listCustomers(businessId: string): Promise<TCustomer[]>;
  listServices(businessId: string): Promise<TService[]>;
  listStaffMembers(businessId: string): Promise<TStaffMember[]>;
  /** Appointments overlapping [start, end), following every nextLink; customers[] is empty here. */
  calendarView(businessId: string, start: Date, end: Date): Promise<TAppointment[]>;
  /** One appointment with its customers. */
  getAppointment(businessId: string, appointmentId: string): Promise<TAppointment>;
}

/** How to reach Graph. */
export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com/v1.0 or http://127.0.0.1:53100/v1.0 */
  baseUrl: string;
  getToken: () => Promise<string | undefined>;
  /** Concurrent requests per business (Bookings allows 4). */
  maxConcurrent?: number;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  /** The HTTP transport; tests pass a recording one. */
  fetch?: typeof fetch;
}

/** The Graph SDK client every Graph call of the app goes through: the token, then the configured base URL. */
export function createGraphSdkClient(options: Pick<GraphClientOptions, "baseUrl" | "getToken" | "fetch"> & { timeoutMs?: number }): Client {
  const base = options.baseUrl.replace(/\/+$/, "");
  return Client.initWithMiddleware({ middleware: chain(authMiddleware(options.getToken), transportMiddleware(base, options.fetch ?? fetch, options.timeoutMs ?? 60_000)) });
}

/** Builds the Bookings reader over the Graph SDK. */
export function createBookingsGraph(options: GraphClientOptions): BookingsGraph {
  const base = options.baseUrl.replace(/\/+$/, "");
  const client = createGraphSdkClient(options);
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const slots = new Map<string, RequestSlots>();
  const slotsFor = (key: string) => {
    let s = slots.get(key);
    if (!s) slots.set(key, (s = createRequestSlots(Math.min(4, options.maxConcurrent ?? 3))));
    return s;
  };

  async function getJson<T extends z.ZodType>(key: string, url: string, schema: T, lane: Lane = "item"): Promise<z.infer<T>> {
    for (let attempt = 1; ; attempt++) {
      // The slot is held while Graph works on the request; reading the answer (JSON, zod) happens after it is freed.
      const outcome = interpret(await slotsFor(key).run(lane, () => fetchOnce(client, url)), url, schema);
      if (outcome.ok) return outcome.value;
      if (!outcome.retryable || attempt > policy.maxRetries) throw outcome.error;
      // Sleep outside the concurrency slot so other requests can use it meanwhile.
      await sleep(retryDelayMs(attempt, outcome.retryAfterMs, policy));
    }
  }

  async function getAll<T extends z.ZodType>(key: string, firstUrl: string, item: T): Promise<z.infer<T>[]> {
    const out: z.infer<T>[] = [];
    const seen = new Set<string>();
    for (let url: string | undefined = firstUrl; url; ) {
      if (seen.has(url)) throw new GraphRequestError("Graph returned a paging loop.", 502, "PagingLoop", undefined, url);
      if (seen.size >= MAX_PAGES) throw new GraphRequestError(`Graph returned more than ${MAX_PAGES} pages for one list.`, 502, "TooManyPages", undefined, url);
      seen.add(url);
      const page: { value: z.infer<T>[]; "@odata.nextLink"?: string } = await getJson(key, url, ZPage(item), "list");
      for (const v of page.value) out.push(v);
      url = page["@odata.nextLink"] ? nextPageUrl(page["@odata.nextLink"], base) : undefined;
    }
    return out;
  }

  const biz = (id: string) => `${SDK_ROOT}/solutions/bookingBusinesses/${encodeURIComponent(id)}`;
  return {
    async listBusinesses() {
      const list = await getAll("businesses", `${SDK_ROOT}/solutions/bookingBusinesses`, ZBusiness);
      return list.map((b) => ({ id: b.id, displayName: b.displayName ?? b.id }));
    },
    getBusiness: (id) => getJson(id, biz(id), ZBusiness),
    listCustomers: (id) => getAll(id, `${biz(id)}/customers`, ZCustomer),
    listServices: (id) => getAll(id, `${biz(id)}/services`, ZService),
    listStaffMembers: (id) => getAll(id, `${biz(id)}/staffMembers`, ZStaffMember),
    calendarView: (id, start, end) =>
      // toISOString() has no '+', so the SDK's unencoded query string stays intact. Never $top or $filter.
      getAll(id, `${biz(id)}/calendarView?start=${start.toISOString()}&end=${end.toISOString()}`, ZAppointment),
    getAppointment: (id, appointmentId) => getJson(id, `${biz(id)}/appointments/${encodeURIComponent(appointmentId)}`, ZAppointment),
  };
}

type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; retryable: boolean; retryAfterMs: number | null; error: Error };

type Fetched = { response: Response; text: string } | { error: Error };

async function fetchOnce(client: Client, url: string): Promise<Fetched> {
  try {
    const response = (await client.api(url).responseType(ResponseType.RAW).get()) as Response;
    return { response, text: await response.text() };
  } catch (err) {
    return { error: networkError(err, url) };
  }
}

function interpret<T extends z.ZodType>(fetched: Fetched, url: string, schema: T): Outcome<z.infer<T>> {
  // Dropped connections, resets and timeouts: worth another try.
  if ("error" in fetched) return { ok: false, retryable: true, retryAfterMs: null, error: fetched.error };
  const { response, text } = fetched;
  if (!response.ok) {
    const error = graphError(response, text, url);
    return { ok: false, retryable: isRetryableStatus(response.status), retryAfterMs: parseRetryAfter(response.headers.get("retry-after")), error };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // A 200 with a cut-off body is a transport fault, not an answer.
    const error = new GraphRequestError("Graph sent an incomplete response.", 502, "TruncatedResponse", response.headers.get("request-id") ?? undefined, url);
    return { ok: false, retryable: true, retryAfterMs: null, error };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const error = new GraphRequestError(`Graph sent an unexpected response: ${parsed.error.issues[0]?.message ?? "invalid"}`, 502, "UnexpectedResponse", response.headers.get("request-id") ?? undefined, url);
    return { ok: false, retryable: false, retryAfterMs: null, error };
  }
  return { ok: true, value: parsed.data };
}

/** A failed answer as a GraphRequestError with Graph's code, message and request id. */
export function graphError(response: Response, text: string, url: string): GraphRequestError {
  let body: z.infer<typeof ZGraphErrorBody> | undefined;
  try {
    body = ZGraphErrorBody.parse(JSON.parse(text));
  } catch {
    body = undefined;
  }
  const requestId = body?.error.innerError?.["request-id"] ?? response.headers.get("request-id") ?? undefined;
  const message = body?.error.message || `Graph answered ${response.status}.`;
  return new GraphRequestError(message, response.status, body?.error.code || `HTTP${response.status}`, requestId, url);
}

/** A request that got no answer (refused, reset, timed out) as a GraphRequestError of status 0. */
export function networkError(err: unknown, url: string): GraphRequestError {
  const message = err instanceof Error ? err.message : String(err);
  return new GraphRequestError(`Could not reach Graph: ${message}`, 0, "NetworkError", undefined, url);
}

/**
 * Maps a nextLink onto the SDK's canonical root. Only links under the configured base URL (same origin, same path
 * prefix) are followed: a link elsewhere would carry our Graph bearer token to whoever Graph's answer named.
 */
export function nextPageUrl(link: string, base: string): string {
  if (!isUnder(link, base)) throw new GraphRequestError("Graph returned a nextLink outside the Graph base URL; it was not followed.", 502, "ForeignNextLink", undefined, link);
  return SDK_ROOT + link.slice(base.length);
}

// True for `base` itself and URLs below it: same scheme, host and port, and the path continues at a "/" or "?".
function isUnder(url: string, base: string): boolean {
  if (!url.startsWith(base)) return false;
  const rest = url.slice(base.length);
  return rest === "" || rest.startsWith("/") || rest.startsWith("?");
}

function chain(...middlewares: Middleware[]): Middleware {
  middlewares.forEach((m, i) => {
    const next = middlewares[i + 1];
    if (next) m.setNext?.(next);
  });
  return middlewares[0]!;
}

function authMiddleware(getToken: () => Promise<string | undefined>): Middleware {
  let next: Middleware | undefined;
  return {
    async execute(context: Context) {
      const url = typeof context.request === "string" ? context.request : context.request.url;
      // The token goes to the configured Graph only (requests are addressed to the SDK root, mapped onto it below).
      const token = isUnder(url, SDK_ROOT) ? await getToken() : undefined;
      const headers = new Headers(context.options?.headers as ConstructorParameters<typeof Headers>[0]);
      headers.delete("Authorization");
      if (token) headers.set("Authorization", `Bearer ${token}`);
      context.options = { ...context.options, headers };
      await next?.execute(context);
    },
    setNext: (m) => void (next = m),
  };
}

function transportMiddleware(base: string, send: typeof fetch, timeoutMs: number): Middleware {
  return {
    async execute(context: Context) {
      const url = typeof context.request === "string" ? context.request : context.request.url;
      const target = isUnder(url, SDK_ROOT) ? base + url.slice(SDK_ROOT.length) : url;
      context.response = await send(target, { ...(context.options as RequestInit), signal: AbortSignal.timeout(timeoutMs) });
    },
  };
}
