// JSON request bodies: refuse other media types with 415, then parse up to a size limit (413 beyond it).
import express, { type RequestHandler } from "express";
import { AppError } from "./errors";

const JSON_TYPES = ["application/json", "application/*+json"];
const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

/** Answers 415 when a POST/PUT/PATCH carries a body that is not JSON; a body-less request passes. */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  // Content-Length: 0 (fetch's body-less POST) is no body, although type-is counts it as one.
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  if (METHODS_WITH_BODY.has(req.method) && hasBody && !req.is(JSON_TYPES)) {
    const got = req.headers["content-type"] ? `Content-Type ${req.headers["content-type"].slice(0, 100)}` : "no Content-Type";
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the request body as JSON with Content-Type: application/json (got ${got}).`);
  }
  next();
};

/** The JSON guard followed by the parser; bodies over `limit` become PAYLOAD_TOO_LARGE (see handleErrors). */
export function jsonBody(limit: string): RequestHandler[] {
  return [requireJsonBody, express.json({ limit, type: JSON_TYPES })];
}
