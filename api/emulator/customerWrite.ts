// Creating booking customers: validation of a POST body, and the customer record Graph creates.
import type { BookingCustomer } from "@microsoft/microsoft-graph-types";
import { z } from "zod";
import { invalidRequest, unknownProperty } from "./errors";
import type { Random } from "./random";
import type { StoredCustomer } from "./seedPeople";

// Addresses and phones are loose: Graph echoes keys such as type and postOfficeBox that v1.0 does not define.
const ZCustomerBody = z.object({
  id: z.unknown().optional(),
  createdDateTime: z.unknown().optional(),
  lastUpdatedDateTime: z.unknown().optional(),
  displayName: z.string().trim().min(1, "displayName is required."),
  emailAddress: z.string().nullish(),
  addresses: z.array(z.looseObject({})).nullish(),
  phones: z.array(z.looseObject({ number: z.string().nullish(), type: z.string().nullish() })).nullish(),
});

/** True for a JSON object (not an array or null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Rejects properties the type does not define (annotations such as "@odata.type" are allowed). */
export function rejectUnknownProperties(body: Record<string, unknown>, known: Iterable<string>, type: string): void {
  const allowed = new Set(known);
  const unknown = Object.keys(body).find((key) => !key.includes("@") && !allowed.has(key));
  if (unknown !== undefined) throw unknownProperty(unknown, type);
}

/** The first zod issue as a Graph message. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.join(".") ?? "";
  return `Invalid value for property '${path}': ${issue?.message ?? "invalid"}`;
}

/** A new customer record with a GUID id and timestamps. */
export function newCustomer(fields: Partial<BookingCustomer>, random: Random, nowIso: string): StoredCustomer {
  return {
    emailAddress: null,
    addresses: [],
    phones: [],
    ...fields,
    displayName: fields.displayName ?? "",
    id: random.guid(),
    createdDateTime: nowIso,
    lastUpdatedDateTime: nowIso,
  };
}

/** Validates a POST …/customers body: JSON object, known properties, a displayName. */
export function readCustomerBody(body: unknown): Partial<BookingCustomer> {
  if (!isJsonObject(body)) throw invalidRequest("The request body must be a JSON object.");
  rejectUnknownProperties(body, Object.keys(ZCustomerBody.shape), "microsoft.graph.bookingCustomer");
  const parsed = ZCustomerBody.safeParse(body);
  if (!parsed.success) throw invalidRequest(describeIssue(parsed.error));
  const { displayName, emailAddress, addresses, phones } = parsed.data;
  return { displayName, emailAddress: emailAddress ?? null, addresses: addresses ?? [], phones: phones ?? [] } as Partial<BookingCustomer>;
}
