// In-process controls of a running emulator: reset, clock, faults, holds, stats, outboxes and typed data helpers for tests.
import type {
  BookingAppointment,
  BookingBusiness,
  BookingCustomer,
  BookingService,
  BookingStaffMember,
} from "@microsoft/microsoft-graph-types";
import { createAppointment, withComputedFields } from "./appointmentModel";
import { newCustomer } from "./customerWrite";
import { presentAppointment } from "./format";
import { mailboxKey } from "./mail";
import { exchangeItemId } from "./random";
import { DEMO_TIME_ZONE } from "./seedCatalog";
import { resetData, type EmulatorState } from "./state";
import { BusinessData } from "./store";
import { MS, parseDateTimeTimeZone, parseDuration, toDateTimeTimeZone } from "./time";
import type { BusinessContents, EmulatorControls } from "./types";

function businessOf(state: EmulatorState, id: string): BusinessData {
  const data = state.store.find(id);
  if (!data) throw new Error(`Unknown business "${id}"`);
  return data;
}

function requireItem<T>(map: Map<string, T>, id: string, what: string): T {
  const item = map.get(id);
  if (item === undefined) throw new Error(`Unknown ${what} "${id}"`);
  return item;
}

/** Creates or merges an appointment the way Bookings' own UI would: defaults from the service, fresh timestamps. */
function upsertAppointment(state: EmulatorState, businessId: string, partial: Partial<BookingAppointment>): BookingAppointment {
  const data = businessOf(state, businessId);
  const nowIso = state.clock.nowIso();
  const existing = partial.id ? data.appointments.get(partial.id)?.appointment : undefined;
  if (existing) {
    const merged = withComputedFields({ ...existing, ...partial, id: existing.id, lastUpdatedDateTime: partial.lastUpdatedDateTime ?? nowIso });
    return structuredClone(data.putAppointment(merged).appointment);
  }
  const service = data.services.get(partial.serviceId ?? "") ?? data.services.values().next().value;
  const startMs = partial.startDateTime ? parseDateTimeTimeZone(partial.startDateTime) : state.clock.nowMs();
  if (startMs === null) throw new Error("upsertAppointment: invalid startDateTime");
  const lengthMs = parseDuration(service?.defaultDuration ?? "") ?? 30 * MS.MINUTE;
  let id = partial.id ?? exchangeItemId(state.random);
  while (!partial.id && data.appointments.has(id)) id = exchangeItemId(state.random);
  const appointment = createAppointment(
    {
      customerTimeZone: DEMO_TIME_ZONE,
      ...partial,
      startDateTime: toDateTimeTimeZone(startMs),
      endDateTime: partial.endDateTime ?? toDateTimeTimeZone(startMs + lengthMs),
    },
    service,
    id,
    nowIso,
  );
  return structuredClone(data.putAppointment(appointment).appointment);
}

function addBusiness(state: EmulatorState, business: Partial<BookingBusiness> & { id: string }, contents: BusinessContents = {}): BookingBusiness {
  if (state.store.find(business.id)) throw new Error(`Business "${business.id}" exists`);
  const nowIso = state.clock.nowIso();
  const data = new BusinessData({ displayName: business.id, createdDateTime: nowIso, lastUpdatedDateTime: nowIso, ...business });
  state.store.add(data);
  const withId = <T extends { id?: string }>(item: T): T & { id: string } => ({ ...item, id: item.id ?? state.random.guid() });
  for (const service of (contents.services ?? []).map(withId)) data.services.set(service.id, service);
  for (const member of (contents.staffMembers ?? []).map(withId)) data.staff.set(member.id, member);
  for (const customer of (contents.customers ?? []).map(withId)) data.customers.set(customer.id, customer);
  for (const a of contents.appointments ?? []) upsertAppointment(state, business.id, a);
  return structuredClone(data.business);
}

function dataHelpers(state: EmulatorState) {
  const now = (): string => state.clock.nowIso();
  return {
    businesses: (): BookingBusiness[] => structuredClone(state.store.list().map((d) => d.business)),
    appointments: (id: string): BookingAppointment[] =>
      structuredClone(businessOf(state, id).sortedAppointments().map((r) => presentAppointment(r.appointment, "full"))),
    customers: (id: string): BookingCustomer[] => structuredClone([...businessOf(state, id).customers.values()]),
    services: (id: string): BookingService[] => structuredClone([...businessOf(state, id).services.values()]),
    staffMembers: (id: string): BookingStaffMember[] => structuredClone([...businessOf(state, id).staff.values()]),
    upsertAppointment: (id: string, partial: Partial<BookingAppointment>) => upsertAppointment(state, id, partial),
    removeAppointment: (id: string, apptId: string): boolean => businessOf(state, id).removeAppointment(apptId) !== undefined,
    addCustomer(id: string, partial: Partial<BookingCustomer>): BookingCustomer {
      const customer = { ...newCustomer(partial, state.random, now()), ...(partial.id ? { id: partial.id } : {}) };
      businessOf(state, id).customers.set(customer.id, customer);
      return structuredClone(customer);
    },
    updateCustomer(id: string, customerId: string, patch: Partial<BookingCustomer>): BookingCustomer {
      const customers = businessOf(state, id).customers;
      const updated = { ...requireItem(customers, customerId, "customer"), ...patch, id: customerId, lastUpdatedDateTime: now() };
      customers.set(customerId, updated);
      return structuredClone(updated);
    },
    removeCustomer: (id: string, customerId: string): boolean => businessOf(state, id).customers.delete(customerId),
    addService(id: string, partial: Partial<BookingService>): BookingService {
      const service = { displayName: "", ...partial, id: partial.id ?? state.random.guid(), createdDateTime: now(), lastUpdatedDateTime: now() };
      businessOf(state, id).services.set(service.id, service);
      return structuredClone(service);
    },
    updateService(id: string, serviceId: string, patch: Partial<BookingService>): BookingService {
      const services = businessOf(state, id).services;
      const updated = { ...requireItem(services, serviceId, "service"), ...patch, id: serviceId, lastUpdatedDateTime: now() };
      services.set(serviceId, updated);
      return structuredClone(updated);
    },
    removeService: (id: string, serviceId: string): boolean => businessOf(state, id).services.delete(serviceId),
    addBusiness: (business: Partial<BookingBusiness> & { id: string }, contents?: BusinessContents) =>
      addBusiness(state, business, contents),
  };
}

/** Builds the EmulatorControls of a state. */
export function createControls(state: EmulatorState): EmulatorControls {
  return {
    reset: (seed) => resetData(state, seed ?? state.options.seed),
    setClock(date) {
      const fixed = date === null ? null : new Date(date);
      if (fixed && Number.isNaN(fixed.getTime())) throw new Error(`setClock: invalid date "${String(date)}"`);
      state.clock.set(fixed);
    },
    now: () => state.clock.now(),
    setFaults: (rules) => state.faults.set(rules),
    clearFaults: () => state.faults.set([]),
    hold: (match, options) => state.holds.add(match, options),
    stats: () => state.stats.snapshot(),
    resetStats: () => state.stats.reset(),
    outbox: () => structuredClone(state.outbox),
    mail: (mailbox) => state.mail.outbox(mailbox),
    clearMail: () => state.mail.clear(),
    setMissingMailboxes(addresses) {
      state.missingMailboxes = new Set(addresses.map(mailboxKey));
    },
    ...dataHelpers(state),
  };
}
