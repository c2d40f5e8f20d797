// Use case: link a booking's attendee to a customer by hand (the review queue for `noCustomer` bookings).
import { z } from "zod";
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { findCustomerState } from "../customers/customer.repository";
import { lockAttendee, setAttendeeCustomer } from "./attendee.repository";
import { presentBooking } from "./booking.presenter";
import { findUninvoicedPage } from "./bookings.repository";
import type { BookingItem } from "./booking.types";

/** Sets the attendee's customer; refuses attendees already on an invoice and customers of other tenants. */
export async function linkCustomer(
  deps: { db: Db; now: () => Date },
  tenantId: string,
  bookingId: string,
  input: { attendee: string; customerId: string },
): Promise<BookingItem> {
  await deps.db.transaction(async (tx) => {
    const attendee = await lockAttendee(tx, tenantId, bookingId, input.attendee);
    if (!attendee) throw new AppError("NOT_FOUND", "No such booking attendee.");
    if (attendee.invoiced) throw new AppError("ALREADY_INVOICED", "This attendee is already on an invoice.", { bookingIds: [bookingId] });
    // The booking in the path is looked up first (404); then a customerId that cannot be an id is the caller's mistake.
    if (!z.uuid().safeParse(input.customerId).success) throw new AppError("BAD_REQUEST", "customerId: give a customer id from GET /api/customers.");
    const customer = await findCustomerState(tx, tenantId, input.customerId);
    // Unknown and other tenants' customers answer alike (PRODUCT.md §5: another tenant's ids answer 404).
    if (!customer) throw new AppError("NOT_FOUND", "No such customer.");
    if (!customer.active) throw new AppError("BAD_REQUEST", "customerId: this customer is inactive (gone from Bookings).");
    await setAttendeeCustomer(tx, tenantId, bookingId, input.attendee, input.customerId);
  });
  const [row] = await findUninvoicedPage(deps.db, tenantId, deps.now(), { ids: [bookingId] }, { sort: "date", limit: 1 });
  if (!row) throw new AppError("NOT_FOUND", "The booking is no longer awaiting invoicing.");
  return presentBooking(row);
}
