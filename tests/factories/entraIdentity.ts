// A stand-in for Microsoft Entra ID's token signing: a local RSA key set served over HTTP (ENTRA_JWKS_URL) and
// v1/v2 access tokens for this app minted with it, plus a log sink to prove tokens never reach the logs.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import { createLogger } from "../../api/src/shared/logger";

/** The app registration the tests pretend to be. */
export const TEST_CLIENT_ID = "3f8c2a71-5d4e-4b6a-9c1f-0e2d7b8a6c54";
export const TEST_CLIENT_SECRET = "test-client-secret-value";
/** The key an entra-mode test server seals stored secrets with (32 bytes, hex). */
export const TEST_SECRETS_KEY = "5ec4e75ec4e75ec4e75ec4e75ec4e75ec4e75ec4e75ec4e75ec4e75ec4e75ec4";
/** Teams' SSO App ID URI form, the audience of v1 tokens. */
export const TEST_APP_ID_URI = `api://bookings.example.com/${TEST_CLIENT_ID}`;
/** Teams web client: the app a user's token is issued to. */
const TEAMS_WEB_CLIENT_ID = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346";

/** The signing keys and the HTTP key-set endpoint. */
export interface EntraKeys {
  jwksUrl: string;
  kid: string;
  privateKey: CryptoKey;
  publicPem: string;
  /** How often the key set was fetched. */
  fetches(): number;
  close(): Promise<void>;
}

/** Generates an RS256 key pair and serves its public half as a JWKS on 127.0.0.1. */
export async function startEntraKeys(): Promise<EntraKeys> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = `test-key-${randomUUID().slice(0, 8)}`;
  const jwk = { ...(await exportJWK(publicKey)), kid, use: "sig", alg: "RS256" };
  let fetches = 0;
  const server = http.createServer((req, res) => {
    if (req.url !== "/common/discovery/v2.0/keys") return void res.writeHead(404).end();
    fetches += 1;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/common/discovery/v2.0/keys`,
    kid,
    privateKey,
    publicPem: await exportSPKI(publicKey),
    fetches: () => fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The environment of an AUTH_MODE=entra test server that trusts these keys, plus `extra` (e.g. ENTRA_AUTHORITY_HOST). */
export function entraEnv(keys: EntraKeys, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AUTH_MODE: "entra",
    ENTRA_CLIENT_ID: TEST_CLIENT_ID,
    ENTRA_CLIENT_SECRET: TEST_CLIENT_SECRET,
    ENTRA_APP_ID_URI: TEST_APP_ID_URI,
    ENTRA_JWKS_URL: keys.jwksUrl,
    SECRETS_KEY: TEST_SECRETS_KEY,
    ...extra,
  };
}

/** Who a token is for and how it is shaped. */
export interface EntraUser {
  tenantId: string;
  userId: string;
  name?: string;
  admin?: boolean;
  version?: "v1" | "v2";
  /** v2 issuer host; default the public cloud's. */
  authorityHost?: string;
}

/** The claims Entra ID puts in an access token for this API (v2 by default), valid for an hour from now. */
export function entraClaims(user: EntraUser): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  const v1 = user.version === "v1";
  const host = user.authorityHost ?? "https://login.microsoftonline.com";
  return {
    aud: v1 ? TEST_APP_ID_URI : TEST_CLIENT_ID,
    iss: v1 ? `https://sts.windows.net/${user.tenantId}/` : `${host}/${user.tenantId}/v2.0`,
    iat: now - 10,
    nbf: now - 10,
    exp: now + 3600,
    ...(v1 ? { appid: TEAMS_WEB_CLIENT_ID, appidacr: "0", upn: "ann@contoso.example" } : { azp: TEAMS_WEB_CLIENT_ID, azpacr: "0", preferred_username: "ann@contoso.example" }),
    name: user.name ?? "Ann Admin",
    oid: user.userId,
    sub: `sub-${user.userId}`,
    tid: user.tenantId,
    scp: "access_as_user",
    ...(user.admin === false ? {} : { roles: ["Invoicing.Admin"] }),
    uti: randomUUID(),
    ver: v1 ? "1.0" : "2.0",
  };
}

/** Signs claims as Entra ID would (RS256 with the served key); `kid`/`key` let tests forge. */
export function signEntraToken(keys: EntraKeys, claims: JWTPayload, opts: { kid?: string; key?: CryptoKey } = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT", kid: opts.kid ?? keys.kid }).sign(opts.key ?? keys.privateKey);
}

/** A signed v1/v2 access token for a user. */
export function entraToken(keys: EntraKeys, user: EntraUser): Promise<string> {
  return signEntraToken(keys, entraClaims(user));
}

/** A logger with the app's redaction settings whose lines the test can read. */
export function capturingLogger(): { logger: ReturnType<typeof createLogger>; text(): string; lines(): number } {
  const chunks: string[] = [];
  const logger = createLogger("debug", { write: (line: string) => void chunks.push(line) });
  return { logger, text: () => chunks.join(""), lines: () => chunks.length };
}
