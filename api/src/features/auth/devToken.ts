// Local mode only: issues the API's own tokens for development, the demo and tests.
import { SignJWT } from "jose";
import { z } from "zod";
import type { LocalKeys } from "./localKeys";
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from "./tokenVerifier";

const ZId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "use letters, digits, '.', '_' or '-' only");

/** Body of POST /api/dev/token. */
export const ZDevTokenRequest = z.object({
  tenantId: ZId,
  userId: ZId,
  name: z.string().trim().max(200).optional(),
  email: z.email("email must be an e-mail address").max(320).optional(),
  roles: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
});
export type TDevTokenRequest = z.infer<typeof ZDevTokenRequest>;

/** Signs a local token that carries tid, oid, name and roles like an Entra access token. */
export async function issueDevToken(keys: LocalKeys, req: TDevTokenRequest, ttlSeconds = 8 * 3600): Promise<string> {
  return new SignJWT({ tid: req.tenantId, oid: req.userId, name: req.name, ...(req.email ? { email: req.email } : {}), roles: req.roles ?? [] })
    .setProtectedHeader({ alg: "RS256", kid: keys.kid, typ: "JWT" })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setSubject(req.userId)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keys.privateKey);
}
