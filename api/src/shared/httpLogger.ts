// Request logging (pino-http): one line per request with its id, and only headers that cannot carry credentials.
import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { PROBE_URLS } from "./health";
import { scrubSecrets } from "./logger";

// Everything else (authorization, cookies, App Service's x-ms-token-* headers…) stays out of the logs.
const LOGGED_HEADERS = ["host", "user-agent", "content-type", "content-length", "accept", "x-forwarded-for"];

interface SerializedRequest {
  id: unknown;
  method: string;
  url: string;
  headers: Record<string, unknown>;
  remoteAddress?: string;
}

/** Logs each request with an id (the caller's `X-Request-Id`, else a new UUID) that is echoed in the response's `X-Request-Id`. */
export function httpLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = (req.headers["x-request-id"] as string | undefined)?.slice(0, 100) || randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    autoLogging: { ignore: (req) => PROBE_URLS.has(req.url ?? "") },
    serializers: {
      req: (req: SerializedRequest) => ({
        id: req.id,
        method: req.method,
        url: scrubSecrets(req.url),
        headers: Object.fromEntries(LOGGED_HEADERS.filter((h) => req.headers[h] !== undefined).map((h) => [h, req.headers[h]])),
        remoteAddress: req.remoteAddress,
      }),
    },
  });
}
