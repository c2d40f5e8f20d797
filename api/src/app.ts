// createApp: the Express application — middleware chain, feature routers, the built tab, and error rendering.
import fs from "node:fs";
import path from "node:path";
import express, { Router } from "express";
import helmet from "helmet";
import type { AppContext } from "./appContext";
import { requireAuth } from "./features/auth/auth.middleware";
import { devRoutes } from "./features/auth/dev.routes";
import { bookingRoutes } from "./features/bookings/bookings.routes";
import { customerRoutes } from "./features/customers/customers.routes";
import { insightsRoutes } from "./features/insights/insights.routes";
import { deliveryRoutes } from "./features/delivery/delivery.routes";
import { invoiceRoutes } from "./features/invoices/invoice.routes";
import { itemRoutes } from "./features/items/items.routes";
import { jobRoutes } from "./features/jobs/jobs.routes";
import { notificationRoutes } from "./features/notifications/notifications.routes";
import { buildOpenApiDocument } from "./features/openapi/openapi";
import { setupRoutes } from "./features/setup/setup.routes";
import { staffRoutes } from "./features/staff/staff.routes";
import { syncRoutes } from "./features/sync/sync.routes";
import { DEFAULT_RATE_LIMITS } from "./config";
import { handleErrors, handleNotFound } from "./shared/errors";
import { healthRoutes } from "./shared/health";
import { httpLogger } from "./shared/httpLogger";
import { jsonBody } from "./shared/jsonBody";
import { rateLimitPerIp, rateLimitPerTenant } from "./shared/rateLimit";

// Teams and Office hosts that may frame the tab (teams-platform.md §6.2).
const FRAME_ANCESTORS = ["'self'", "https://teams.microsoft.com", "https://*.teams.microsoft.com", "https://*.cloud.microsoft", "https://*.microsoft365.com", "https://*.office.com", "https://outlook.office.com", "https://outlook.office365.com"];

/** Builds the app; the caller owns the store and listening. */
export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.set("trust proxy", ctx.trustProxy ?? 0); // the client IP (rate limits, logs) from X-Forwarded-For only behind a known proxy
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { "frame-ancestors": FRAME_ANCESTORS, "connect-src": ["'self'"], "img-src": ["'self'", "data:", "blob:"] } },
      frameguard: false, // X-Frame-Options would forbid Teams from framing the tab; CSP frame-ancestors governs instead.
    }),
  );
  app.use(httpLogger(ctx.logger));
  app.use("/api", apiRouter(ctx));
  if (ctx.tabDir && fs.existsSync(path.join(ctx.tabDir, "index.html"))) {
    app.use(express.static(ctx.tabDir, { index: "index.html", maxAge: "1h" }));
  }
  app.use(handleErrors);
  return app;
}

function apiRouter(ctx: AppContext): Router {
  const api = Router();
  const limits = ctx.rateLimits ?? DEFAULT_RATE_LIMITS;
  api.use(rateLimitPerIp(limits.perIpPerMinute));
  api.use(jsonBody("1mb"));
  const openapi = buildOpenApiDocument();
  api.use(healthRoutes(ctx.db));
  api.use(devRoutes(ctx.localKeys));
  api.use(requireAuth(ctx.verifyToken));
  api.use(rateLimitPerTenant(limits.perTenantPerMinute));
  api.get("/openapi.json", (_req, res) => void res.json(openapi));
  for (const routes of [setupRoutes, syncRoutes, customerRoutes, itemRoutes, staffRoutes, bookingRoutes, deliveryRoutes, invoiceRoutes, insightsRoutes, jobRoutes, notificationRoutes]) api.use(routes(ctx));
  api.use(handleNotFound);
  return api;
}
