// Covers Graph tokens in AUTH_MODE=entra through the real app, msal-node and a fake Entra ID: on-behalf-of tokens for
// setup calls, cached app-only tokens for syncs (manual and scheduled), consent or token failures as 403 / 502, and
// Conditional Access claims challenges as 401 INTERACTION_REQUIRED.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueSyncs } from "../../api/src/features/sync/scheduler";
import { writeSetup } from "../../api/src/features/setup/setup.repository";
import { ZSetupInput } from "../../api/src/features/setup/setup.schema";
import { capturingLogger, entraClaims, entraEnv, entraToken, signEntraToken, startEntraKeys, TEST_CLIENT_ID, TEST_CLIENT_SECRET, type EntraKeys } from "../factories/entraIdentity";
import { createFakeEntra, MFA_CLAIMS } from "../factories/fakeEntra";
import { client } from "../factories/http";
import { startTestServer, type TestServer } from "../factories/testServer";

const AUTHORITY_HOST = "https://login.entra.test";
const TENANT = "2c1b0a9f-8e7d-4c6b-9a5f-4e3d2c1b0a9f";
const NO_CONSENT_TENANT = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d";
const BAD_SECRET_TENANT = "d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a";
const NO_CLIENT_INFO_TENANT = "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e";
const MFA_TENANT = "4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8";
const ADMIN = "5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c";
const BUSINESS = "ContosoPhysio@contoso.onmicrosoft.com";
const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

