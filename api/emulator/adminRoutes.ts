// /_emulator/* — the controls over HTTP (JSON, not Graph): reset, clock, faults, stats, outbox and data helpers.
//   POST /reset {seed?} · GET|PUT /clock {date|null} · PUT /faults {rules} · DELETE /faults · GET|DELETE /stats
//   GET /outbox (Bookings' cancellation mails) · GET /mail[?mailbox=] · DELETE /mail · PUT /mail/missingMailboxes {mailboxes}
//   GET|POST /businesses · GET /businesses/:id/(appointments|customers|services|staffMembers)
//   PUT /businesses/:id/appointments (upsert) · DELETE …/appointments/:apptId
//   POST …/customers · PATCH|DELETE …/customers/:cid · POST …/services · PATCH|DELETE …/services/:sid
import express, { type ErrorRequestHandler, type Request, type Router } from "express";
import type { EmulatorControls } from "./types";

const COLLECTIONS = ["appointments", "customers", "services", "staffMembers"] as const;
type Collection = (typeof COLLECTIONS)[number];
type AddBusinessBody = {
  business: Parameters<EmulatorControls["addBusiness"]>[0];
  contents?: Parameters<EmulatorControls["addBusiness"]>[1];
};

function bodyOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function param(req: Request, name: string): string {
  const value: unknown = (req.params as Record<string, unknown>)[name];
  return typeof value === "string" ? value : "";
}

function registerDataRoutes(router: Router, controls: EmulatorControls): void {
  router.get("/businesses", (_req, res) => void res.json(controls.businesses()));
  router.post("/businesses", (req, res) => {
    const { business, contents } = bodyOf(req) as Partial<AddBusinessBody>;
    if (typeof business?.id !== "string") throw new Error("business.id is required");
    res.status(201).json(controls.addBusiness(business, contents));
  });
  router.get("/businesses/:businessId/:collection", (req, res) => {
    const collection = param(req, "collection") as Collection;
    if (!COLLECTIONS.includes(collection)) throw new Error(`Unknown collection "${collection}"`);
    res.json(controls[collection](param(req, "businessId")));
  });
  router.put("/businesses/:businessId/appointments", (req, res) => {
    res.json(controls.upsertAppointment(param(req, "businessId"), bodyOf(req)));
  });
  router.delete("/businesses/:businessId/appointments/:id", (req, res) => {
    res.json({ removed: controls.removeAppointment(param(req, "businessId"), param(req, "id")) });
  });
  router.post("/businesses/:businessId/customers", (req, res) => {
    res.status(201).json(controls.addCustomer(param(req, "businessId"), bodyOf(req)));
  });
  router.patch("/businesses/:businessId/customers/:id", (req, res) => {
    res.json(controls.updateCustomer(param(req, "businessId"), param(req, "id"), bodyOf(req)));
  });
  router.delete("/businesses/:businessId/customers/:id", (req, res) => {
    res.json({ removed: controls.removeCustomer(param(req, "businessId"), param(req, "id")) });
  });
  router.post("/businesses/:businessId/services", (req, res) => {
    res.status(201).json(controls.addService(param(req, "businessId"), bodyOf(req)));
  });
  router.patch("/businesses/:businessId/services/:id", (req, res) => {
    res.json(controls.updateService(param(req, "businessId"), param(req, "id"), bodyOf(req)));
  });
  router.delete("/businesses/:businessId/services/:id", (req, res) => {
    res.json({ removed: controls.removeService(param(req, "businessId"), param(req, "id")) });
  });
}

const renderAdminError: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  if (res.headersSent) return next(err);
  res.status(400).json({ error: { code: "EmulatorError", message: err instanceof Error ? err.message : String(err) } });
};

/** The admin router, mounted at /_emulator. */
export function adminRouter(controls: EmulatorControls): Router {
  const router = express.Router();
  router.use(express.json({ limit: "10mb" }));
  router.post("/reset", (req, res) => {
    controls.reset(bodyOf(req).seed as Parameters<EmulatorControls["reset"]>[0]);
    res.json({ ok: true, now: controls.now().toISOString() });
  });
  router.get("/clock", (_req, res) => void res.json({ now: controls.now().toISOString() }));
  router.put("/clock", (req, res) => {
    const date = bodyOf(req).date;
    controls.setClock(typeof date === "string" ? date : null);
    res.json({ now: controls.now().toISOString() });
  });
  router.put("/faults", (req, res) => {
    controls.setFaults((bodyOf(req).rules ?? []) as Parameters<EmulatorControls["setFaults"]>[0]);
    res.json({ ok: true });
  });
  router.delete("/faults", (_req, res) => {
    controls.clearFaults();
    res.json({ ok: true });
  });
  router.get("/stats", (_req, res) => void res.json(controls.stats()));
  router.delete("/stats", (_req, res) => {
    controls.resetStats();
    res.json({ ok: true });
  });
  router.get("/outbox", (_req, res) => void res.json(controls.outbox()));
  router.get("/mail", (req, res) => {
    const mailbox = req.query.mailbox;
    res.json(controls.mail(typeof mailbox === "string" ? mailbox : undefined));
  });
  router.delete("/mail", (_req, res) => {
    controls.clearMail();
    res.json({ ok: true });
  });
  router.put("/mail/missingMailboxes", (req, res) => {
    const mailboxes = bodyOf(req).mailboxes ?? [];
    if (!Array.isArray(mailboxes) || !mailboxes.every((m) => typeof m === "string")) throw new Error("mailboxes must be an array of strings");
    controls.setMissingMailboxes(mailboxes);
    res.json({ ok: true });
  });
  registerDataRoutes(router, controls);
  router.use(renderAdminError);
  return router;
}
