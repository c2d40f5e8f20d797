// Human wording for bookings the server skipped while creating draft invoices.
import { plural } from "../../shared/format";

const REASONS: Record<string, string> = {
  noCustomer: "no linked customer",
  NO_CUSTOMER: "no linked customer",
  alreadyInvoiced: "already invoiced",
  ALREADY_INVOICED: "already invoiced",
  cancelled: "cancelled",
  notFound: "no longer available",
  NOT_FOUND: "no longer available",
};

/** "2 bookings were skipped: no linked customer (1), cancelled (1)." */
export function describeSkipped(skipped: readonly { bookingId: string; reason: string }[]): string {
  const counts = new Map<string, number>();
  for (const s of skipped) {
    const reason = REASONS[s.reason] ?? s.reason;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const reasons = [...counts].map(([reason, n]) => `${reason} (${n})`).join(", ");
  return `${plural(skipped.length, "booking")} ${skipped.length === 1 ? "was" : "were"} skipped: ${reasons}.`;
}
