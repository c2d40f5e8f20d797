// In-memory Bookings data: one BusinessData per booking mailbox, appointments kept sorted by start.
import type {
  BookingAppointment,
  BookingBusiness,
  BookingCustomer,
  BookingService,
  BookingStaffMember,
} from "@microsoft/microsoft-graph-types";
import { parseDateTimeTimeZone } from "./time";

/** A stored appointment: always has an id and canonical UTC start/end. */
export type StoredAppointment = BookingAppointment & { id: string };

/** A stored appointment with its instants and its sort/paging key. */
export interface AppointmentRecord {
  readonly appointment: StoredAppointment;
  readonly startMs: number;
  readonly endMs: number;
  /** Sort key (start, id); also the keyset position used by $skiptoken. */
  readonly key: string;
}

/** Sort key of an appointment: zero-padded start ms, then id. */
export function appointmentKey(startMs: number, id: string): string {
  return `${String(Math.max(0, startMs)).padStart(15, "0")}|${id}`;
}

function toRecord(appointment: StoredAppointment): AppointmentRecord {
  const startMs = parseDateTimeTimeZone(appointment.startDateTime ?? {});
  const endMs = parseDateTimeTimeZone(appointment.endDateTime ?? {});
  if (startMs === null || endMs === null) throw new Error(`appointment ${appointment.id} has invalid times`);
  return { appointment, startMs, endMs, key: appointmentKey(startMs, appointment.id) };
}

/** Everything one booking business holds. */
export class BusinessData {
  readonly appointments = new Map<string, AppointmentRecord>();
  readonly customers = new Map<string, BookingCustomer & { id: string }>();
  readonly services = new Map<string, BookingService & { id: string }>();
  readonly staff = new Map<string, BookingStaffMember & { id: string }>();
  private sorted: AppointmentRecord[] | null = null;

  constructor(public business: BookingBusiness & { id: string }) {}

  get id(): string {
    return this.business.id;
  }

  /** Inserts or replaces an appointment. */
  putAppointment(appointment: StoredAppointment): AppointmentRecord {
    const record = toRecord(appointment);
    this.appointments.set(appointment.id, record);
    this.sorted = null;
    return record;
  }

  /** Removes an appointment and returns it, or undefined when unknown. */
  removeAppointment(id: string): AppointmentRecord | undefined {
    const record = this.appointments.get(id);
    if (record) {
      this.appointments.delete(id);
      this.sorted = null;
    }
    return record;
  }

  /** All appointments sorted by (start, id); cached until the next change. */
  sortedAppointments(): AppointmentRecord[] {
    this.sorted ??= [...this.appointments.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return this.sorted;
  }
}

/** All businesses, looked up case-insensitively by SMTP id. */
export class EmulatorStore {
  private readonly byId = new Map<string, BusinessData>();

  add(data: BusinessData): void {
    this.byId.set(data.id.toLowerCase(), data);
  }

  find(id: string): BusinessData | undefined {
    return this.byId.get(id.toLowerCase());
  }

  list(): BusinessData[] {
    return [...this.byId.values()];
  }
}
