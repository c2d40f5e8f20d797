// One token validation path for both modes: the mode only picks the issuer, audience and key set.
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { AppError } from "../../shared/errors";
import type { LocalKeys } from "./localKeys";
import type { Principal } from "./principal";

export const LOCAL_ISSUER = "urn:bookings-invoicing:local";
export const LOCAL_AUDIENCE = "bookings-invoicing";

/** Validates a bearer token and returns its principal, or throws UNAUTHORIZED. */
export type TokenVerifier = (token: string) => Promise<Principal>;

/** How tokens are checked in each mode. */
export type VerifierOptions =
  | { mode: "local"; keys: LocalKeys }
  // appIdUri is required (typed optional only for callers that hold it as an optional config value): see isOwnAudience.
  | { mode: "entra"; clientId: string; appIdUri?: string; jwks?: JWTVerifyGetKey; jwksUrl?: string; authorityHost?: string; tenantId?: string };

// Allowed clock skew between Entra ID (or the local issuer) and this server, for exp and nbf.
const CLOCK_TOLERANCE_S = 60;
const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";
// The v1 token issuer is fixed by Entra ID; v2 issuers live under the authority host.
const V1_ISSUER_HOST = "https://sts.windows.net";
const USER_SCOPE = "access_as_user";

/** Builds the verifier for the configured mode. */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  if (options.mode === "local") {
    const keySet = createLocalJWKSet({ keys: [options.keys.publicJwk] });
    return async (token) => {
      const payload = await verifyOrThrow(token, keySet, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE });
      return toPrincipal(payload);
    };
  }
  const { appIdUri } = options;
  if (!appIdUri) throw new Error("Entra token validation needs the API's App ID URI (ENTRA_APP_ID_URI, e.g. api://<tab host>/<client id>).");
  const host = (options.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, "");
  const keySet = options.jwks ?? reportingUnavailable(createRemoteJWKSet(new URL(options.jwksUrl ?? `${host}/common/discovery/v2.0/keys`)));
  return async (token) => {
    // Issuer and audience depend on the token's own tenant and version, so they are checked after the signature.
    const payload = await verifyOrThrow(token, keySet, {});
    checkEntraClaims(payload, { ...options, appIdUri }, host);
    return toPrincipal(payload);
  };
}

async function verifyOrThrow(
  token: string,
  keySet: JWTVerifyGetKey,
  expect: { issuer?: string; audience?: string },
): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, keySet, {
      algorithms: ["RS256"],
      clockTolerance: CLOCK_TOLERANCE_S,
      issuer: expect.issuer,
      audience: expect.audience,
      requiredClaims: ["exp"],
    });
    return payload;
  } catch (err) {
    // The key set could not be fetched: the token may well be fine, so this is not the caller's fault (retry later).
    if (err instanceof KeySetUnavailable) {
      throw new AppError("SIGN_IN_UNAVAILABLE", "Sign-in cannot be checked right now: Microsoft Entra ID's signing keys could not be fetched. Try again shortly.");
    }
    throw new AppError("UNAUTHORIZED", reasonOf(err));
  }
}

class KeySetUnavailable extends Error {}

// A remote key set fails for two reasons: no key matches the token (the token's fault), or the set could not be
// fetched or read (timeout, network, not 200, bad JSON: nobody's token can be checked).
function reportingUnavailable(keySet: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) throw err;
      throw new KeySetUnavailable(String(err));
    }
  };
}

function reasonOf(err: unknown): string {
  if (err instanceof errors.JWTExpired) return "The token has expired.";
  if (err instanceof errors.JWTClaimValidationFailed && err.claim === "nbf") return "The token is not valid yet.";
  if (err instanceof errors.JWKSNoMatchingKey) return "The token was not signed by a known key.";
  return "The token is not valid.";
}

// Entra tokens: the issuer must be the token's own tenant (v2 or v1 form), the audience this app, and the user scope granted.
function checkEntraClaims(payload: JWTPayload, app: { clientId: string; appIdUri: string; tenantId?: string }, authorityHost: string): void {
  const tid = typeof payload.tid === "string" ? payload.tid : "";
  if (!tid) throw new AppError("UNAUTHORIZED", "The token names no tenant (tid).");
  // A single-tenant deployment (ENTRA_TENANT_ID) serves its own organisation only.
  if (app.tenantId && tid.toLowerCase() !== app.tenantId.toLowerCase()) throw new AppError("UNAUTHORIZED", "The token is from another organisation than this deployment's (tid).");
  const validIssuers = [`${authorityHost}/${tid}/v2.0`, `${V1_ISSUER_HOST}/${tid}/`];
  if (!validIssuers.includes(String(payload.iss))) throw new AppError("UNAUTHORIZED", "The token issuer is not valid.");
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.some((aud) => isOwnAudience(aud, app))) throw new AppError("UNAUTHORIZED", "The token audience is not valid.");
  const scopes = typeof payload.scp === "string" ? payload.scp.split(" ") : [];
  if (!scopes.includes(USER_SCOPE)) throw new AppError("UNAUTHORIZED", `The token lacks the ${USER_SCOPE} scope.`);
}

// v2 tokens name the client id; v1 tokens an App ID URI: exactly the configured one (Teams SSO: api://<host>/<client
// id>) or api://<client id>, which Entra ID lets no other app register. Never "any api://…/<client id>": another
// organisation could register api://<its domain>/<our client id> for an app of its own, with roles of its own.
function isOwnAudience(aud: unknown, { clientId, appIdUri }: { clientId: string; appIdUri: string }): boolean {
  return aud === clientId || aud === `api://${clientId}` || aud === appIdUri;
}

function toPrincipal(payload: JWTPayload): Principal {
  const tenantId = typeof payload.tid === "string" ? payload.tid : "";
  const userId = typeof payload.oid === "string" ? payload.oid : "";
  if (!tenantId || !userId) throw new AppError("UNAUTHORIZED", "The token names no tenant or user.");
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === "string") : [];
  const name = typeof payload.name === "string" ? payload.name : null;
  // Entra puts the user's sign-in address in preferred_username (v2) or upn (v1); a test e-mail goes there.
  const address = [payload.email, payload.preferred_username, payload.upn].find((v): v is string => typeof v === "string" && /^[^\s@]+@[^\s@]+$/.test(v));
  return { tenantId, userId, name, roles, email: address ?? null };
}