describe("Graph tokens (AUTH_MODE=entra)", () => {
  let keys: EntraKeys;
  let server: TestServer;
  const fake = createFakeEntra({ authorityHost: AUTHORITY_HOST, clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET });
  const logs = capturingLogger();
  // Every request the API sent to the Graph emulator, with its Authorization header.
  const graphCalls: { url: string; authorization: string | null }[] = [];
  const graphFetch: typeof fetch = (input, init) => {
    graphCalls.push({ url: String(input), authorization: new Headers(init?.headers).get("authorization") });
    return fetch(input, init);
  };
  const adminToken = (tenantId: string) => entraToken(keys, { tenantId, userId: ADMIN, authorityHost: AUTHORITY_HOST });
  const requestsFor = (tenantId: string, grantType: string) => fake.tokenRequests.filter((r) => r.tenantId === tenantId && r.grantType === grantType);

  beforeAll(async () => {
    keys = await startEntraKeys();
    fake.setTenant(NO_CONSENT_TENANT, "consent-required");
    fake.setTenant(BAD_SECRET_TENANT, "invalid-client");
    fake.setTenant(NO_CLIENT_INFO_TENANT, "ok-without-client-info");
    fake.setTenant(MFA_TENANT, "mfa-required");
    server = await startTestServer({
      demo: false,
      env: entraEnv(keys, { ENTRA_AUTHORITY_HOST: AUTHORITY_HOST }),
      overrides: { entraNetwork: fake.network, graphFetch, logger: logs.logger },
    });
  });
  afterAll(async () => {
    await server?.close();
    await keys?.close();
  });

  it("lists businesses on behalf of the admin: OBO with their token as assertion, Graph called with the OBO token", async () => {
    const token = await adminToken(TENANT);
    const res = await client(server.url, token).get("/api/businesses");
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ id: BUSINESS, displayName: "Contoso Physio" }]);

    const obo = requestsFor(TENANT, JWT_BEARER);
    expect(obo).toHaveLength(1);
    expect(obo[0]).toMatchObject({ clientId: TEST_CLIENT_ID, clientSecretMatches: true, assertion: token, requestedTokenUse: "on_behalf_of" });
    expect(obo[0]!.scope?.split(" ")).toContain("https://graph.microsoft.com/.default");
    const listCall = graphCalls.find((c) => c.url.endsWith("/v1.0/solutions/bookingBusinesses"));
    expect(listCall?.authorization).toBe(`Bearer ${obo[0]!.issued}`);
    expect(graphCalls.some((c) => c.authorization?.includes(token))).toBe(false); // the user's own token never goes to Graph
    expect(fake.unexpected).toEqual([]);

    // msal caches the OBO token per assertion: the same caller again needs no new token request.
    expect((await client(server.url, token).get("/api/businesses")).status).toBe(200);
    expect(requestsFor(TENANT, JWT_BEARER)).toHaveLength(1);
  });

  it("saves setup after checking the business on behalf of the admin, recording the admin (oid) as the editor", async () => {
    const token = await adminToken(TENANT);
    const res = await client(server.url, token).put("/api/setup", { businessId: BUSINESS });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ businessId: BUSINESS, businessName: "Contoso Physio", currency: "EUR" });
    const { rows } = await server.api.ctx.db.query<{ updated_by: string }>("SELECT updated_by FROM tenant_setup WHERE tenant_id = $1", [TENANT]);
    expect(rows).toEqual([{ updated_by: ADMIN }]);
    const getBusiness = graphCalls.filter((c) => c.url.endsWith(`/bookingBusinesses/${encodeURIComponent(BUSINESS)}`));
    expect(getBusiness.at(-1)?.authorization).toBe(`Bearer ${requestsFor(TENANT, JWT_BEARER).at(-1)!.issued}`);
  });

  it("syncs with an app-only token for the tenant, fetched once and then served from msal's cache", async () => {
    const admin = client(server.url, await adminToken(TENANT));
    const before = graphCalls.length;
    const first = await admin.post("/api/sync");
    expect(first.status).toBe(200);
    expect(first.body.status).toBe("succeeded");
    expect(first.body.counts["appointments.read"]).toBeGreaterThan(0);

    const appOnly = requestsFor(TENANT, "client_credentials");
    expect(appOnly).toHaveLength(1);
    expect(appOnly[0]).toMatchObject({ clientId: TEST_CLIENT_ID, clientSecretMatches: true, assertion: null });
    expect(appOnly[0]!.scope?.split(" ")).toContain("https://graph.microsoft.com/.default");
    const syncCalls = graphCalls.slice(before);
    expect(syncCalls.length).toBeGreaterThan(5);
    expect(new Set(syncCalls.map((c) => c.authorization))).toEqual(new Set([`Bearer ${appOnly[0]!.issued}`]));

    // A second manual sync and a scheduled one (two hours on, so it is due) reuse the cached token.
    const afterFirst = graphCalls.length;
    expect((await admin.post("/api/sync")).body.status).toBe("succeeded");
    const later = new Date(Date.now() + 2 * 3600_000);
    const scheduled = await runDueSyncs({ db: server.api.ctx.db, graphFor: server.api.ctx.graphFor, now: () => later });
    expect(scheduled.map((r) => [r.trigger, r.status])).toEqual([["schedule", "succeeded"]]);
    expect(requestsFor(TENANT, "client_credentials")).toHaveLength(1);
    expect(new Set(graphCalls.slice(afterFirst).map((c) => c.authorization))).toEqual(new Set([`Bearer ${appOnly[0]!.issued}`]));
  });

  it("never hands the admin's delegated token to a sync, even when Entra's OBO answer has no client_info", async () => {
    const admin = client(server.url, await adminToken(NO_CLIENT_INFO_TENANT));
    expect((await admin.put("/api/setup", { businessId: BUSINESS })).status).toBe(200);
    const oboToken = requestsFor(NO_CLIENT_INFO_TENANT, JWT_BEARER)[0]!.issued;
    const before = graphCalls.length;
    expect((await admin.post("/api/sync")).body.status).toBe("succeeded");
    const appToken = requestsFor(NO_CLIENT_INFO_TENANT, "client_credentials")[0]?.issued;
    expect(appToken).toMatch(/^fake-graph-app-token-/);
    expect(new Set(graphCalls.slice(before).map((c) => c.authorization))).toEqual(new Set([`Bearer ${appToken}`]));
    expect(oboToken).not.toBe(appToken);
  });

  it("answers 403 CONSENT_REQUIRED when Entra ID says consent is missing, on GET /api/businesses and POST /api/sync", async () => {
    const admin = client(server.url, await adminToken(NO_CONSENT_TENANT));
    const before = graphCalls.length;
    const list = await admin.get("/api/businesses");
    expect(list.status).toBe(403);
    expect(list.body.error).toMatchObject({
      code: "CONSENT_REQUIRED",
      adminConsentUrl: `${AUTHORITY_HOST}/${NO_CONSENT_TENANT}/adminconsent?client_id=${TEST_CLIENT_ID}`,
    });
    expect(list.body.error.message).toMatch(/administrator of your organization must grant this app consent/);
    expect(list.body.error.message).toMatch(/invalid_grant, AADSTS65001/);

    // The sync needs a setup first; it is written directly, as the OBO check would refuse it.
    await writeSetup(server.api.ctx.db, NO_CONSENT_TENANT, ZSetupInput.parse({ businessId: BUSINESS }), { name: null, currency: "EUR" }, ADMIN);
    const sync = await admin.post("/api/sync");
    expect(sync.status).toBe(403);
    expect(sync.body.error.code).toBe("CONSENT_REQUIRED");
    expect(sync.body.error.message).toMatch(/unauthorized_client, AADSTS700016/);
    // The run is recorded as failed, with the reason, and Graph was never called without a token.
    const runs = await admin.get("/api/sync/runs");
    expect(runs.body[0]).toMatchObject({ trigger: "manual", status: "failed" });
    expect(runs.body[0].errors[0].message).toMatch(/must grant this app consent/);
    expect(runs.body[0].errors[0]).toMatchObject({ kind: "run", code: "consentRequired" });
    expect(graphCalls.length).toBe(before);
    expect(requestsFor(NO_CONSENT_TENANT, JWT_BEARER)).toHaveLength(1);
    expect(requestsFor(NO_CONSENT_TENANT, "client_credentials")).toHaveLength(1);
  });

  it("answers 403 CONSENT_REQUIRED when Graph refuses the app-only token (no application permission)", async () => {
    const admin = client(server.url, await adminToken(TENANT));
    server.emulator.controls.setFaults([{ match: "bookingBusinesses", kind: "403" }]);
    try {
      const res = await admin.post("/api/sync");
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("CONSENT_REQUIRED");
      expect(res.body.error.message).toMatch(/Microsoft Graph answered 403 ErrorAccessDenied/);
      // A delegated 403 is about the user, not the app's consent: it stays a Graph error.
      const list = await admin.get("/api/businesses");
      expect(list.status).toBe(502);
      expect(list.body.error).toMatchObject({ code: "GRAPH_ERROR", graphStatus: 403 });
    } finally {
      server.emulator.controls.clearFaults();
    }
  });

  it("answers 401 INTERACTION_REQUIRED with Entra's claims when Conditional Access asks for MFA, then serves the MFA'd token", async () => {
    const before = graphCalls.length;
    const first = await client(server.url, await adminToken(MFA_TENANT)).get("/api/businesses");
    expect(first.status).toBe(401);
    expect(first.body.error).toEqual({
      code: "INTERACTION_REQUIRED",
      message: expect.stringMatching(/requires you to sign in again .*\(Microsoft Entra ID answered interaction_required, AADSTS50076\)\.$/),
      claims: MFA_CLAIMS,
    });
    expect(JSON.parse(first.body.error.claims)).toEqual({ access_token: { capolids: { essential: true, values: ["c4a1f2e3-5b6d-4e7f-8a9b-0c1d2e3f4a5b"] } } });
    expect(graphCalls.length).toBe(before);

    // The tab asks Teams for a new token with those claims; after MFA its `amr` says so and Entra issues the OBO token.
    const mfaToken = await signEntraToken(keys, { ...entraClaims({ tenantId: MFA_TENANT, userId: ADMIN, authorityHost: AUTHORITY_HOST }), amr: ["pwd", "mfa"] });
    const second = await client(server.url, mfaToken).get("/api/businesses");
    expect(second.status).toBe(200);
    expect(second.body).toEqual([{ id: BUSINESS, displayName: "Contoso Physio" }]);
    const obo = requestsFor(MFA_TENANT, JWT_BEARER);
    expect(obo.map((r) => [r.assertion === mfaToken, r.issued === null])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(graphCalls.at(-1)?.authorization).toBe(`Bearer ${obo[1]!.issued}`);
  });

  it("answers other token failures with 502 GRAPH_ERROR naming Entra's error", async () => {
    const res = await client(server.url, await adminToken(BAD_SECRET_TENANT)).get("/api/businesses");
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe("GRAPH_ERROR");
    expect(res.body.error.message).toMatch(/^Could not get an on-behalf-of Microsoft Graph token from Microsoft Entra ID \(invalid_client, AADSTS7000215; correlation id [0-9a-f-]{36}\)\.$/);
  });

  it("posts webhooks to public addresses only: a test card to this machine is refused before any request", async () => {
    let received = 0;
    const receiver = http.createServer((_req, res) => void (received++, res.end()));
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const { port } = receiver.address() as AddressInfo;
    const admin = client(server.url, await adminToken(TENANT));
    for (const webhookUrl of [`http://127.0.0.1:${port}/hook`, `http://localhost:${port}/hook`]) {
      const res = await admin.post("/api/notifications/test", { webhookUrl });
      expect(res.status, webhookUrl).toBe(502);
      expect(res.body.error.code).toBe("NOTIFICATION_FAILED");
      expect(res.body.error.message).toMatch(/loopback or private network address/);
    }
    expect(received).toBe(0);
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it("never writes a user token, Graph token or the client secret to the log", async () => {
    await new Promise((r) => setTimeout(r, 50));
    const text = logs.text();
    expect(text).toMatch(/"statusCode":403/);
    const secrets = [TEST_CLIENT_SECRET, ...fake.tokenRequests.flatMap((r) => [r.issued, r.assertion])].filter((s): s is string => !!s);
    expect(secrets.length).toBeGreaterThan(5);
    const parts = secrets.flatMap((s) => s.split(".")).filter((p) => p.length > 20);
    expect(parts.filter((p) => text.includes(p))).toEqual([]);
  });
});
