// Job routes: a job's progress and outcome (PRODUCT.md §4.13), polled by the tab while the job runs.
import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../../appContext";
import { AppError } from "../../shared/errors";
import { principalOf } from "../auth/auth.middleware";
import { findJob, presentJob } from "./job.repository";

/** GET /jobs/:id. */
export function jobRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/jobs/:id", async (req, res) => {
    const id = z.uuid().safeParse(req.params.id);
    const job = id.success ? await findJob(ctx.db, principalOf(req).tenantId, id.data) : null;
    // Another tenant's job answers as an unknown one (PRODUCT.md §5).
    if (!job) throw new AppError("NOT_FOUND", "No such job.");
    res.json(presentJob(job));
  });
  return router;
}
