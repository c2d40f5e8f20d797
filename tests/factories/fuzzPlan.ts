// Builds the fuzz test's request list from the OpenAPI document: for each operation, requests with mutated bodies,
// bad JSON, wrong content types, huge payloads, hostile queries, ids and headers, and wrong methods; plus unknown paths.
import { Dice, HOSTILE_STRINGS, hostileFor, hostileQueryValue, hostileValue, mutate, pct, sampleOf, seededRandom, type FuzzContext, type FuzzRequest } from "./fuzzRequests";

/** One operation of the OpenAPI document. */
export interface Operation {
  method: string;
  /** Path template, e.g. /api/invoices/{id}. */
  path: string;
  queryNames: string[];
  bodySchema?: Record<string, any>;
}

/** Lists the document's operations with their query parameter names and (resolved) JSON body schema. */
export function operationsOf(doc: any): Operation[] {
  const resolve = (s: any): any => (s?.$ref ? resolve(doc.components.schemas[s.$ref.split("/").pop()]) : s);
  return Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      queryNames: (op.parameters ?? []).filter((p: any) => p.in === "query").map((p: any) => p.name),
      bodySchema: resolve(op.requestBody?.content?.["application/json"]?.schema),
    })),
  );
}

// Bodies that pass validation, so their mutations reach the use cases rather than only the schema.
function validBody(op: Operation, d: Dice, ctx: FuzzContext): unknown {
  const some = (ids: string[], n: number) => Array.from({ length: 1 + d.int(n) }, () => d.pick(ids));
  switch (`${op.method} ${op.path}`) {
    case "POST /api/dev/token":
      return { tenantId: "fuzz-tenant", userId: "fuzz-user", name: "Fuzz", roles: ["Invoicing.Admin"] };
    case "PUT /api/setup":
      return {
        businessId: ctx.businessId, syncCustomers: true, syncServices: true, backgroundSync: false, pricesIncludeTax: false, defaultGroupBy: "customer",
        customerTemplate: { currency: "EUR", paymentTermsDays: 14, taxRate: 21, language: "en" }, itemTemplate: { type: "service", unitOfMeasure: "hour" },
        syncIntervalMinutes: 60, lookbackDays: 90,
      };
    case "POST /api/bookings/{id}/link-customer":
      return { attendee: d.pick(ctx.attendees), customerId: d.pick(ctx.customerIds) };
    case "POST /api/invoices/preview":
    case "POST /api/invoices":
      return d.chance(0.5)
        ? { bookingIds: some(ctx.bookingIds, 4), groupBy: d.pick(["customer", "booking", "customerMonth"]), skipConflicts: d.chance(0.5) }
        : { filter: { from: "2026-01-01", to: "2026-12-31T00:00:00Z", customerId: d.pick(ctx.customerIds), serviceId: d.pick(ctx.serviceIds), q: "a", priceType: ["fixedPrice"], flag: "review" } };
    case "PATCH /api/invoices/{id}":
      return {
        dueDate: "2026-12-31", notes: "fuzz", removeLines: d.chance(0.3) ? [d.pick(ctx.lineIds)] : undefined,
        lines: [{ id: d.pick(ctx.lineIds), description: "d", quantity: d.pick(["1", "9999999999999.9999", "0.0001"]), unitPrice: d.pick(["10.00", "9999999999999.9999", "0"]) }],
      };
    default:
      return sampleOf(op.bodySchema, d, ctx) ?? {};
  }
}

