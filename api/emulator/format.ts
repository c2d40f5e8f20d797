// Presenters: stored Bookings data → Graph v1.0 wire shapes (list vs by-id forms, @odata annotations).
import type {
  BookingAppointment,
  BookingBusiness,
  BookingCustomer,
  BookingService,
  BookingStaffMember,
} from "@microsoft/microsoft-graph-types";
import { customersOf } from "./appointmentModel";

/** @odata.type of customers list items and entities. */
export const CUSTOMER_TYPE = "#microsoft.graph.bookingCustomer";
/** @odata.type of staff list items and entities. */
export const STAFF_TYPE = "#microsoft.graph.bookingStaffMember";

/** The `@odata.context` URL for a metadata fragment, e.g. "bookingBusinesses/$entity". */
export function contextUrl(base: string, fragment: string): string {
  return `${base}/v1.0/solutions/$metadata#${fragment}`;
}

/** The context fragment of a business's navigation property, e.g. "bookingBusinesses('X%40Y')/appointments". */
export function businessFragment(businessId: string, navigation: string): string {
  return `bookingBusinesses('${encodeURIComponent(businessId)}')/${navigation}`;
}

/**
 * An appointment as Graph returns it. "list" (list and calendarView) empties customers and reminders and nulls
 * the notes, as the real service does; "full" (GET by id, POST) keeps everything. Both fill the legacy root
 * customerName/customerEmailAddress/customerPhone from the first customer.
 */
export function presentAppointment(appointment: BookingAppointment, mode: "list" | "full"): BookingAppointment {
  const first = customersOf(appointment)[0];
  const legacy = first
    ? { customerName: first.name ?? null, customerEmailAddress: first.emailAddress ?? null, customerPhone: first.phone ?? null }
    : {};
  if (mode === "full") return { ...appointment, ...legacy };
  return { ...appointment, ...legacy, customers: [], reminders: [], serviceNotes: null, customerNotes: null };
}

/** A business in the businesses list: only id and displayName. */
export function presentBusinessSummary(business: BookingBusiness): BookingBusiness {
  return { id: business.id, displayName: business.displayName };
}

/** A customer with its concrete @odata.type (the navigation property's type is abstract). */
export function presentCustomer(customer: BookingCustomer): BookingCustomer & { "@odata.type": string } {
  return { "@odata.type": CUSTOMER_TYPE, ...customer };
}

/** A service; the list form has no defaultReminders (they are by-id only). */
export function presentService(service: BookingService, mode: "list" | "full"): BookingService {
  return mode === "full" ? service : { ...service, defaultReminders: [] };
}

/**
 * A staff member with its @odata.type. Roles scheduler and teamMember come back as unknownFutureValue unless
 * the client asked for them with `Prefer: include-unknown-enum-members`.
 */
export function presentStaff(staff: BookingStaffMember, includeUnknownEnums: boolean): BookingStaffMember {
  const evolvable = staff.role === "scheduler" || staff.role === "teamMember";
  const role = evolvable && !includeUnknownEnums ? "unknownFutureValue" : staff.role;
  return { "@odata.type": STAFF_TYPE, ...staff, role } as BookingStaffMember;
}
