// Small derived facts about a draft invoice.
import type { Invoice } from "../invoice.types";

/** Number of distinct bookings on an invoice (a group booking may have several lines). */
export function bookingCount(invoice: Invoice): number {
  return new Set(invoice.lines.map((l) => l.bookingId)).size;
}