const BAD_JSON = [
  "{", "}", "{\"a\":}", "[1,2", "'single'", "{\"a\":1}garbage", "\u0000", "null", "\"text\"", "123", "true", "NaN", "{\"a\":NaN}", "\uFEFF{}",
  "[".repeat(50_000) + "]".repeat(50_000), "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "{\"__proto__\":{\"admin\":true}}", "{\"a\":\"\\ud800\"}",
  "{\"a\":\"\\u0000\"}", "{\"a\":1,\"a\":2}", "{\"a\":1e99999}", "{\"a\":\"\\x41\"}",
];
const CONTENT_TYPES = [
  "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=latin1",
  "application/json; charset=koi8-r", "application/xml", "", "application/json, text/plain", "application/vnd.api+json", "APPLICATION/JSON", "*/*",
];
const ID_VARIANTS = ["not-a-uuid", "1", "%00", "%2F", "%E0%A4%A", "%ED%A0%80", "%F0%9F%98%80", "..", "%2e%2e", "null", "undefined", "-1", "%20", "a".repeat(8000), "%25", "00000000-0000-0000-0000-000000000000"];
const AUTH_VARIANTS = ["", "Bearer", "Bearer ", "Bearer a b", "Basic dXNlcjpwYXNz", "bearer x.y.z", "Bearer eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ4In0.", `Bearer ${"a".repeat(8000)}`];
const IDEMPOTENCY_KEYS = ["", " ", "a b", "x".repeat(201), "x".repeat(4000), "\u00e9\u00e8", "key\u00ff", "ok-key-1", "ok-key-1", "\t", "%00"];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "PROPFIND", "FOO"];

function pathOf(op: Operation, d: Dice, ctx: FuzzContext, hostileId: boolean): string {
  const editable = op.method === "PATCH" && d.chance(0.6);
  const id = hostileId ? d.pick(ID_VARIANTS) : editable ? ctx.editableId : pct(d.pick(op.path.includes("bookings") ? ctx.bookingIds : ctx.invoiceIds));
  return op.path.replace("{id}", id);
}

function queryOf(op: Operation, d: Dice, ctx: FuzzContext): string {
  const names = [...op.queryNames, "limit", "cursor", d.pick(["x", "limit[]", "__proto__", "😀", ""])];
  const parts: string[] = [];
  for (let i = 0, n = 1 + d.int(5); i < n; i++) {
    const name = d.pick(names);
    parts.push(`${pct(name)}=${hostileQueryValue(d, ctx, name)}`);
    if (d.chance(0.15)) parts.push(`${pct(name)}=${hostileQueryValue(d, ctx, name)}`); // repeated key → an array
  }
  return parts.join(d.chance(0.05) ? ";" : "&");
}

// Near-valid bodies: one field (possibly nested one level) replaced by a hostile value, the rest intact.
function mutateOneField(value: unknown, d: Dice, ctx: FuzzContext): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return hostileValue(d, ctx);
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(out);
  if (!keys.length) return { [d.pick(["x", "id"])]: hostileValue(d, ctx) };
  const key = d.pick(keys);
  const inner = out[key];
  if (Array.isArray(inner) && inner[0] && typeof inner[0] === "object" && d.chance(0.5)) out[key] = [mutateOneField(inner[0], d, ctx), ...inner.slice(1)];
  else if (inner && typeof inner === "object" && !Array.isArray(inner) && d.chance(0.5)) out[key] = mutateOneField(inner, d, ctx);
  else out[key] = hostileFor(key, d, ctx);
  return out;
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v) ?? "null");

