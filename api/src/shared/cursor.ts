// Opaque paging cursors: a small tuple, JSON in base64url; anything unreadable is a 400 that says so.
import type { z } from "zod";
import { AppError } from "./errors";

/** Encodes the values a page continues after (null for a row without a sort value). */
export function encodeCursor(values: readonly (string | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** Decodes a cursor against the tuple schema it was made with. */
export function decodeCursor<T extends z.ZodType>(cursor: string, schema: T, hint = "start again without it"): z.infer<T> {
  let json: unknown = null;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    // unreadable: falls through to the schema check, which rejects null
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError("BAD_REQUEST", `cursor: not a cursor this API gave out; ${hint}.`);
  return parsed.data;
}

/** One page of rows fetched with `limit + 1`: the page, and the cursor after its last row when more rows follow. */
export function pageOf<R>(rows: R[], limit: number, cursorOf: (last: R) => readonly (string | null)[]): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
