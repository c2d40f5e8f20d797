// Notification routes: send a test card now (admin only, like setup).
import { Router } from "express";
import type { AppContext } from "../../appContext";
import { AppError } from "../../shared/errors";
import { parseBody } from "../../shared/validate";
import { principalOf, requireAdmin } from "../auth/auth.middleware";
import { ZTestCardInput } from "./notification.schema";

/** POST /notifications/test. */
export function notificationRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post("/notifications/test", requireAdmin, async (req, res) => {
    const input = parseBody(ZTestCardInput, req);
    if (!ctx.notifier) throw new AppError("NOT_FOUND", "Notifications are not available on this server.");
    res.json(await ctx.notifier.sendTest(principalOf(req).tenantId, input, req.log));
  });
  return router;
}
