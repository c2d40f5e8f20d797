// Express guards: a valid bearer token for every protected route, the admin role where needed.
import type { Request, RequestHandler } from "express";
import { AppError } from "../../shared/errors";
import { isAdmin, type Principal } from "./principal";
import type { TokenVerifier } from "./tokenVerifier";

declare module "express-serve-static-core" {
  interface Request {
    principal?: Principal;
  }
}

/** Requires `Authorization: Bearer <token>` and attaches the caller's principal. */
export function requireAuth(verify: TokenVerifier): RequestHandler {
  return async (req, _res, next) => {
    req.principal = await verify(bearerTokenOf(req));
    next();
  };
}

/** The request's raw bearer token, e.g. the assertion for an on-behalf-of Graph call; never log it. */
export function bearerTokenOf(req: Request): string {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (!match?.[1]) throw new AppError("UNAUTHORIZED", "Sign in first: this request needs a bearer token.");
  return match[1];
}

/** Requires the Invoicing.Admin app role. */
export const requireAdmin: RequestHandler = (req, _res, next) => {
  if (!req.principal || !isAdmin(req.principal)) {
    throw new AppError("FORBIDDEN", "Only an invoicing admin (role Invoicing.Admin) can do this.");
  }
  next();
};

/** The caller of a request that passed requireAuth. */
export function principalOf(req: Request): Principal {
  if (!req.principal) throw new AppError("UNAUTHORIZED", "Sign in first: this request needs a bearer token.");
  return req.principal;
}
