// GET /api/insights: the Overview page's figures for the caller's tenant.
import { Router } from "express";
import type { AppContext } from "../../appContext";
import { parseQuery } from "../../shared/validate";
import { principalOf } from "../auth/auth.middleware";
import { getInsights } from "./getInsights";
import { ZInsightsQuery } from "./insights.schema";

/** The insights route; any signed-in user of the tenant may read it, as they may read its invoices. */
export function insightsRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/insights", async (req, res) => {
    const query = parseQuery(ZInsightsQuery, req);
    res.json(await getInsights(ctx, principalOf(req).tenantId, query));
  });
  return router;
}
