// Request validation with zod: a bad body or query becomes a 400 that names the field.
import type { Request } from "express";
import type { z } from "zod";
import { AppError, describeZodError } from "./errors";

// NUL cannot be stored in PostgreSQL text, and an unpaired surrogate would be stored as U+FFFD: both are refused.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a string can be stored and read back unchanged: no NUL character, no unpaired surrogate. */
export function isStorableText(s: string): boolean {
  return !s.includes("\u0000") && !LONE_SURROGATE.test(s);
}

/** True when a date (ISO string or Date) falls in the years 1–9999 in UTC: PostgreSQL has no year 0, and the API writes dates with four-digit years. */
export function isStorableDate(value: string | Date): boolean {
  const year = new Date(value).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

// Walks what a schema kept (bounded by the schema, so no deep recursion) and names the first unstorable string.
function findUnstorableText(value: unknown, path: string): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path || "value";
  if (value === null || typeof value !== "object" || value instanceof Date) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findUnstorableText(item, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

function requireStorableText<T>(data: T): T {
  const field = findUnstorableText(data, "");
  if (field) throw new AppError("BAD_REQUEST", `${field}: text cannot contain NUL characters or unpaired surrogates.`);
  return data;
}

/** Parses the JSON body; a missing or non-object body is a 400 too. */
export function parseBody<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const result = schema.safeParse(req.body ?? {});
  if (!result.success) throw new AppError("BAD_REQUEST", describeZodError(result.error));
  return requireStorableText(result.data);
}

/** Parses the query string; repeated parameters are rejected instead of silently picking one. */
export function parseQuery<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  for (const [key, value] of Object.entries(req.query)) {
    if (typeof value !== "string") throw new AppError("BAD_REQUEST", `${key}: give this parameter once, as plain text.`);
  }
  const result = schema.safeParse(req.query);
  if (!result.success) throw new AppError("BAD_REQUEST", describeZodError(result.error));
  return requireStorableText(result.data);
}
