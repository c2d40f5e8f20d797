// Server-driven paging: keyset pages behind an opaque $skiptoken, and $top without a nextLink (Graph's bug).
import type { Request, Response } from "express";
import { badRequest } from "./errors";
import { queryParam, rawPath, requestBase, sendGraphJson } from "./http";

/** One page of a sorted collection. */
export interface Page<T> {
  items: T[];
  /** Opaque $skiptoken of the next page; absent on the last page and whenever $top was sent. */
  nextToken?: string;
  total: number;
}

function encodeSkipToken(key: string): string {
  return Buffer.from(JSON.stringify({ k: key }), "utf8").toString("base64url");
}

function decodeSkipToken(token: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    const key = (parsed as { k?: unknown }).k;
    if (typeof key === "string") return key;
  } catch {
    // fall through to the error below
  }
  throw badRequest("The $skiptoken value is invalid.");
}

function readTop(req: Request): number | undefined {
  const top = queryParam(req, "$top");
  if (top === undefined) return undefined;
  if (!/^\d+$/.test(top)) throw badRequest(`Invalid $top query option value '${top}'.`);
  return Number(top);
}

/** Index of the first item whose key is greater than `after` (items sorted by key). */
function firstAfter<T>(items: readonly T[], keyOf: (item: T) => string, after: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keyOf(items[mid] as T) <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Cuts one page from items sorted by a unique key, honouring $skiptoken and $top. */
export function paginate<T>(req: Request, items: readonly T[], keyOf: (item: T) => string, pageSize: number): Page<T> {
  const token = queryParam(req, "$skiptoken");
  const start = token === undefined ? 0 : firstAfter(items, keyOf, decodeSkipToken(token));
  const top = readTop(req);
  if (top !== undefined) return { items: items.slice(start, start + top), total: items.length };
  const pageItems = items.slice(start, start + pageSize);
  const last = pageItems[pageItems.length - 1];
  const more = start + pageSize < items.length && last !== undefined;
  return { items: pageItems, total: items.length, ...(more ? { nextToken: encodeSkipToken(keyOf(last)) } : {}) };
}

function encodeQueryKey(key: string): string {
  return encodeURIComponent(key).replace(/^%24/, "$");
}

// ":" is legal in a query value; keeping it makes nextLinks read like Graph's (start=2026-05-01T00:00:00.000Z).
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ":");
}

/** Absolute URL of the request's own protocol, host and path with the given query parameters. */
export function selfLink(req: Request, params: readonly (readonly [string, string])[]): string {
  const query = params.map(([key, value]) => `${encodeQueryKey(key)}=${encodeQueryValue(value)}`).join("&");
  return `${requestBase(req)}${rawPath(req)}?${query}`;
}

/** Absolute nextLink on the request's own protocol and host, with the given parameters plus $skiptoken. */
export function nextLink(req: Request, params: readonly [string, string][], token: string): string {
  return selfLink(req, [...params, ["$skiptoken", token]]);
}

/** Sends `{ @odata.context, [@odata.count], value, [@odata.nextLink] }`. */
export function sendCollection(
  req: Request,
  res: Response,
  context: string,
  value: unknown[],
  page: Page<unknown>,
  params: readonly [string, string][],
): void {
  const withCount = queryParam(req, "$count")?.toLowerCase() === "true";
  sendGraphJson(res, 200, {
    "@odata.context": context,
    ...(withCount ? { "@odata.count": page.total } : {}),
    value,
    ...(page.nextToken ? { "@odata.nextLink": nextLink(req, params, page.nextToken) } : {}),
  });
}
