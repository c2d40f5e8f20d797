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
  | { mode: "entra"; clientId: string; jwks?: JWTVerifyGetKey; jwksUrl?: string; authorityHost?: string };

const CLOCK_TOLERANCE_S = 60;

/** Builds the verifier for the configured mode. */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  if (options.mode === "local") {
    const keySet = createLocalJWKSet({ keys: [options.keys.publicJwk] });
    return async (token) => {
      const payload = await verifyOrThrow(token, keySet, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE });
      return toPrincipal(payload);
    };
  }
  const keySet =
    options.jwks ??
    createRemoteJWKSet(new URL(options.jwksUrl ?? `${options.authorityHost ?? "https://login.microsoftonline.com"}/common/discovery/v2.0/keys`));
  const audiences = [options.clientId, `api://${options.clientId}`];
  return async (token) => {
    const payload = await verifyOrThrow(token, keySet, { audience: audiences });
    checkEntraClaims(payload, options.clientId);
    return toPrincipal(payload);
  };
}

async function verifyOrThrow(
  token: string,
  keySet: JWTVerifyGetKey,
  expect: { issuer?: string; audience: string | string[] },
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
    const reason = err instanceof errors.JWTExpired ? "The token has expired." : "The token is not valid.";
    throw new AppError("UNAUTHORIZED", reason);
  }
}

// Entra tokens: the issuer must be the token's own tenant (v2 or v1 form) and the user scope must be granted.
function checkEntraClaims(payload: JWTPayload, clientId: string): void {
  const tid = typeof payload.tid === "string" ? payload.tid : "";
  const validIssuers = [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
  if (!tid || !validIssuers.includes(String(payload.iss))) throw new AppError("UNAUTHORIZED", "The token issuer is not valid.");
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!aud.some((a) => a === clientId || (typeof a === "string" && a.startsWith("api://") && a.endsWith(`/${clientId}`)))) {
    throw new AppError("UNAUTHORIZED", "The token audience is not valid.");
  }
  const scopes = typeof payload.scp === "string" ? payload.scp.split(" ") : [];
  if (!scopes.includes("access_as_user")) throw new AppError("UNAUTHORIZED", "The token lacks the access_as_user scope.");
}

function toPrincipal(payload: JWTPayload): Principal {
  const tenantId = typeof payload.tid === "string" ? payload.tid : "";
  const userId = typeof payload.oid === "string" ? payload.oid : "";
  if (!tenantId || !userId) throw new AppError("UNAUTHORIZED", "The token names no tenant or user.");
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === "string") : [];
  const name = typeof payload.name === "string" ? payload.name : null;
  return { tenantId, userId, name, roles };
}
