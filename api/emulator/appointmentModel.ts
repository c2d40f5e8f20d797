// Pure appointment rules: defaults from the service, computed fields (duration, attendees), merges.
import type { BookingAppointment, BookingService } from "@microsoft/microsoft-graph-types";
import type { StoredAppointment } from "./store";
import type { CustomerInfo } from "./types";
import { formatDuration, parseDateTimeTimeZone, toDateTimeTimeZone } from "./time";

/** @odata.type every customers[] element carries. */
export const CUSTOMER_INFO_TYPE = "#microsoft.graph.bookingCustomerInformation";
/** selfServiceAppointmentId of appointments created by staff or through the API. */
export const NO_SELF_SERVICE_ID = "00000000-0000-0000-0000-000000000000";
/** Properties a client may send but Graph computes or never changes; PATCH ignores them. */
export const IGNORED_ON_PATCH: ReadonlySet<string> = new Set([
  "id",
  "duration",
  "filledAttendeesCount",
  "createdDateTime",
  "lastUpdatedDateTime",
  "joinWebUrl",
  "selfServiceAppointmentId",
  "serviceId",
  "customerNotes",
]);

/** The customers of an appointment as stored (each with its @odata.type). */
export function customersOf(appointment: BookingAppointment): CustomerInfo[] {
  return (appointment.customers ?? []) as CustomerInfo[];
}

// Copies the defined properties of source onto target (a fresh object, so mutation is safe).
function assignDefined<T extends object>(target: T, source: object): T {
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

// Fills canonical times and computed fields into a freshly built appointment.
function computeInPlace(appointment: StoredAppointment): StoredAppointment {
  const startMs = parseDateTimeTimeZone(appointment.startDateTime ?? {});
  const endMs = parseDateTimeTimeZone(appointment.endDateTime ?? {});
  if (startMs === null || endMs === null) throw new Error("appointment needs valid startDateTime and endDateTime");
  const customers = customersOf(appointment).map((c) =>
    c["@odata.type"] === CUSTOMER_INFO_TYPE ? c : { ...c, "@odata.type": CUSTOMER_INFO_TYPE },
  );
  appointment.startDateTime = toDateTimeTimeZone(startMs);
  appointment.endDateTime = toDateTimeTimeZone(endMs);
  appointment.duration = formatDuration(endMs - startMs);
  appointment.customers = customers;
  appointment.filledAttendeesCount = customers.length;
  return appointment;
}

/** Re-derives canonical UTC times, duration, filledAttendeesCount and customer @odata.types. */
export function withComputedFields(appointment: StoredAppointment): StoredAppointment {
  return computeInPlace({ ...appointment });
}

/** Defaults of a new appointment, taken from its service where Graph would. */
function defaultsFrom(service: BookingService | undefined): Partial<BookingAppointment> {
  return {
    selfServiceAppointmentId: NO_SELF_SERVICE_ID,
    additionalInformation: service?.additionalInformation ?? null,
    anonymousJoinWebUrl: null,
    appointmentLabel: null,
    isCustomerAllowedToManageBooking: service?.isCustomerAllowedToManageBooking ?? false,
    isLocationOnline: service?.isLocationOnline ?? false,
    joinWebUrl: null,
    customerTimeZone: null,
    customerName: null,
    customerEmailAddress: null,
    customerPhone: null,
    customerNotes: null,
    serviceName: service?.displayName ?? "",
    serviceNotes: null,
    serviceLocation: service?.defaultLocation ?? null,
    preBuffer: service?.preBuffer ?? "PT0S",
    postBuffer: service?.postBuffer ?? "PT0S",
    price: service?.defaultPrice ?? 0,
    priceType: service?.defaultPriceType ?? "undefined",
    maximumAttendeesCount: service?.maximumAttendeesCount ?? 1,
    optOutOfCustomerEmail: false,
    smsNotificationsEnabled: service?.smsNotificationsEnabled ?? false,
    staffMemberIds: [],
    reminders: service?.defaultReminders ?? [],
    customers: [],
  };
}

/** Builds a new stored appointment: service defaults, given fields, then id, timestamps and computed fields. */
export function createAppointment(
  input: Partial<BookingAppointment>,
  service: BookingService | undefined,
  id: string,
  nowIso: string,
): StoredAppointment {
  const appointment = assignDefined({ id, ...defaultsFrom(service) } as StoredAppointment, input);
  appointment.id = id;
  appointment.serviceId = input.serviceId ?? service?.id ?? null;
  appointment.createdDateTime = input.createdDateTime ?? nowIso;
  appointment.lastUpdatedDateTime = input.lastUpdatedDateTime ?? nowIso;
  return computeInPlace(appointment);
}

/** Applies a PATCH: read-only and immutable properties are ignored, lastUpdatedDateTime is bumped. */
export function patchAppointment(
  existing: StoredAppointment,
  patch: Partial<BookingAppointment>,
  nowIso: string,
): StoredAppointment {
  const writable = Object.fromEntries(Object.entries(patch).filter(([key]) => !IGNORED_ON_PATCH.has(key)));
  const appointment = assignDefined({ ...existing }, writable);
  appointment.lastUpdatedDateTime = nowIso;
  return computeInPlace(appointment);
}
