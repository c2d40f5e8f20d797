// Covers robustness against malformed input: over 5,000 seeded, generated bad requests to every OpenAPI route and to
// unknown paths never get a 5xx, every /api 4xx is the { error: { code, message } } envelope, and the server and
// an untouched tenant's data survive. Replay a failure with FUZZ_SEED=<seed>.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { buildFuzzPlan, operationsOf } from "../factories/fuzzPlan";
import type { FuzzContext, FuzzRequest } from "../factories/fuzzRequests";
import { OTHER_BUSINESS_ID, seedInvoices, setUpTenant, snapshotOf, startTenantPair, type SeededTenant } from "../factories/tenantPair";
import { startTestServer, type TestServer } from "../factories/testServer";

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const REQUESTS = 5_200;
const CONCURRENCY = 8;

interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
  error?: string;
}

function send(agent: http.Agent, base: URL, r: FuzzRequest): Promise<Answer> {
  return new Promise((resolve) => {
    const headers = r.body ? { ...r.headers, "content-length": String(r.body.length) } : r.headers;
    let req: http.ClientRequest;
    try {
      req = http.request({ host: base.hostname, port: base.port, method: r.method, path: r.path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks) }));
        res.on("error", (err) => resolve({ status: 0, contentType: "", body: Buffer.alloc(0), error: String(err) }));
      });
    } catch (err) {
      // The generator made a request no HTTP client can send: a bug of this test, reported like a dropped answer.
      return resolve({ status: 0, contentType: "", body: Buffer.alloc(0), error: `not sendable: ${String(err)}` });
    }
    req.on("error", (err) => resolve({ status: 0, contentType: "", body: Buffer.alloc(0), error: String(err) }));
    req.end(r.body);
  });
}

/** The request and answer in full (long values cut at 10 KB, with their length), for a failure message. */
function describeExchange(r: FuzzRequest, a: Answer): string {
  const cut = (s: string) => (s.length > 10_000 ? `${s.slice(0, 10_000)}… (${s.length} chars)` : s);
  return [
    `seed ${SEED}, generator "${r.kind}", route ${r.route}`,
    `${r.method} ${cut(r.path)}`,
    ...Object.entries(r.headers).map(([k, v]) => `${k}: ${cut(v)}`),
    r.body ? `body (${r.body.length} bytes): ${cut(r.body.toString("utf8"))}` : "no body",
    `→ ${a.status} ${a.contentType} ${a.error ?? cut(a.body.toString("utf8"))}`,
  ].join("\n");
}

/** What is wrong with an answer, or null: no 5xx, no dropped connection, and /api 4xx answers in the error envelope. */
function problemWith(r: FuzzRequest, a: Answer): string | null {
  if (a.status === 0) return "no answer";
  if (a.status >= 500) return "5xx";
  if (a.status < 400 || r.method === "HEAD" || (!r.path.startsWith("/api") && a.status === 404)) return null;
  if (!a.contentType.startsWith("application/json")) return "4xx not JSON";
  let body: any;
  try {
    body = JSON.parse(a.body.toString("utf8"));
  } catch {
    return "4xx body does not parse";
  }
  const e = body?.error;
  const ok = typeof e?.code === "string" && /^[A-Z_]+$/.test(e.code) && typeof e.message === "string" && e.message.length > 0;
  return ok ? null : "4xx without { error: { code, message } }";
}

