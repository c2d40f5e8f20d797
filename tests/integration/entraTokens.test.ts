// Covers AUTH_MODE=entra token validation through the real app: v1 and v2 Entra ID access tokens checked against a
// key set served over HTTP (ENTRA_JWKS_URL), every way a token can be wrong (401), the admin role (403), and no token in the logs.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPair, SignJWT, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSetup } from "../../api/src/features/setup/setup.repository";
import { ZSetupInput } from "../../api/src/features/setup/setup.schema";
import { createTokenVerifier } from "../../api/src/features/auth/tokenVerifier";
import { capturingLogger, entraClaims, entraEnv, entraToken, signEntraToken, startEntraKeys, TEST_APP_ID_URI, TEST_CLIENT_ID, type EntraKeys } from "../factories/entraIdentity";
import { client } from "../factories/http";
import { startTestServer, type TestServer } from "../factories/testServer";

const TENANT = "0b6a2f4e-8c1d-4e7a-9f3b-2d5c6e7f8a91";
const OTHER_TENANT = "c4d5e6f7-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
const USER = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
const BUSINESS = "ContosoPhysio@contoso.onmicrosoft.com";

describe("Entra ID tokens (AUTH_MODE=entra)", () => {
  let keys: EntraKeys;
  let server: TestServer;
  const logs = capturingLogger();
  const tokensSeen: string[] = [];
  const call = (token: string) => {
    tokensSeen.push(token);
    return client(server.url, token);
  };

  beforeAll(async () => {
    keys = await startEntraKeys();
    server = await startTestServer({
      demo: false,
      env: entraEnv(keys),
      overrides: { logger: logs.logger },
    });
    // Only TENANT has a setup, so GET /api/setup tells which tenant the app took from the token.
    await writeSetup(server.api.ctx.db, TENANT, ZSetupInput.parse({ businessId: BUSINESS }), { name: "Contoso Physio", currency: "EUR" }, USER);
  });
  afterAll(async () => {
    await server?.close();
    await keys?.close();
  });

  const user = { tenantId: TENANT, userId: USER, name: "Ann Admin" };
  const bad = (overrides: JWTPayload, drop: string[] = []) => {
    const claims: JWTPayload = { ...entraClaims(user), ...overrides };
    for (const name of drop) delete claims[name];
    return signEntraToken(keys, claims);
  };

  it.each(["v2", "v1"] as const)("accepts a valid %s token and scopes the request to its tid and oid", async (version) => {
    const token = await entraToken(keys, { ...user, version });
    const res = await call(token).get("/api/setup");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ businessId: BUSINESS, businessName: "Contoso Physio", currency: "EUR" });
    // The same verifier createApp uses, configured from ENTRA_JWKS_URL by startApi.
    // The sign-in address (v2 preferred_username, v1 upn) is where a test e-mail goes.
    await expect(server.api.ctx.verifyToken(token)).resolves.toEqual({ tenantId: TENANT, userId: USER, name: "Ann Admin", email: "ann@contoso.example", roles: ["Invoicing.Admin"] });
    expect(keys.fetches()).toBeGreaterThanOrEqual(1);
  });

  it("takes the tenant from tid: another tenant's valid token sees no setup", async () => {
    const res = await call(await entraToken(keys, { tenantId: OTHER_TENANT, userId: USER })).get("/api/setup");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("NOT_CONFIGURED");
  });

  it("tolerates a little clock skew: a token that expired 30 seconds ago still passes", async () => {
    const now = Math.floor(Date.now() / 1000);
    const res = await call(await bad({ iat: now - 3600, nbf: now - 3600, exp: now - 30 })).get("/api/setup");
    expect(res.status).toBe(200);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const v1Claims = { iss: `https://sts.windows.net/${TENANT}/`, ver: "1.0" };
  const cases: [string, () => Promise<string>, RegExp][] = [
    ["a wrong audience", () => bad({ aud: "11111111-2222-4333-8444-555555555555" }), /audience/],
    ["another app's App ID URI", () => bad({ aud: "api://bookings.example.com/11111111-2222-4333-8444-555555555555" }), /audience/],
    ["an App ID URI with extra path segments", () => bad({ aud: `api://evil.example/x/${TEST_CLIENT_ID}` }), /audience/],
    // Another organisation can register api://<its domain>/<our client id> for an app of its own, with its own roles.
    ["a v1 token for another app's App ID URI ending in our client id, with that app's roles", () => bad({ ...v1Claims, aud: `api://evil.example/${TEST_CLIENT_ID}`, appid: "7d1f2e3c-4b5a-4968-8776-a5b4c3d2e1f0", roles: ["Invoicing.Admin"] }), /audience/],
    ["a wrong issuer", () => bad({ iss: `https://login.evil.example/${TENANT}/v2.0` }), /issuer/],
    ["the issuer of another tenant than tid", () => bad({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }), /issuer/],
    ["a v1 issuer of another tenant than tid", () => bad({ iss: `https://sts.windows.net/${OTHER_TENANT}/` }), /issuer/],
    ["an expired token", () => bad({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 600 }), /expired/],
    ["a token not valid yet", () => bad({ nbf: now() + 600 }), /not valid yet/],
    ["alg none", async () => unsigned(entraClaims(user)), /not valid/],
    ["HS256 signed with the public key bytes", async () => hs256WithPublicKey(keys, entraClaims(user)), /not valid|known key/],
    ["a signature by another key under the known kid", async () => signEntraToken(keys, entraClaims(user), { key: (await generateKeyPair("RS256")).privateKey }), /not valid/],
    ["an unknown kid", async () => signEntraToken(keys, entraClaims(user), { kid: "rotated-away", key: (await generateKeyPair("RS256")).privateKey }), /known key/],
    ["a missing tid", () => bad({}, ["tid"]), /tenant/],
    ["a missing oid", () => bad({}, ["oid"]), /tenant or user/],
    ["a missing scope", () => bad({}, ["scp"]), /access_as_user/],
    ["another scope only", () => bad({ scp: "User.Read" }), /access_as_user/],
    ["an app-only token (roles, no scp)", () => bad({ idtyp: "app" }, ["scp"]), /access_as_user/],
    ["a missing exp", () => bad({}, ["exp"]), /not valid/],
  ];
  it.each(cases)("refuses %s with 401 UNAUTHORIZED", async (_name, make, message) => {
    const res = await call(await make()).get("/api/setup");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("UNAUTHORIZED");
    expect(res.body.error.message).toMatch(message);
  });

  it("accepts v1 audiences of exactly the configured App ID URI (or api://<client id>), and no other api://…/<client id>", async () => {
    const appIdUri = `api://tab.contoso.example/${TEST_CLIENT_ID}`;
    const verify = createTokenVerifier({ mode: "entra", clientId: TEST_CLIENT_ID, jwksUrl: keys.jwksUrl, appIdUri });
    for (const aud of [appIdUri, `api://${TEST_CLIENT_ID}`, TEST_CLIENT_ID]) {
      await expect(verify(await bad({ ...v1Claims, aud })), aud).resolves.toMatchObject({ tenantId: TENANT, userId: USER });
    }
    // The server's own App ID URI (ENTRA_APP_ID_URI) is not this verifier's.
    await expect(verify(await bad({ ...v1Claims, aud: TEST_APP_ID_URI }))).rejects.toThrow(/audience/);
    await expect(server.api.ctx.verifyToken(await bad({ ...v1Claims, aud: appIdUri }))).rejects.toThrow(/audience/);
  });

  it("cannot be built without the App ID URI (a JavaScript caller, or a config that skipped loadConfig)", () => {
    expect(() => createTokenVerifier({ mode: "entra", clientId: TEST_CLIENT_ID, jwksUrl: keys.jwksUrl })).toThrow(/ENTRA_APP_ID_URI/);
  });

  it("with ENTRA_TENANT_ID set, accepts only that organisation's tokens", async () => {
    const verify = createTokenVerifier({ mode: "entra", clientId: TEST_CLIENT_ID, appIdUri: TEST_APP_ID_URI, jwksUrl: keys.jwksUrl, tenantId: TENANT.toUpperCase() });
    await expect(verify(await entraToken(keys, user))).resolves.toMatchObject({ tenantId: TENANT });
    await expect(verify(await entraToken(keys, { ...user, tenantId: OTHER_TENANT }))).rejects.toThrow(/another organisation/);
    // Unset (a multi-tenant deployment), the other organisation's token passes and sees only its own tenant.
    await expect(server.api.ctx.verifyToken(await entraToken(keys, { ...user, tenantId: OTHER_TENANT }))).resolves.toMatchObject({ tenantId: OTHER_TENANT });
  });

  it("answers 503 SIGN_IN_UNAVAILABLE, not 401, when the key set cannot be fetched", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const verify = createTokenVerifier({ mode: "entra", clientId: TEST_CLIENT_ID, appIdUri: TEST_APP_ID_URI, jwksUrl: `http://127.0.0.1:${port}/keys` });
    await expect(verify(await entraToken(keys, user))).rejects.toMatchObject({ code: "SIGN_IN_UNAVAILABLE" });
    // A token no key matches is still the token's fault.
    await expect(server.api.ctx.verifyToken(await signEntraToken(keys, entraClaims(user), { kid: "gone", key: (await generateKeyPair("RS256")).privateKey }))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lets only Invoicing.Admin change setup or sync: 403 without the role, past the gate with it", async () => {
    const member = call(await entraToken(keys, { ...user, admin: false }));
    for (const res of [await member.get("/api/businesses"), await member.put("/api/setup", { businessId: BUSINESS }), await member.post("/api/sync")]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
    }
    // The admin gets through to validation, which runs before any Graph call.
    const admin = call(await entraToken(keys, user));
    const res = await admin.put("/api/setup", { businessId: BUSINESS, syncIntervalMinutes: 2 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/syncIntervalMinutes/);
    // Reading is open to members.
    expect((await member.get("/api/setup")).status).toBe(200);
  });

  it("never writes a token to the log", async () => {
    await new Promise((r) => setTimeout(r, 50)); // pino-http logs when the response finishes
    const text = logs.text();
    // Every request above was logged (refusals included), yet no header, payload or signature of a token was.
    expect(logs.lines()).toBeGreaterThanOrEqual(tokensSeen.length);
    expect(text).toMatch(/"statusCode":401/);
    const leaked = tokensSeen.flatMap((token) => token.split(".")).filter((part) => part.length > 20 && text.includes(part));
    expect(leaked).toEqual([]);
  });
});

function unsigned(claims: JWTPayload): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  return `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`;
}

// The classic key-confusion forgery: HMAC over the token with the RSA public key (PEM and JWK bytes) as the secret.
async function hs256WithPublicKey(keys: EntraKeys, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT", kid: keys.kid }).sign(new TextEncoder().encode(keys.publicPem));
}
