// HTTP helpers shared by the Graph handlers: request ids, query access, JSON and error responses.
import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { GraphError } from "./errors";
import { formatErrorDate } from "./time";

/** Content type Graph sends with JSON payloads. */
export const GRAPH_JSON = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

/** Middleware: gives every response request-id and client-request-id headers (echoing the client's). */
export function assignRequestIds(req: Request, res: Response, next: NextFunction): void {
  const requestId = randomUUID();
  const clientRequestId = req.get("client-request-id") || requestId;
  res.locals.requestIds = { requestId, clientRequestId } satisfies RequestIds;
  res.setHeader("request-id", requestId);
  res.setHeader("client-request-id", clientRequestId);
  next();
}

function requestIdsOf(res: Response): RequestIds {
  const ids = res.locals.requestIds as RequestIds | undefined;
  return ids ?? { requestId: randomUUID(), clientRequestId: randomUUID() };
}

/** The request-id header value of the current response. */
export function requestIdOf(res: Response): string {
  return requestIdsOf(res).requestId;
}

type EndFunction = (this: Response, ...args: unknown[]) => Response;

/**
 * Lets `around` decide what happens once the handler answers (an error answer included): `answer()` sends what the
 * handler sent, not calling it keeps the answer back or replaces it. Interceptors nest: the one added last runs first.
 */
export function interceptAnswer(res: Response, around: (answer: () => void, status: number) => void): void {
  const previous = res.end as unknown as EndFunction;
  const intercepted: EndFunction = function (this: Response, ...args: unknown[]) {
    res.end = previous as unknown as Response["end"];
    around(() => void previous.apply(res, args), res.statusCode);
    return res;
  };
  res.end = intercepted as unknown as Response["end"];
}

/** "protocol://host" of the request, the base of absolute URLs in payloads. */
export function requestBase(req: Request): string {
  return `${req.protocol}://${req.get("host") ?? "localhost"}`;
}

/** The raw (still percent-encoded) path of the request. */
export function rawPath(req: Request): string {
  return req.originalUrl.split("?")[0] ?? "/";
}

/** First value of a query parameter, if present. */
export function queryParam(req: Request, name: string): string | undefined {
  const value: unknown = (req.query as Record<string, unknown>)[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}

/** Query parameters except the dropped ones, in request order. */
export function retainedParams(req: Request, drop: readonly string[]): [string, string][] {
  const dropped = new Set(drop.map((d) => d.toLowerCase()));
  return Object.keys(req.query)
    .filter((key) => !dropped.has(key.toLowerCase()))
    .map((key): [string, string] => [key, queryParam(req, key) ?? ""]);
}

/** Sends a JSON body with Graph's content type. */
export function sendGraphJson(res: Response, status: number, body: unknown): void {
  res.status(status).setHeader("Content-Type", GRAPH_JSON);
  res.json(body);
}

/** The error envelope, with innerError date, request-id and client-request-id. */
export function errorBody(err: GraphError, res: Response, nowMs: number): unknown {
  const ids = requestIdsOf(res);
  return {
    error: {
      code: err.code,
      message: err.message,
      innerError: {
        ...err.inner,
        date: formatErrorDate(nowMs),
        "request-id": ids.requestId,
        "client-request-id": ids.clientRequestId,
      },
    },
  };
}

/** Sends a GraphError with its headers and envelope. */
export function sendGraphError(res: Response, err: GraphError, nowMs: number): void {
  for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
  sendGraphJson(res, err.status, errorBody(err, res, nowMs));
}