async function runAll(plan: FuzzRequest[], base: URL): Promise<{ request: FuzzRequest; answer: Answer; problem: string }[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const found: { index: number; request: FuzzRequest; answer: Answer; problem: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const index = next++;
      const answer = await send(agent, base, plan[index]!);
      const problem = problemWith(plan[index]!, answer);
      if (problem) found.push({ index, request: plan[index]!, answer, problem });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  return found.sort((x, y) => x.index - y.index);
}

async function contextOf(server: TestServer, fuzzed: SeededTenant, kept: SeededTenant): Promise<FuzzContext> {
  const lines = async (t: SeededTenant) => (await t.api.get(`/api/invoices/${t.draftIds[0]}`)).body.lines.map((l: any) => l.id);
  const open = (await fuzzed.api.get("/api/bookings/uninvoiced?limit=20")).body.items;
  return {
    token: await server.token({ tenantId: fuzzed.tenantId }),
    userToken: await server.token({ tenantId: fuzzed.tenantId, admin: false }),
    foreignToken: await server.token({ tenantId: "fuzz-tenant-without-setup" }),
    invoiceIds: [...fuzzed.draftIds.slice(1), fuzzed.finalId, ...kept.draftIds, kept.finalId],
    editableId: fuzzed.draftIds[0]!,
    lineIds: [...(await lines(fuzzed)), ...(await lines(kept))],
    bookingIds: [...open.map((b: any) => b.id), ...fuzzed.invoicedBookingIds, ...kept.invoicedBookingIds, kept.open.bookingId],
    customerIds: [...fuzzed.customerIds.slice(0, 5), ...kept.customerIds.slice(0, 2)],
    attendees: [...open.map((b: any) => b.customers[0]?.attendee ?? "x"), kept.open.attendee],
    serviceIds: [...fuzzed.serviceIds, ...kept.serviceIds.slice(0, 1)],
    businessId: OTHER_BUSINESS_ID,
  };
}

describe("fuzzing every route with malformed requests", () => {
  let server: TestServer;
  let kept: SeededTenant;
  let fuzzed: SeededTenant;
  let before: Record<string, string>;
  let plan: FuzzRequest[];
  let problems: Awaited<ReturnType<typeof runAll>>;

  beforeAll(async () => {
    server = await startTestServer({ store: "pglite" });
    const frozen = new Date(); // the kept tenant's "uninvoiced" list must not move while the fuzzer runs
    server.api.ctx.now = () => new Date(frozen);
    ({ a: kept, b: fuzzed } = await startTenantPair(server));
    before = await snapshotOf(server, kept);
    const doc = (await kept.api.get("/api/openapi.json")).body;
    plan = buildFuzzPlan(operationsOf(doc), await contextOf(server, fuzzed, kept), SEED, REQUESTS);
    problems = await runAll(plan, new URL(server.url));
  }, 180_000);
  afterAll(() => server?.close());

  it(`sends at least ${REQUESTS} requests reaching every operation of the OpenAPI document and unknown paths`, async () => {
    const doc = (await kept.api.get("/api/openapi.json")).body;
    const routes = new Set(plan.map((r) => r.route));
    expect(plan.length).toBeGreaterThanOrEqual(5_000);
    expect(operationsOf(doc).map((op) => `${op.method} ${op.path}`).filter((route) => !routes.has(route))).toEqual([]);
    expect(routes.has("unknown")).toBe(true);
    expect(new Set(plan.map((r) => r.kind))).toEqual(new Set(["body", "bad-json", "content-type", "huge", "query", "id", "auth", "idempotency", "method", "unknown-path"]));
  });

  it("never answers with a 5xx or drops the connection", () => {
    const severe = problems.filter((p) => p.problem === "5xx" || p.problem === "no answer");
    expect(severe.length, severe[0] ? `${severe.length} failures; first:\n${describeExchange(severe[0].request, severe[0].answer)}` : "").toBe(0);
  });

  it("answers every /api 4xx with the { error: { code, message } } envelope", () => {
    const bad = problems.filter((p) => p.problem.startsWith("4xx"));
    expect(bad.length, bad[0] ? `${bad.length} failures (${bad[0].problem}); first:\n${describeExchange(bad[0].request, bad[0].answer)}` : "").toBe(0);
  });

  it("still answers /api/health and valid requests afterwards", async () => {
    expect((await client(server.url).get("/api/health")).body).toEqual({ ok: true });
    const list = await fuzzed.api.get("/api/invoices?limit=5");
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body.items)).toBe(true);
    const preview = await kept.api.post("/api/invoices/preview", { bookingIds: [kept.open.bookingId] });
    expect(preview.status).toBe(200);
    expect(preview.body.invoices[0].lines.map((l: any) => l.bookingId)).toEqual([kept.open.bookingId]);
  });

  it("leaves the data of a tenant the fuzzer never signed in as byte-for-byte unchanged", async () => {
    const after = await snapshotOf(server, kept);
    for (const path of Object.keys(before)) expect(after[path], path).toBe(before[path]);
  });

  // Requests that once answered 500 (found by this fuzzer); each now gets a 400/404 that says what is wrong.
  describe("regressions found by fuzzing", () => {
    let t: SeededTenant;
    let draft: any;
    beforeAll(async () => {
      await setUpTenant(server, "fuzz-regressions", OTHER_BUSINESS_ID);
      t = await seedInvoices(server, "fuzz-regressions");
      draft = (await t.api.get(`/api/invoices/${t.draftIds[0]}`)).body;
    });
    const cursor = (values: unknown) => Buffer.from(JSON.stringify(values)).toString("base64url");
    const cases: [string, string, (d: any) => unknown, number, RegExp][] = [
      ["GET", "/api/bookings/uninvoiced?customerId=%00", () => undefined, 400, /^customerId: text cannot contain NUL characters/],
      ["GET", `/api/bookings/uninvoiced?cursor=${cursor(["date", "not-a-date", "id"])}`, () => undefined, 400, /^cursor: not a cursor this API gave out/],
      ["GET", `/api/bookings/uninvoiced?sort=amount&cursor=${cursor(["amount", "abc", "id"])}`, () => undefined, 400, /^cursor: not a cursor/],
      ["GET", "/api/bookings/uninvoiced?from=0000-01-01", () => undefined, 400, /^from: use a date between the years 0001 and 9999/],
      ["GET", "/api/bookings/uninvoiced?from=0001-01-01T00:00:00%2B14:00", () => undefined, 400, /^from: use a date between/],
      ["GET", `/api/invoices?cursor=${cursor(["0000-01-01T00:00:00Z", "00000000-0000-4000-8000-000000000000"])}`, () => undefined, 400, /^cursor: not a cursor/],
      ["POST", "/api/invoices/preview", () => ({ filter: { from: "0000-01-01" } }), 400, /^filter\.from: use a date between/],
      ["PATCH", "/api/invoices/{draft}", () => ({ dueDate: "0000-01-01" }), 400, /^dueDate: use a year between 0001 and 9999$/],
      ["PATCH", "/api/invoices/{draft}", (d) => ({ lines: [{ id: d.lines[0].id, quantity: "9999999999999.9999", unitPrice: "9999999999999.9999" }] }), 400, /^lines\.0: quantity × unitPrice is too large/],
      ["PATCH", "/api/invoices/{draft}", () => ({ notes: "a\u0000b" }), 400, /^notes: text cannot contain NUL characters or unpaired surrogates\.$/],
      ["PATCH", "/api/invoices/{draft}", (d) => ({ lines: [{ id: d.lines[0].id, description: "broken \uD800" }] }), 400, /^lines\.0\.description: text cannot contain/],
      ["POST", "/api/bookings/%00/link-customer", (d) => ({ attendee: "x", customerId: d.customerId }), 404, /^No such booking attendee\.$/],
    ];
    it.each(cases)("%s %s → %i", async (method, path, body, status, message) => {
      const res = await t.api.send(method, path.replace("{draft}", draft.id), body(draft));
      expect([res.status, res.body.error.message]).toEqual([status, expect.stringMatching(message)]);
      expect((await t.api.get(`/api/invoices/${draft.id}`)).body).toEqual(draft);
    });
  });
});
