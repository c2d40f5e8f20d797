// Validation of appointment POST/PATCH bodies, and linking their customers to booking customers, as Graph does.
import type { BookingAppointment, BookingPriceType, BookingService } from "@microsoft/microsoft-graph-types";
import { z } from "zod";
import { CUSTOMER_INFO_TYPE } from "./appointmentModel";
import { describeIssue, isJsonObject, newCustomer, rejectUnknownProperties } from "./customerWrite";
import { invalidRequest } from "./errors";
import type { Random } from "./random";
import type { StoredCustomer } from "./seedPeople";
import type { BusinessData } from "./store";
import { parseDateTimeTimeZone, parseDuration, toDateTimeTimeZone } from "./time";
import type { CustomerInfo } from "./types";

const PRICE_TYPES = [
  "undefined",
  "fixedPrice",
  "startingAt",
  "hourly",
  "free",
  "priceVaries",
  "callUs",
  "notSet",
  "unknownFutureValue",
] as const satisfies readonly BookingPriceType[];
const READ_ONLY = ["id", "duration", "filledAttendeesCount", "createdDateTime", "lastUpdatedDateTime", "joinWebUrl", "selfServiceAppointmentId"];

const text = z.string().nullish();
const duration = z.string().refine((v) => parseDuration(v) !== null, "not an ISO 8601 duration");
const dateTimeTimeZone = z.looseObject({ dateTime: z.string(), timeZone: z.string().nullish() });
const customerInformation = z.looseObject({
  "@odata.type": z.string().optional(),
  customerId: text,
  name: text,
  emailAddress: text,
  phone: text,
  notes: text,
  timeZone: text,
  location: z.looseObject({}).nullish(),
  customQuestionAnswers: z.array(z.looseObject({})).nullish(),
});
const reminder = z.looseObject({
  message: z.string(),
  offset: duration,
  recipients: z.enum(["allAttendees", "staff", "customer", "unknownFutureValue"]),
});

// Every bookingAppointment property of v1.0; read-only ones are accepted and ignored.
const ZAppointmentBody = z
  .object({
    id: z.unknown(),
    duration: z.unknown(),
    filledAttendeesCount: z.unknown(),
    createdDateTime: z.unknown(),
    lastUpdatedDateTime: z.unknown(),
    joinWebUrl: z.unknown(),
    selfServiceAppointmentId: z.unknown(),
    additionalInformation: text,
    anonymousJoinWebUrl: text,
    appointmentLabel: text,
    customerEmailAddress: text,
    customerName: text,
    customerNotes: text,
    customerPhone: text,
    customers: z.array(customerInformation),
    customerTimeZone: text,
    endDateTime: dateTimeTimeZone,
    isCustomerAllowedToManageBooking: z.boolean().nullish(),
    isLocationOnline: z.boolean(),
    maximumAttendeesCount: z.number().int().min(0),
    optOutOfCustomerEmail: z.boolean(),
    postBuffer: duration,
    preBuffer: duration,
    price: z.number(),
    priceType: z.enum(PRICE_TYPES),
    reminders: z.array(reminder).nullish(),
    serviceId: text,
    serviceLocation: z.looseObject({}).nullish(),
    serviceName: z.string(),
    serviceNotes: text,
    smsNotificationsEnabled: z.boolean(),
    staffMemberIds: z.array(z.string()).nullish(),
    startDateTime: dateTimeTimeZone,
  })
  .partial();

function canonicalTime(value: { dateTime: string; timeZone?: string | null }, name: string) {
  const ms = parseDateTimeTimeZone(value);
  if (ms === null) throw invalidRequest(`The value of '${name}' is not a valid dateTimeTimeZone.`);
  return toDateTimeTimeZone(ms);
}

/** Validates an appointment body; returns the writable properties with canonical UTC times. */
export function readAppointmentBody(body: unknown): Partial<BookingAppointment> {
  if (!isJsonObject(body)) throw invalidRequest("The request body must be a JSON object.");
  rejectUnknownProperties(body, Object.keys(ZAppointmentBody.shape), "microsoft.graph.bookingAppointment");
  const parsed = ZAppointmentBody.safeParse(body);
  if (!parsed.success) throw invalidRequest(describeIssue(parsed.error));
  const data = parsed.data;
  // customers[] is typed by an abstract base type: each element must name the concrete type.
  if (data.customers?.some((c) => c["@odata.type"] !== CUSTOMER_INFO_TYPE)) {
    throw invalidRequest(`Each element of 'customers' must have "@odata.type": "${CUSTOMER_INFO_TYPE}".`);
  }
  const fields: Record<string, unknown> = { ...data };
  for (const key of READ_ONLY) delete fields[key];
  if (data.startDateTime) fields.startDateTime = canonicalTime(data.startDateTime, "startDateTime");
  if (data.endDateTime) fields.endDateTime = canonicalTime(data.endDateTime, "endDateTime");
  return fields as Partial<BookingAppointment>;
}

function fillFromCustomer(info: CustomerInfo, customer: StoredCustomer): CustomerInfo {
  return {
    ...info,
    name: info.name ?? customer.displayName ?? null,
    emailAddress: info.emailAddress ?? customer.emailAddress ?? null,
    phone: info.phone ?? customer.phones?.[0]?.number ?? null,
  };
}

/**
 * Links customers[] to booking customers: known ids are completed from the customer; an element without an id
 * creates a customer. For group services (maximumAttendeesCount > 1) unknown customers are silently dropped.
 */
export function linkCustomers(
  business: BusinessData,
  infos: CustomerInfo[],
  service: BookingService | undefined,
  random: Random,
  nowIso: string,
): CustomerInfo[] {
  const group = (service?.maximumAttendeesCount ?? 1) > 1;
  const linked: CustomerInfo[] = [];
  for (const info of infos) {
    const existing = info.customerId ? business.customers.get(info.customerId) : undefined;
    if (existing) linked.push(fillFromCustomer(info, existing));
    else if (group) continue;
    else if (info.customerId) linked.push(info);
    else {
      const phones = info.phone ? [{ number: info.phone, type: "mobile" as const }] : [];
      const displayName = info.name ?? info.emailAddress ?? "";
      const created = newCustomer({ displayName, emailAddress: info.emailAddress ?? null, phones }, random, nowIso);
      business.customers.set(created.id, created);
      linked.push({ ...info, customerId: created.id });
    }
  }
  return linked;
}
