// Request validation with zod: a bad body or query becomes a 400 that names the field.
import type { Request } from "express";
import type { z } from "zod";
import { AppError, describeZodError } from "./errors";

/** Parses the JSON body; a missing or non-object body is a 400 too. */
export function parseBody<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const result = schema.safeParse(req.body ?? {});
  if (!result.success) throw new AppError("BAD_REQUEST", describeZodError(result.error));
  return result.data;
}

/** Parses the query string; repeated parameters are rejected instead of silently picking one. */
export function parseQuery<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  for (const [key, value] of Object.entries(req.query)) {
    if (typeof value !== "string") throw new AppError("BAD_REQUEST", `${key}: give this parameter once, as plain text.`);
  }
  const result = schema.safeParse(req.query);
  if (!result.success) throw new AppError("BAD_REQUEST", describeZodError(result.error));
  return result.data;
}
