// Parses a raw Graph request path into the Bookings or mail resource it addresses, and classifies it for stats.
import { mailRequestKind, parseUploadPath, parseUsersPath, UPLOAD_PREFIX, type MailTarget } from "./mailPath";
import type { RequestKind } from "./types";

/** The Bookings resources the emulator serves. */
export type GraphRoute =
  | "businesses"
  | "business"
  | "appointments"
  | "appointment"
  | "cancelAppointment"
  | "calendarView"
  | "customers"
  | "customer"
  | "services"
  | "service"
  | "staffMembers"
  | "staffMember";

/** What a path addresses: a known route (with decoded ids) or an unknown segment. */
export type GraphTarget =
  | { route: GraphRoute; businessId?: string; itemId?: string }
  | MailTarget
  | { route: "unknown"; segment: string; businessId?: string }
  | { route: "badVersion"; segment: string }
  | { route: "malformed" };

const ROOT = ["solutions", "bookingbusinesses"];
const COLLECTIONS: Record<string, [GraphRoute, GraphRoute | null]> = {
  appointments: ["appointments", "appointment"],
  calendarview: ["calendarView", null],
  customers: ["customers", "customer"],
  services: ["services", "service"],
  staffmembers: ["staffMembers", "staffMember"],
};

function decodeSegments(segments: string[]): string[] | null {
  try {
    return segments.map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

function parseBusinessTail(businessId: string, tail: string[]): GraphTarget {
  const [collection, ...rest] = tail;
  if (collection === undefined) return { route: "business", businessId };
  const routes = COLLECTIONS[collection.toLowerCase()];
  if (!routes) return { route: "unknown", segment: collection, businessId };
  const [listRoute, itemRoute] = routes;
  if (rest.length === 0) return { route: listRoute, businessId };
  if (!itemRoute) return { route: "unknown", segment: rest[0] ?? "", businessId };
  // Ids are joined back so that an id with a raw "/" still routes; "…/{id}/cancel" is the cancel action.
  if (listRoute === "appointments" && rest.length > 1 && rest[rest.length - 1] === "cancel") {
    return { route: "cancelAppointment", businessId, itemId: rest.slice(0, -1).join("/") };
  }
  return { route: itemRoute, businessId, itemId: rest.join("/") };
}

/** Parses a raw path such as "/v1.0/solutions/bookingBusinesses/X%40Y/appointments/AAMk%2F..%3D". */
export function parseGraphPath(path: string): GraphTarget {
  const raw = path.split("/").filter((s, i, all) => s !== "" || (i > 0 && i < all.length - 1));
  const segments = decodeSegments(raw);
  if (!segments) return { route: "malformed" };
  const [version, ...rest] = segments;
  if (version === UPLOAD_PREFIX[0] && rest[0]?.toLowerCase() === UPLOAD_PREFIX[1]) return parseUploadPath(rest.slice(1));
  if (version !== "v1.0") return { route: "badVersion", segment: version ?? "" };
  if (rest[0]?.toLowerCase() === "users") return parseUsersPath(rest.slice(1));
  for (let i = 0; i < ROOT.length; i++) {
    if (rest[i]?.toLowerCase() !== ROOT[i]) return { route: "unknown", segment: rest[i] ?? "" };
  }
  const [businessId, ...tail] = rest.slice(ROOT.length);
  if (businessId === undefined) return { route: "businesses" };
  return parseBusinessTail(businessId, tail);
}

const WRITE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);
const READ_KINDS: Partial<Record<GraphTarget["route"], RequestKind>> = {
  businesses: "listBusinesses",
  business: "getBusiness",
  calendarView: "calendarView",
  appointments: "listAppointments",
  appointment: "getAppointment",
  customers: "listCustomers",
  customer: "getCustomer",
  services: "listServices",
  service: "getService",
  staffMembers: "listStaff",
  staffMember: "getStaff",
};

/** The stats class of a request: reads by resource, POST/PATCH/PUT/DELETE on Bookings as "write". */
export function requestKind(method: string, target: GraphTarget): RequestKind {
  const known = target.route !== "unknown" && target.route !== "badVersion" && target.route !== "malformed";
  if (!known) return "other";
  if (target.route === "mail") return mailRequestKind(method, target);
  if (method === "GET") return READ_KINDS[target.route] ?? "other";
  return WRITE_METHODS.has(method) ? "write" : "other";
}
