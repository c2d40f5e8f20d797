// Appointment endpoints: list, calendarView, get, create (201), update (204), delete (204) and cancel (204).
import type { Request } from "express";
import { createAppointment, customersOf, patchAppointment } from "./appointmentModel";
import { linkCustomers, readAppointmentBody } from "./appointmentWrite";
import { isJsonObject } from "./customerWrite";
import { invalidRequest, itemNotFound } from "./errors";
import { presentAppointment } from "./format";
import { navigationContext, sendEntity, type BusinessContext } from "./graphContext";
import { queryParam, requestBase, retainedParams } from "./http";
import { paginate, sendCollection } from "./paging";
import { exchangeItemId } from "./random";
import type { AppointmentRecord, StoredAppointment } from "./store";
import { formatInstant, parseInstant } from "./time";
import type { CustomerInfo, OutboxEvent } from "./types";

function rejectFilter(req: Request): void {
  if (queryParam(req, "$filter") !== undefined) throw invalidRequest("This filter query is not supported.");
}

function sendAppointmentPage(ctx: BusinessContext, records: AppointmentRecord[], params: [string, string][], nav: string): void {
  const page = paginate(ctx.req, records, (r) => r.key, ctx.state.options.pageSize);
  const value = page.items.map((r) => presentAppointment(r.appointment, "list"));
  sendCollection(ctx.req, ctx.res, navigationContext(ctx, nav), value, page, params);
}

/** GET …/appointments: every appointment by start, list form (no customers), paged. */
export function handleListAppointments(ctx: BusinessContext): void {
  rejectFilter(ctx.req);
  const params = retainedParams(ctx.req, ["$skiptoken"]);
  sendAppointmentPage(ctx, ctx.business.sortedAppointments(), params, "appointments");
}

function readWindowBound(req: Request, name: string, alias: string): number {
  const value = queryParam(req, name) ?? queryParam(req, alias);
  const ms = value === undefined ? null : parseInstant(value);
  if (ms === null) throw invalidRequest("The request is invalid.");
  return ms;
}

/** GET …/calendarView?start&end: appointments overlapping [start, end), list form, paged. */
export function handleCalendarView(ctx: BusinessContext): void {
  rejectFilter(ctx.req);
  const startMs = readWindowBound(ctx.req, "start", "startDateTime");
  const endMs = readWindowBound(ctx.req, "end", "endDateTime");
  const records = ctx.business.sortedAppointments().filter((r) => r.startMs < endMs && r.endMs > startMs);
  const params: [string, string][] = [
    ["start", formatInstant(startMs)],
    ["end", formatInstant(endMs)],
    ...retainedParams(ctx.req, ["start", "end", "startDateTime", "endDateTime", "$skiptoken"]),
  ];
  sendAppointmentPage(ctx, records, params, "calendarView");
}

function findRecord(ctx: BusinessContext): AppointmentRecord {
  const record = ctx.business.appointments.get(ctx.itemId);
  if (!record) throw itemNotFound();
  return record;
}

/** GET …/appointments/{id}: the full appointment with customers. */
export function handleGetAppointment(ctx: BusinessContext): void {
  const { appointment } = findRecord(ctx);
  sendEntity(ctx, 200, navigationContext(ctx, "appointments/$entity"), presentAppointment(appointment, "full"));
}

// Stored times are canonical UTC strings of equal length, so they compare as text.
function checkTimes(appointment: StoredAppointment): void {
  if ((appointment.endDateTime?.dateTime ?? "") < (appointment.startDateTime?.dateTime ?? "")) {
    throw invalidRequest("The endDateTime of an appointment must not be earlier than its startDateTime.");
  }
}

/** POST …/appointments: validates, applies service defaults, links customers; 201 with the full entity. */
export function handleCreateAppointment(ctx: BusinessContext): void {
  const { business, state } = ctx;
  const input = readAppointmentBody(ctx.req.body);
  if (!input.startDateTime || !input.endDateTime || !input.serviceId) {
    throw invalidRequest("startDateTime, endDateTime and serviceId are required.");
  }
  const service = business.services.get(input.serviceId);
  if (!service) throw invalidRequest(`The service '${input.serviceId}' does not exist in this business.`);
  const nowIso = state.clock.nowIso();
  const customers = linkCustomers(business, customersOf(input), service, state.random, nowIso);
  let id = exchangeItemId(state.random);
  while (business.appointments.has(id)) id = exchangeItemId(state.random);
  const appointment = createAppointment({ ...input, customers }, service, id, nowIso);
  checkTimes(appointment);
  business.putAppointment(appointment);
  const location = `${requestBase(ctx.req)}/v1.0/solutions/bookingBusinesses/${encodeURIComponent(business.id)}/appointments/${encodeURIComponent(id)}`;
  ctx.res.setHeader("Location", location);
  sendEntity(ctx, 201, navigationContext(ctx, "appointments/$entity"), presentAppointment(appointment, "full"));
}

/** PATCH …/appointments/{id}: merges writable properties, recomputes derived ones; 204. */
export function handleUpdateAppointment(ctx: BusinessContext): void {
  const { business, state } = ctx;
  const { appointment } = findRecord(ctx);
  const patch = readAppointmentBody(ctx.req.body);
  const nowIso = state.clock.nowIso();
  if (patch.customers) {
    const service = appointment.serviceId ? business.services.get(appointment.serviceId) : undefined;
    patch.customers = linkCustomers(business, customersOf(patch), service, state.random, nowIso);
  }
  const updated = patchAppointment(appointment, patch, nowIso);
  checkTimes(updated);
  business.putAppointment(updated);
  ctx.res.status(204).end();
}

function recordMail(ctx: BusinessContext, appointment: StoredAppointment, type: OutboxEvent["type"], message: string | null): void {
  const staffEmails = (appointment.staffMemberIds ?? []).map((id) => ctx.business.staff.get(id)?.emailAddress);
  const customerEmails = customersOf(appointment).map((c: CustomerInfo) => c.emailAddress);
  const recipients = [...customerEmails, ...staffEmails].filter((e): e is string => typeof e === "string" && e !== "");
  ctx.state.outbox.push({
    type,
    businessId: ctx.business.id,
    appointmentId: appointment.id,
    message,
    recipients,
    at: ctx.state.clock.nowIso(),
    appointment: structuredClone(appointment),
  });
}

/** DELETE …/appointments/{id}: removes it; Bookings also mails a cancellation; 204. */
export function handleDeleteAppointment(ctx: BusinessContext): void {
  const { appointment } = findRecord(ctx);
  ctx.business.removeAppointment(appointment.id);
  recordMail(ctx, appointment, "deleted", null);
  ctx.res.status(204).end();
}

/** POST …/appointments/{id}/cancel: mails the message; removes the appointment unless cancelMode is "keep"; 204. */
export function handleCancelAppointment(ctx: BusinessContext): void {
  const { appointment } = findRecord(ctx);
  const body: unknown = ctx.req.body;
  if (!isJsonObject(body)) throw invalidRequest("The request body must be a JSON object.");
  const message = body.cancellationMessage ?? null;
  if (message !== null && typeof message !== "string") throw invalidRequest("cancellationMessage must be a string.");
  if (ctx.state.options.cancelMode === "remove") ctx.business.removeAppointment(appointment.id);
  recordMail(ctx, appointment, "cancelled", message);
  ctx.res.status(204).end();
}
