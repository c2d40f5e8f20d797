// Builds the emulator's data for a seed option, deterministically from the clock's now and the random seed.
import { generateAppointments, workingDays } from "./seedAppointments";
import { buildBusiness, buildServices, buildStaff, wholeSeconds } from "./seedCatalog";
import { buildDemoCustomers, buildGeneratedCustomers } from "./seedPeople";
import type { Random } from "./random";
import { BusinessData, EmulatorStore } from "./store";
import { MS } from "./time";
import type { SeedOption } from "./types";

/** Appointments in the demo seed (from 90 days ago to 14 days ahead). */
export const DEMO_APPOINTMENT_COUNT = 300;
const DEFAULT_BENCH_CUSTOMERS = 200;

function checkSeed(seed: SeedOption): void {
  if (typeof seed === "string") {
    if (seed !== "demo" && seed !== "empty") throw new Error(`unknown seed "${String(seed)}"`);
    return;
  }
  const valid = (n: unknown, min: number): boolean => typeof n === "number" && Number.isInteger(n) && n >= min;
  if (!valid(seed.appointments, 0) || !valid(seed.days, 1) || (seed.customers !== undefined && !valid(seed.customers, 1))) {
    throw new Error("seed needs integer appointments >= 0, days >= 1 and customers >= 1");
  }
}

/**
 * One business (the demo business) with staff and services; "empty" stops there, "demo" adds 40 customers and
 * ~300 appointments around now, a volume seed adds that many appointments over the last `days` days (all past).
 */
export function buildStore(seed: SeedOption, nowMs: number, random: Random): EmulatorStore {
  checkSeed(seed);
  const store = new EmulatorStore();
  const createdIso = wholeSeconds(nowMs - 400 * MS.DAY);
  const data = new BusinessData(buildBusiness(createdIso));
  store.add(data);
  const staff = buildStaff(random, createdIso);
  const services = buildServices(random, staff.map((s) => s.id), createdIso);
  for (const member of staff) data.staff.set(member.id, member);
  for (const service of services) data.services.set(service.id, service);
  if (seed === "empty") return store;

  const demo = seed === "demo";
  const customers = demo
    ? buildDemoCustomers(random, createdIso)
    : buildGeneratedCustomers(random, seed.customers ?? DEFAULT_BENCH_CUSTOMERS, createdIso);
  for (const customer of customers) data.customers.set(customer.id, customer);
  const appointments = generateAppointments({
    random,
    count: demo ? DEMO_APPOINTMENT_COUNT : seed.appointments,
    days: demo ? workingDays(nowMs, -90, 14) : workingDays(nowMs, -seed.days, -1),
    staff,
    services,
    customers,
    nowMs,
  });
  for (const appointment of appointments) data.putAppointment(appointment);
  return store;
}
