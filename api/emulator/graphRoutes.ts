// The Graph router: ids → stats → auth → holds → throttling → faults → body → dispatch by parsed path → error envelope.
import express, { type Request, type Response, type Router } from "express";
import {
  handleCalendarView,
  handleCancelAppointment,
  handleCreateAppointment,
  handleDeleteAppointment,
  handleGetAppointment,
  handleListAppointments,
  handleUpdateAppointment,
} from "./appointmentHandlers";
import {
  handleCreateCustomer,
  handleGetBusiness,
  handleGetCustomer,
  handleGetService,
  handleGetStaff,
  handleListBusinesses,
  handleListCustomers,
  handleListServices,
  handleListStaff,
} from "./directoryHandlers";
import { badRequest, businessNotFound, methodNotAllowed } from "./errors";
import type { BusinessContext } from "./graphContext";
import type { GraphRoute } from "./graphPath";
import { assignRequestIds } from "./http";
import { dispatchMail } from "./mailHandlers";
import { classifyRequest, injectFaults, limitConcurrency, parseBody, renderGraphErrors, requireBearer, targetOf } from "./pipeline";
import type { EmulatorState } from "./state";

type BusinessHandler = (ctx: BusinessContext) => void;

const BUSINESS_ROUTES: Record<Exclude<GraphRoute, "businesses">, Partial<Record<string, BusinessHandler>>> = {
  business: { GET: handleGetBusiness },
  appointments: { GET: handleListAppointments, POST: handleCreateAppointment },
  appointment: { GET: handleGetAppointment, PATCH: handleUpdateAppointment, DELETE: handleDeleteAppointment },
  cancelAppointment: { POST: handleCancelAppointment },
  calendarView: { GET: handleCalendarView },
  customers: { GET: handleListCustomers, POST: handleCreateCustomer },
  customer: { GET: handleGetCustomer },
  services: { GET: handleListServices },
  service: { GET: handleGetService },
  staffMembers: { GET: handleListStaff },
  staffMember: { GET: handleGetStaff },
};

function dispatch(state: EmulatorState) {
  return (req: Request, res: Response): void => {
    const target = targetOf(res);
    switch (target.route) {
      case "malformed":
        throw badRequest("The request URI is malformed.");
      case "badVersion":
        throw badRequest(`Invalid version: ${target.segment}`);
      case "unknown":
        throw badRequest(`Resource not found for the segment '${target.segment}'.`);
      case "businesses":
        if (req.method !== "GET") throw methodNotAllowed();
        return handleListBusinesses({ req, res, state });
      case "mail":
        return dispatchMail(req, res, state, target);
    }
    const handler = BUSINESS_ROUTES[target.route][req.method];
    if (!handler) throw methodNotAllowed();
    const businessId = target.businessId ?? "";
    const business = state.store.find(businessId);
    if (!business) throw businessNotFound(businessId);
    handler({ req, res, state, business, itemId: target.itemId ?? "" });
  };
}

/** Everything Graph: the Bookings tree and mail under /v1.0, upload URLs, and Graph-style errors for any other path. */
export function graphRouter(state: EmulatorState): Router {
  const router = express.Router();
  router.use(assignRequestIds);
  router.use(classifyRequest(state));
  router.use(requireBearer);
  router.use(state.holds.middleware("arrival"));
  router.use(limitConcurrency(state));
  router.use(state.holds.middleware("admitted"));
  router.use(injectFaults(state));
  // After the fault interceptors, so a held answer is released before a fault hides it.
  router.use(state.holds.middleware("beforeAnswer"));
  router.use(parseBody);
  router.use(dispatch(state));
  router.use(renderGraphErrors(state));
  return router;
}
