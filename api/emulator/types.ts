// Public types of the Graph Bookings emulator: options, fault rules, statistics, outbox and controls.
import type {
  BookingAppointment,
  BookingBusiness,
  BookingCustomer,
  BookingCustomerInformation,
  BookingService,
  BookingStaffMember,
} from "@microsoft/microsoft-graph-types";
import type { EmulatorHold } from "./holds";

export type { EmulatorHold };

/** Data set loaded on reset: the demo business, its catalogue without bookings, or a benchmark volume. */
export type SeedOption = "demo" | "empty" | { appointments: number; days: number; customers?: number };

/** Options of createEmulator/startEmulator; every field has a default. */
export interface EmulatorOptions {
  /** Data set loaded at start and by reset(); default "demo". */
  seed?: SeedOption;
  /** Clock; default () => new Date(); controls.setClock overrides it. */
  now?: () => Date;
  /** Page size of list and calendarView responses; default 100. */
  pageSize?: number;
  /** In-flight limit per (app × business); default 4. */
  maxConcurrent?: number;
  /** Retry-After (seconds) sent on throttling 429 and on 503; default 1. */
  retryAfterSeconds?: number;
  /** Artificial delay per Graph request, applied while the request is in flight; default 0. */
  latencyMs?: number;
  /** PRNG seed for data and fault injection; default 42. */
  randomSeed?: number;
  /** What cancel does: "remove" the appointment like DELETE (default) or "keep" it. */
  cancelMode?: "remove" | "keep";
}

/** What an injected fault does to a matching request. */
export type FaultKind = "429" | "429-no-retry-after" | "429-http-date" | "503" | "504" | "500" | "404" | "403" | "drop" | "truncate";

/** One fault-injection rule; the first rule that matches and fires wins. */
export interface FaultRule {
  /** Regular expression tested against the request path (raw and URL-decoded). */
  match?: string;
  /** HTTP method (case-insensitive); any method when absent. */
  method?: string;
  /** Chance (0..1) that a matching call fires, drawn from the seeded PRNG; default 1. */
  probability?: number;
  /** Fire on at most the next N matching calls; unlimited when absent. */
  count?: number;
  kind: FaultKind;
}

/** Request classes counted by stats().byKind. */
export type RequestKind =
  | "listBusinesses"
  | "getBusiness"
  | "calendarView"
  | "listAppointments"
  | "getAppointment"
  | "listCustomers"
  | "getCustomer"
  | "listServices"
  | "getService"
  | "listStaff"
  | "getStaff"
  | "write"
  | "other";

/** Request counters since the last resetStats(). */
export interface EmulatorStats {
  total: number;
  byKind: Record<string, number>;
  /** 429s caused by the concurrency limit (not by fault rules). */
  throttled: number;
  /** Requests answered by a fault rule. */
  faulted: number;
  /** Highest number of simultaneous in-flight requests seen for one (app × business). */
  maxInFlight: number;
}

/** A mail Bookings would send when an appointment is cancelled or deleted. */
export interface OutboxEvent {
  type: "cancelled" | "deleted";
  businessId: string;
  appointmentId: string;
  message: string | null;
  /** Customer and staff e-mail addresses the mail goes to. */
  recipients: string[];
  /** ISO UTC instant of the event (emulator clock). */
  at: string;
  appointment: BookingAppointment;
}

/** A customers[] element as stored and returned by GET-by-id. */
export type CustomerInfo = BookingCustomerInformation & { "@odata.type"?: string };

/** Catalogue and data of a business added with addBusiness(). */
export interface BusinessContents {
  services?: BookingService[];
  staffMembers?: BookingStaffMember[];
  customers?: BookingCustomer[];
  appointments?: Partial<BookingAppointment>[];
}

/** In-process control of the emulator for tests and benchmarks (also served under /_emulator). */
export interface EmulatorControls {
  /** Reloads the data (default: the seed given at creation) and empties the outbox. */
  reset(seed?: SeedOption): void;
  /** Freezes the clock at a date, or returns to the configured clock with null. */
  setClock(date: Date | string | null): void;
  now(): Date;
  /** Replaces the fault rules and restarts the fault PRNG. */
  setFaults(rules: FaultRule[]): void;
  clearFaults(): void;
  /** Holds requests whose path matches the regular expression until released: a latch for tests (in process only). */
  hold(match: string): EmulatorHold;
  stats(): EmulatorStats;
  resetStats(): void;
  businesses(): BookingBusiness[];
  /** Appointments as GET-by-id returns them (customers and legacy customer fields filled), sorted by start. */
  appointments(businessId: string): BookingAppointment[];
  customers(businessId: string): BookingCustomer[];
  services(businessId: string): BookingService[];
  staffMembers(businessId: string): BookingStaffMember[];
  /** Creates (no or unknown id) or merges an appointment; bumps lastUpdatedDateTime. */
  upsertAppointment(businessId: string, partial: Partial<BookingAppointment>): BookingAppointment;
  /** Removes an appointment silently (no outbox mail); false when unknown. */
  removeAppointment(businessId: string, id: string): boolean;
  addCustomer(businessId: string, partial: Partial<BookingCustomer>): BookingCustomer;
  updateCustomer(businessId: string, id: string, patch: Partial<BookingCustomer>): BookingCustomer;
  removeCustomer(businessId: string, id: string): boolean;
  addService(businessId: string, partial: Partial<BookingService>): BookingService;
  updateService(businessId: string, id: string, patch: Partial<BookingService>): BookingService;
  removeService(businessId: string, id: string): boolean;
  addBusiness(business: Partial<BookingBusiness> & { id: string }, contents?: BusinessContents): BookingBusiness;
  /** Cancellation and deletion mails, oldest first. */
  outbox(): OutboxEvent[];
}
