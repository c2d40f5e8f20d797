// Use case: link a booking's attendee to a customer by hand (the review queue for `noCustomer` bookings).
import { z } from "zod";
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
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
    const { rows } = await tx.query<{ invoiced: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.tenant_id = a.tenant_id AND l.booking_id = a.booking_id AND l.attendee_key = a.attendee_key) AS invoiced
       FROM booking_attendees a WHERE a.tenant_id = $1 AND a.booking_id = $2 AND a.attendee_key = $3 FOR UPDATE`,
      [tenantId, bookingId, input.attendee],
    );
    if (!rows[0]) throw new AppError("NOT_FOUND", "No such booking attendee.");
    if (rows[0].invoiced) throw new AppError("ALREADY_INVOICED", "This attendee is already on an invoice.", { bookingIds: [bookingId] });
    // The booking in the path is looked up first (404); then a customerId that cannot be an id is the caller's mistake.
    if (!z.uuid().safeParse(input.customerId).success) throw new AppError("BAD_REQUEST", "customerId: give a customer id from GET /api/customers.");
    const customer = await tx.query<{ active: boolean }>("SELECT active FROM customers WHERE tenant_id = $1 AND id::text = $2", [tenantId, input.customerId]);
    // Unknown and other tenants' customers answer alike (PRODUCT.md §5: another tenant's ids answer 404).
    if (!customer.rows[0]) throw new AppError("NOT_FOUND", "No such customer.");
    if (!customer.rows[0].active) throw new AppError("BAD_REQUEST", "customerId: this customer is inactive (gone from Bookings).");
    await tx.query("UPDATE booking_attendees SET customer_id = $4 WHERE tenant_id = $1 AND booking_id = $2 AND attendee_key = $3", [tenantId, bookingId, input.attendee, input.customerId]);
  });
  const [row] = await findUninvoicedPage(deps.db, tenantId, deps.now(), { ids: [bookingId] }, { sort: "date", limit: 1 });
  if (!row) throw new AppError("NOT_FOUND", "The booking is no longer awaiting invoicing.");
  return presentBooking(row);
}
