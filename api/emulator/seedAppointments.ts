// Generated appointments: spread over working days, laid out per staff member within opening hours.
import { CUSTOMER_INFO_TYPE, createAppointment } from "./appointmentModel";
import { exchangeItemId, type Random } from "./random";
import { DEMO_TIME_ZONE, OPENING, SERVICE_SPECS, type ServiceSpec } from "./seedCatalog";
import type { StoredCustomer } from "./seedPeople";
import type { StoredAppointment } from "./store";
import type { BookingService, BookingStaffMember } from "@microsoft/microsoft-graph-types";
import type { CustomerInfo } from "./types";
import { formatInstant, MS, toDateTimeTimeZone, zonedDate, zonedTimeToUtc } from "./time";

/** What appointment generation draws from. */
export interface AppointmentPlan {
  random: Random;
  count: number;
  /** Local calendar days (wall-clock midnight as UTC ms) to book on. */
  days: number[];
  staff: (BookingStaffMember & { id: string })[];
  /** Services in SERVICE_SPECS order. */
  services: (BookingService & { id: string })[];
  customers: StoredCustomer[];
  nowMs: number;
}

interface Pools {
  all: StoredCustomer[];
  withoutEmail: StoredCustomer[];
}

const SLOT = 15 * MS.MINUTE;
const OPEN = OPENING.fromHour * MS.HOUR;
const CLOSE = OPENING.toHour * MS.HOUR;
const SERVICE_NOTES = ["Bring previous X-ray report.", "Lower back, left side.", "Check knee mobility.", "Referral from Dr. Weiß."];

/** Local working days (Mon–Fri) from `fromOffset` to `toOffset` days around now; all days if none is a working day. */
export function workingDays(nowMs: number, fromOffset: number, toOffset: number): number[] {
  const today = zonedDate(nowMs, DEMO_TIME_ZONE);
  const all: number[] = [];
  for (let offset = fromOffset; offset <= toOffset; offset++) all.push(today + offset * MS.DAY);
  const working = all.filter((day) => new Date(day).getUTCDay() % 6 !== 0);
  return working.length > 0 ? working : all;
}

function customerInfo(customer: StoredCustomer): CustomerInfo {
  return {
    "@odata.type": CUSTOMER_INFO_TYPE,
    customerId: customer.id,
    name: customer.displayName ?? null,
    emailAddress: customer.emailAddress ?? null,
    phone: customer.phones?.[0]?.number ?? null,
    notes: null,
    location: null,
    timeZone: DEMO_TIME_ZONE,
    customQuestionAnswers: [],
  };
}

function pickCustomers(random: Random, pools: Pools, index: number, spec: ServiceSpec): CustomerInfo[] {
  if (spec.maxAttendees > 1) {
    const chosen = new Set<StoredCustomer>();
    const wanted = Math.min(random.int(2, 6), pools.all.length);
    while (chosen.size < wanted) chosen.add(random.pick(pools.all));
    return [...chosen].map(customerInfo);
  }
  // Every 29th single booking goes to a customer without e-mail, so such bookings always exist.
  const pool = index % 29 === 5 && pools.withoutEmail.length > 0 ? pools.withoutEmail : pools.all;
  return [customerInfo(random.pick(pool))];
}

function timestamps(plan: AppointmentPlan, startMs: number): { created: string; updated: string } {
  const { random, nowMs } = plan;
  const booked = startMs - random.int(1, 21) * MS.DAY - random.int(0, 600) * MS.MINUTE;
  const created = Math.min(booked, nowMs - random.int(1, 72) * MS.HOUR) + random.int(0, 999);
  const updated = random.chance(0.15) ? Math.min(created + random.int(1, 72) * MS.HOUR, nowMs) : created;
  return { created: formatInstant(created), updated: formatInstant(updated) };
}

interface Slot {
  index: number;
  spec: ServiceSpec;
  service: BookingService & { id: string };
  staffId: string;
  startMs: number;
  endMs: number;
}

