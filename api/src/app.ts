// createApp: the Express application — middleware chain, feature routers, the built tab, and error rendering.
import fs from "node:fs";
import path from "node:path";
import express, { Router } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { randomUUID } from "node:crypto";
import type { AppContext } from "./appContext";
import { requireAuth } from "./features/auth/auth.middleware";
import { devRoutes } from "./features/auth/dev.routes";
import { bookingRoutes } from "./features/bookings/bookings.routes";
import { customerRoutes } from "./features/customers/customers.routes";
import { invoiceRoutes } from "./features/invoices/invoice.routes";
import { buildOpenApiDocument } from "./features/openapi/openapi";
import { setupRoutes } from "./features/setup/setup.routes";
import { syncRoutes } from "./features/sync/sync.routes";
import { handleErrors, handleNotFound } from "./shared/errors";

// Teams and Office hosts that may frame the tab (teams-platform.md §6.2).
const FRAME_ANCESTORS = ["'self'", "https://teams.microsoft.com", "https://*.teams.microsoft.com", "https://*.cloud.microsoft", "https://*.microsoft365.com", "https://*.office.com", "https://outlook.office.com", "https://outlook.office365.com"];

/** Builds the app; the caller owns the store and listening. */
export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { "frame-ancestors": FRAME_ANCESTORS, "connect-src": ["'self'"], "img-src": ["'self'", "data:"] } },
      frameguard: false, // X-Frame-Options would forbid Teams from framing the tab; CSP frame-ancestors governs instead.
    }),
  );
  app.use(pinoHttp({ logger: ctx.logger, genReqId: (req) => (req.headers["x-request-id"] as string | undefined)?.slice(0, 100) || randomUUID(), autoLogging: { ignore: (req) => req.url === "/api/health" } }));
  app.use("/api", apiRouter(ctx));
  if (ctx.tabDir && fs.existsSync(path.join(ctx.tabDir, "index.html"))) {
    app.use(express.static(ctx.tabDir, { index: "index.html", maxAge: "1h" }));
  }
  app.use(handleErrors);
  return app;
}

function apiRouter(ctx: AppContext): Router {
  const api = Router();
  api.use(express.json({ limit: "1mb" }));
  const openapi = buildOpenApiDocument();
  api.get("/health", (_req, res) => void res.json({ ok: true }));
  api.use(devRoutes(ctx.localKeys));
  api.use(requireAuth(ctx.verifyToken));
  api.get("/openapi.json", (_req, res) => void res.json(openapi));
  for (const routes of [setupRoutes, syncRoutes, customerRoutes, bookingRoutes, invoiceRoutes]) api.use(routes(ctx));
  api.use(handleNotFound);
  return api;
}