/** One malformed request for an operation; `kind` says which generator made it. */
function requestFor(op: Operation, d: Dice, ctx: FuzzContext): FuzzRequest {
  const headers: Record<string, string> = { authorization: `Bearer ${ctx.token}` };
  const r: FuzzRequest = { route: `${op.method} ${op.path}`, method: op.method, path: pathOf(op, d, ctx, false), headers, kind: "" };
  const body = () => mutate(validBody(op, d, ctx), d, ctx);
  const roll = d.int(100);
  if (roll < 14) Object.assign(r, { kind: "body", body: json(body()) });
  else if (roll < 24) Object.assign(r, { kind: "body", body: json(mutateOneField(validBody(op, d, ctx), d, ctx)) });
  else if (roll < 30) Object.assign(r, { kind: "body", body: json(validBody(op, d, ctx)) });
  else if (roll < 38) Object.assign(r, { kind: "bad-json", body: Buffer.from(d.pick(BAD_JSON)) });
  else if (roll < 46) Object.assign(r, { kind: "content-type", body: json(validBody(op, d, ctx)), ct: d.pick(CONTENT_TYPES) });
  else if (roll < 50) Object.assign(r, { kind: "huge", body: json({ ...(validBody(op, d, ctx) as object), pad: d.chance(0.15) ? "y".repeat(1_100_000) : d.pick(HOSTILE_STRINGS.slice(-2)) }) });
  else if (roll < 66) Object.assign(r, { kind: "query", path: `${r.path}?${queryOf(op, d, ctx)}` });
  else if (roll < 76) Object.assign(r, { kind: "id", path: op.path.includes("{id}") ? pathOf(op, d, ctx, true) : `${r.path}/${d.pick(ID_VARIANTS)}` });
  else if (roll < 82) Object.assign(r, { kind: "auth", headers: d.chance(0.3) ? {} : { authorization: d.pick([...AUTH_VARIANTS, `Bearer ${ctx.userToken}`, `Bearer ${ctx.foreignToken}`]) }, body: json(validBody(op, d, ctx)) });
  else if (roll < 90) Object.assign(r, { kind: "idempotency", headers: { ...headers, "idempotency-key": d.pick(IDEMPOTENCY_KEYS) }, body: json(d.chance(0.5) ? validBody(op, d, ctx) : body()) });
  else Object.assign(r, { kind: "method", method: d.pick(METHODS.filter((m) => m !== op.method)), body: d.chance(0.5) ? json(body()) : undefined });
  const ct = (r as FuzzRequest & { ct?: string }).ct;
  delete (r as { ct?: string }).ct;
  if (r.body) r.headers = { ...r.headers, "content-type": ct ?? "application/json" };
  if (r.kind === "content-type" && ct === "application/x-www-form-urlencoded") r.body = Buffer.from("a=1&b[]=2&c[d]=3&bookingIds=x");
  if (r.kind === "content-type" && ct?.includes("utf-16")) r.body = Buffer.from(JSON.stringify(validBody(op, d, ctx)), "utf16le");
  if (d.chance(0.05)) r.headers = { ...r.headers, "x-request-id": d.pick(["a".repeat(5000), "\u00ff", ""]), accept: d.pick(["text/html", "application/xml", ""]) };
  return r;
}

const UNKNOWN_PATHS = [
  "/api/nope", "/api/invoices/x/y/z", "/api/INVOICES", "/api//invoices", "/api/invoices/", "/api/%", "/api/%ZZ", "/api/%F0%9F%98%80", "/api/invoices/..%2f..%2fhealth",
  `/api/${"a".repeat(8000)}`, "/api?x=1", "/api", "/api/", "/api/health/extra", "/api/dev/token/x", "/api/openapi.json.bak", "/api/../api/health", "/api/bookings",
  "/api/bookings/x", "/api/bookings/x/link-customer/y", "/api/sync/runs/1", "/api/setup/x", "/api/%00", "/api/invoices/export.csv/x", "/api/customers/1", "/api/items/1",
  // Outside /api (the tab's static files): no 5xx, but no JSON envelope is required there.
  "/", "/nope", "/%", "/..%2f..%2fetc%2fpasswd", "/index.html/x", "/assets/%00",
];

/** Requests for unknown paths (mostly under /api) with random methods, tokens and bodies. */
function unknownPathRequest(d: Dice, ctx: FuzzContext): FuzzRequest {
  const body = d.chance(0.4) ? json(hostileValue(d, ctx)) : undefined;
  const headers: Record<string, string> = d.chance(0.8) ? { authorization: `Bearer ${ctx.token}` } : {};
  return { route: "unknown", kind: "unknown-path", method: d.pick(METHODS), path: d.pick(UNKNOWN_PATHS), headers: body ? { ...headers, "content-type": "application/json" } : headers, body };
}

/** The whole deterministic plan: `count` requests over every operation (sync rarely: each one is a real sync run). */
export function buildFuzzPlan(ops: Operation[], ctx: FuzzContext, seed: number, count: number): FuzzRequest[] {
  const d = new Dice(seededRandom(seed));
  const weighted = ops.flatMap((op) => Array.from({ length: op.path === "/api/sync" && op.method === "POST" ? 1 : 40 }, () => op));
  return Array.from({ length: count }, () => (d.chance(0.1) ? unknownPathRequest(d, ctx) : requestFor(d.pick(weighted), d, ctx)));
}