function buildAppointment(plan: AppointmentPlan, pools: Pools, slot: Slot, id: string): StoredAppointment {
  const { random } = plan;
  const { spec, service } = slot;
  const stamps = timestamps(plan, slot.startMs);
  const custom = spec.maxAttendees === 1 && spec.price > 0 && random.chance(0.04);
  return createAppointment(
    {
      startDateTime: toDateTimeTimeZone(slot.startMs),
      endDateTime: toDateTimeTimeZone(slot.endMs),
      staffMemberIds: [slot.staffId],
      customers: pickCustomers(random, pools, slot.index, spec),
      price: custom ? Math.round(spec.price * 90) / 100 : spec.price,
      customerTimeZone: DEMO_TIME_ZONE,
      serviceNotes: random.chance(0.1) ? random.pick(SERVICE_NOTES) : null,
      customerNotes: random.chance(0.05) ? "Prefers morning appointments." : null,
      createdDateTime: stamps.created,
      lastUpdatedDateTime: stamps.updated,
    },
    service,
    id,
    stamps.created,
  );
}

function weightedSpecIndex(random: Random, totalWeight: number): number {
  let roll = random.next() * totalWeight;
  for (let i = 0; i < SERVICE_SPECS.length; i++) {
    roll -= SERVICE_SPECS[i]?.weight ?? 0;
    if (roll < 0) return i;
  }
  return 0;
}

/** Lays out `count` appointments on one day; each staff member works through the day from a random start. */
function layoutDay(plan: AppointmentPlan, day: number, count: number, firstIndex: number): Slot[] {
  const { random } = plan;
  const cursors = plan.staff.map(() => OPEN + random.int(0, 4) * 2 * SLOT);
  // Offsets change at night (DST), never during opening hours: one offset per day suffices.
  const noon = day + 12 * MS.HOUR;
  const offset = noon - (zonedTimeToUtc(noon, DEMO_TIME_ZONE) ?? noon);
  const totalWeight = SERVICE_SPECS.reduce((sum, s) => sum + s.weight, 0);
  const slots: Slot[] = [];
  for (let k = 0; k < count; k++) {
    const specIndex = weightedSpecIndex(random, totalWeight);
    const spec = SERVICE_SPECS[specIndex] as ServiceSpec;
    const staffIndex = spec.staff.reduce((best, s) => ((cursors[s] ?? 0) < (cursors[best] ?? 0) ? s : best));
    const length = spec.minutes * MS.MINUTE;
    let start = (cursors[staffIndex] ?? OPEN) + random.int(0, 2) * SLOT;
    // An overbooked day (benchmark volumes) restarts at a random slot; overlaps are then allowed.
    if (start + length > CLOSE) start = OPEN + random.int(0, Math.floor((CLOSE - OPEN - length) / SLOT)) * SLOT;
    cursors[staffIndex] = Math.ceil((start + length + spec.postBufferMinutes * MS.MINUTE) / SLOT) * SLOT;
    const startMs = day + start - offset;
    const service = plan.services[specIndex] as BookingService & { id: string };
    const staffId = plan.staff[staffIndex]?.id ?? "";
    slots.push({ index: firstIndex + k, spec, service, staffId, startMs, endMs: startMs + length });
  }
  return slots;
}

/** Generates the plan's appointments, evenly spread over its days, with unique Exchange-looking ids. */
export function generateAppointments(plan: AppointmentPlan): StoredAppointment[] {
  const ids = new Set<string>();
  const pools = { all: plan.customers, withoutEmail: plan.customers.filter((c) => !c.emailAddress) };
  const out: StoredAppointment[] = [];
  const n = plan.days.length;
  plan.days.forEach((day, i) => {
    const count = Math.floor(((i + 1) * plan.count) / n) - Math.floor((i * plan.count) / n);
    for (const slot of layoutDay(plan, day, count, out.length)) {
      let id = exchangeItemId(plan.random);
      while (ids.has(id)) id = exchangeItemId(plan.random);
      ids.add(id);
      out.push(buildAppointment(plan, pools, slot, id));
    }
  });
  return out;
}
