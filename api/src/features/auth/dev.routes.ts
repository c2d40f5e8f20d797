// POST /api/dev/token: local mode only (404 otherwise), so the tab and tests can sign in without Entra ID.
import { Router } from "express";
import { AppError } from "../../shared/errors";
import { parseBody } from "../../shared/validate";
import { issueDevToken, ZDevTokenRequest } from "./devToken";
import type { LocalKeys } from "./localKeys";

/** Routes that exist only in local mode. */
export function devRoutes(keys: LocalKeys | undefined): Router {
  const router = Router();
  router.post("/dev/token", async (req, res) => {
    if (!keys) throw new AppError("NOT_FOUND", `No route ${req.method} ${req.path}`);
    const token = await issueDevToken(keys, parseBody(ZDevTokenRequest, req));
    res.json({ token });
  });
  return router;
}
