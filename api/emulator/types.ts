// Public types of the Graph Bookings emulator: options, fault rules, statistics, outboxes and controls.
import type {
  BookingAppointment,
  BookingBusiness,
  BookingCustomer,
  BookingCustomerInformation,
  BookingService,
  BookingStaffMember,
} from "@microsoft/microsoft-graph-types";
import type { EmulatorHold, HoldOptions, HoldPhase } from "./holds";

export type { EmulatorHold, HoldOptions, HoldPhase };

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
  /** Messages a sender mailbox may submit (sendMail and draft send) per sliding 60 s of the emulator clock; default 30. */
  mailPerMinute?: number;
  /** In-flight limit of mail requests per (app × mailbox); default 4. */
  mailMaxConcurrent?: number;
}

/**
 * What an injected fault does to a matching request. The first kinds answer instead of the handler, so nothing
 * takes effect. The "…AfterSend" kinds let the handler run first (the mail is sent, the write is stored) and then
 * hide its success answer: "afterSend" answers `status` instead, "dropAfterSend" destroys the socket and
 * "delayAfterSend" answers only after `delayMs` (so a client timeout fires after the effect). An error answer of the
 * handler passes unchanged and does not use up the rule's count.
 */
export type FaultKind =
  | "429"
  | "429-no-retry-after"
  | "429-http-date"
  | "503"
  | "504"
  | "500"
  | "404"
  | "403"
  | "drop"
  | "truncate"
  | "afterSend"
  | "dropAfterSend"
  | "delayAfterSend";

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
  /** "afterSend" only: the status answered instead of the success (400–599); default 500. */
  status?: number;
  /** "delayAfterSend" only: how long the success answer is held back, in real ms; default 1000. */
  delayMs?: number;
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
  | "sendMail"
  | "createMessage"
  | "getMessage"
  | "deleteMessage"
  | "sendMessage"
  | "addAttachment"
  | "createUploadSession"
  | "uploadChunk"
  | "listMessages"
  | "other";

/** Request counters since the last resetStats(). */
export interface EmulatorStats {
  total: number;
  byKind: Record<string, number>;
  /** 429s caused by the concurrency limits, Bookings' and the mailboxes' (not by fault rules). */
  throttled: number;
  /** 429 ApplicationThrottled answers of the per-minute mail limit. */
  mailThrottled: number;
  /** Requests answered by a fault rule (an "…AfterSend" rule counts when it hid a success). */
  faulted: number;
  /** Highest number of simultaneous in-flight requests seen for one (app × business). */
  maxInFlight: number;
  /** Highest number of simultaneous in-flight mail requests seen for one (app × mailbox). */
  maxMailInFlight: number;
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

/** A message the emulator accepted for delivery (sendMail, or send of a draft), as GET /_emulator/mail lists it. */
export interface SentMail {
  /** Id of its Sent Items copy; a fresh id when saveToSentItems was false. */
  id: string;
  /** The sender mailbox as addressed in /users/{mailbox}. */
  mailbox: string;
  /** message.from when given (send as), else the mailbox. */
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  bodyContentType: "html" | "text";
  body: string;
  /** Attachments with their decoded size in bytes and SHA-256 (hex) of the decoded bytes. */
  attachments: { name: string; contentType: string; size: number; sha256: string }[];
  /** singleValueExtendedProperties: id (as sent) → value. */
  extendedProperties: Record<string, string>;
  /** internetMessageHeaders: name → value. */
  headers: Record<string, string>;
  internetMessageId: string;
  /** ISO UTC instant of acceptance (emulator clock). */
  sentAt: string;
  /** request-id of the sendMail or send call. */
  requestId: string;
  /** "sendMail", or "uploadSession" for a draft sent with POST …/messages/{id}/send. */
  via: "sendMail" | "uploadSession";
  savedToSentItems: boolean;
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
  /** Reloads the data (default: the seed given at creation), empties both outboxes and the mailboxes, forgets mail rates. */
  reset(seed?: SeedOption): void;
  /** Freezes the clock at a date, or returns to the configured clock with null. */
  setClock(date: Date | string | null): void;
  now(): Date;
  /** Replaces the fault rules and restarts the fault PRNG. */
  setFaults(rules: FaultRule[]): void;
  clearFaults(): void;
  /**
   * Holds requests whose path matches the regular expression until released: a latch for tests (in process only).
   * By default they wait on arrival, outside the concurrency slots; see HoldOptions for the other phases.
   */
  hold(match: string, options?: HoldOptions): EmulatorHold;
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
  /** Messages accepted by sendMail and draft send, in send order; only one sender mailbox's when given (any case). */
  mail(mailbox?: string): SentMail[];
  /** Empties the mail outbox, the mailboxes' drafts and Sent Items and the upload sessions; the per-minute windows stay. */
  clearMail(): void;
  /** Mailboxes that answer 404 ErrorInvalidUser although they look like addresses (replaces the list). */
  setMissingMailboxes(addresses: string[]): void;
}
