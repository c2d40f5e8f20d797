// Covers the API's hardening: framing headers for Teams, rate limits per IP and per tenant (429 + headers), body size
// and media type (413, 415), request ids, and logs that never contain tokens, secrets or webhook URLs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { DEFAULT_RATE_LIMITS, loadConfig } from "../../api/src/config";
import { createLogger } from "../../api/src/shared/logger";
import { client } from "../factories/http";
import { startTestServer, type TestServer } from "../factories/testServer";

// One server for headers, bodies and logs; its logger captures every line, so the log test also sees the other requests.
const lines: string[] = [];
const logger = createLogger("trace", { write: (line: string) => void lines.push(line) });
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: false, overrides: { logger } });
});
afterAll(() => server?.close());

describe("security headers", () => {
  it("lets Teams, Microsoft 365, Office and Outlook frame the app, with CSP frame-ancestors and no X-Frame-Options", async () => {
    const res = await fetch(`${server.url}/api/health`);
    const csp = res.headers.get("content-security-policy") ?? "";
    const frameAncestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(" ");
    expect(frameAncestors).toEqual(
      expect.arrayContaining([
        "'self'",
        "https://teams.microsoft.com",
        "https://*.teams.microsoft.com",
        "https://*.cloud.microsoft",
        "https://*.microsoft365.com",
        "https://*.office.com",
        "https://outlook.office.com",
        "https://outlook.office365.com",
      ]),
    );
    expect(res.headers.get("x-frame-options")).toBeNull();
    expect(res.headers.get("x-powered-by")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("rate limits", () => {
  it("reads RATE_LIMIT_PER_IP / RATE_LIMIT_PER_TENANT (0 turns a limit off) with generous defaults", () => {
    expect(loadConfig({}).rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(DEFAULT_RATE_LIMITS).toEqual({ perIpPerMinute: 600, perTenantPerMinute: 1200 });
    expect(loadConfig({ RATE_LIMIT_PER_IP: "0", RATE_LIMIT_PER_TENANT: "50" }).rateLimits).toEqual({ perIpPerMinute: 0, perTenantPerMinute: 50 });
    expect(() => loadConfig({ RATE_LIMIT_PER_IP: "-1" })).toThrow(/RATE_LIMIT_PER_IP/);
  });

  describe("per client IP, before sign-in", () => {
    let server: TestServer; // its own server, with low limits
    beforeAll(async () => {
      server = await startTestServer({ demo: false, env: { RATE_LIMIT_PER_IP: "5", TRUST_PROXY: "1" } });
    });
    afterAll(() => server?.close());

    it("answers the 6th request of a minute with 429 RATE_LIMITED, Retry-After and RateLimit headers; /api/health stays open", async () => {
      const anonymous = client(server.url);
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await anonymous.get("/api/setup")).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401]); // unauthenticated requests count too
      const limited = await anonymous.get("/api/setup");
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.body).toEqual({
        error: { code: "RATE_LIMITED", message: `Too many requests from this address: at most 5 a minute. Try again in ${retryAfter} s.`, retryAfterSeconds: retryAfter },
      });
      expect(limited.headers.get("ratelimit")).toMatch(/^"ip"; r=0; t=\d+$/);
      expect(limited.headers.get("ratelimit-policy")).toMatch(/^"ip"; q=5; w=60; pk=:[^:]+:$/);
      expect((await anonymous.get("/api/health")).status).toBe(200);
    });

    it("behind the trusted proxy hop, counts each client of X-Forwarded-For separately, whatever its source port", async () => {
      const viaProxy = (ip: string) => client(server.url).get("/api/setup", { "x-forwarded-for": ip });
      const statuses = [];
      for (let port = 50_001; port <= 50_005; port++) statuses.push((await viaProxy(`203.0.113.7:${port}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      expect((await viaProxy("203.0.113.7")).status).toBe(429);
      expect((await viaProxy("203.0.113.8")).status).toBe(401);
      expect((await viaProxy("[2001:db8::1]:50001")).status).toBe(401);
    });
  });

  describe("per tenant, after sign-in", () => {
    let server: TestServer; // its own server, with low limits
    beforeAll(async () => {
      server = await startTestServer({ demo: false, env: { RATE_LIMIT_PER_TENANT: "3" } });
    });
    afterAll(() => server?.close());

    it("limits one tenant without slowing another one on the same address", async () => {
      const a = client(server.url, await server.token({ tenantId: "tenant-a" }));
      const b = client(server.url, await server.token({ tenantId: "tenant-b" }));
      const first = [];
      for (let i = 0; i < 3; i++) first.push((await a.get("/api/setup")).status);
      expect(first).toEqual([404, 404, 404]); // NOT_CONFIGURED: answered, and counted
      const limited = await a.get("/api/setup");
      expect(limited.status).toBe(429);
      expect(limited.body.error).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/^Too many requests for this organization: at most 3 a minute\./) });
      expect(limited.headers.get("ratelimit")).toMatch(/"tenant"; r=0; t=\d+$/);
      expect((await b.get("/api/setup")).status).toBe(404);
    });
  });
});

describe("request bodies", () => {
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    api = client(server.url, await server.token());
  });

  it("answers a JSON body over 1 MB with 413 PAYLOAD_TOO_LARGE", async () => {
    const huge = JSON.stringify({ bookingIds: Array.from({ length: 40_000 }, (_, i) => `booking-${i}-${"x".repeat(20)}`) });
    expect(huge.length).toBeGreaterThan(1024 * 1024);
    const res = await api.post("/api/invoices/preview", huge);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "The request body is too large." } });
  });

  it("answers a body that is not JSON with 415 UNSUPPORTED_MEDIA_TYPE, naming the Content-Type", async () => {
    const text = await api.send("PUT", "/api/setup", "businessId=contoso", { "content-type": "text/plain" });
    expect(text.status).toBe(415);
    expect(text.body).toEqual({
      error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the request body as JSON with Content-Type: application/json (got Content-Type text/plain)." },
    });
    const form = await api.send("POST", "/api/invoices/preview", "groupBy=customer", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("still accepts body-less POSTs and reports malformed JSON as 400", async () => {
    const bare = await fetch(`${server.url}/api/sync`, { method: "POST", headers: { authorization: `Bearer ${await server.token()}` } });
    // Not refused as a media type: it reaches the route, which answers that no business is set up yet.
    expect(bare.status).toBe(404);
    expect(((await bare.json()) as { error: { code: string } }).error.code).toBe("NOT_CONFIGURED");
    const malformed = await api.send("PUT", "/api/setup", "{not json");
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: { code: "BAD_REQUEST", message: "The request body is not valid JSON." } });
  });
});

describe("logs", () => {
  const WEBHOOK_SIG = "Zx9SigSecretValue0123456789abcdef";
  const WEBHOOK = `https://prod-27.westeurope.logic.azure.com:443/workflows/0123abcd/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${WEBHOOK_SIG}`;
  const QUERY_TOKEN = "QueryTokenSecret42";
  const COOKIE = "CookieSessionSecret42";
  const EASY_AUTH = "EasyAuthTokenSecret42";
  const CLIENT_SECRET = "ClientSecretValue42~x";
  let token: string;
  beforeAll(async () => {
    token = await server.token({ userId: "log-test-user" });
  });

  it("carry request ids and the request, but no token, cookie, secret or webhook URL", async () => {
    const headers = { authorization: `Bearer ${token}`, cookie: `session=${COOKIE}`, "x-ms-token-aad-access-token": EASY_AUTH, "x-request-id": "req-hardening-1" };
    const get = await fetch(`${server.url}/api/setup?token=${QUERY_TOKEN}`, { headers });
    expect(get.headers.get("x-request-id")).toBe("req-hardening-1");
    const put = await fetch(`${server.url}/api/setup`, {
      method: "PUT",
      headers: { ...headers, "content-type": "application/json", "x-request-id": "req-hardening-2" },
      body: JSON.stringify({ businessId: DEMO_BUSINESS_ID, clientSecret: CLIENT_SECRET, notifications: { webhookUrl: WEBHOOK } }),
    });
    expect(put.status).toBe(200);
    expect(((await put.json()) as { businessId: string }).businessId).toBe(DEMO_BUSINESS_ID);
    const bad = await fetch(`${server.url}/api/invoices?access_token=${QUERY_TOKEN}`, { headers: { authorization: `Bearer ${token}x` } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    // What features might log by mistake is scrubbed as well.
    logger.info({ setup: { notifications: { webhookUrl: WEBHOOK } }, clientSecret: CLIENT_SECRET, graph: { token } }, "setup saved");
    logger.error({ err: new Error(`POST ${WEBHOOK} failed`) }, "webhook delivery failed");
    logger.warn(`calling Graph with Authorization: Bearer ${token}`);

    const text = lines.join("");
    for (const secret of [token, QUERY_TOKEN, COOKIE, EASY_AUTH, CLIENT_SECRET, WEBHOOK, WEBHOOK_SIG]) expect(text, secret.slice(0, 20)).not.toContain(secret);

    const entries = lines.map((l) => JSON.parse(l) as { msg: string; req?: { id: string; method: string; url: string; headers: Record<string, string> }; res?: { statusCode: number } });
    const completed = entries.filter((e) => e.msg === "request completed");
    const first = completed.find((e) => e.req?.id === "req-hardening-1");
    expect(first?.req).toMatchObject({ method: "GET", url: "/api/setup?token=[redacted]" });
    expect(Object.keys(first?.req?.headers ?? {}).sort()).toEqual(["accept", "host", "user-agent"]);
    expect(completed.find((e) => e.req?.id === "req-hardening-2")?.req?.headers["content-type"]).toBe("application/json");
    expect(completed.find((e) => e.req?.url === "/api/invoices?access_token=[redacted]")?.res?.statusCode).toBe(401);
    expect(text).toContain('"webhookUrl":"[redacted]"');
    expect(text).toContain("sig=[redacted]");
  });
});
