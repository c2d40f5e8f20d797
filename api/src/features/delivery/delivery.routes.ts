// Delivery routes: send final documents by e-mail, remind overdue invoices (each a job), an admin's test message. HTTP only.
import { Router } from "express";
import { parseBody } from "../../shared/validate";
import { principalOf, requireAdmin } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { ZSendInvoices, ZSendReminders, ZTestDelivery } from "./delivery.schema";
import { sendInvoices, sendReminders } from "./sendInvoices";
import { sendTestMessage } from "./sendTestMessage";

/** POST /invoices/send, POST /invoices/remind, POST /setup/delivery/test. */
export function deliveryRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post("/invoices/send", async (req, res) => {
    const p = principalOf(req);
    const answer = await sendInvoices(ctx, p.tenantId, p.userId, parseBody(ZSendInvoices, req));
    res.location(`/api/jobs/${answer.jobId}`).status(202).json(answer);
  });
  router.post("/invoices/remind", async (req, res) => {
    const p = principalOf(req);
    const answer = await sendReminders(ctx, p.tenantId, p.userId, parseBody(ZSendReminders, req));
    res.location(`/api/jobs/${answer.jobId}`).status(202).json(answer);
  });
  router.post("/setup/delivery/test", requireAdmin, async (req, res) => {
    res.json(await sendTestMessage(ctx, principalOf(req), parseBody(ZTestDelivery, req)));
  });
  return router;
}
