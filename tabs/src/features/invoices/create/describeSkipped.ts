// Human wording for bookings the server left out of a create or preview, and why.
import { formatCount } from "../../../shared/format";
import { t } from "../../../shared/i18n/i18n";
import type { Skipped } from "../invoice.types";

const REASONS = ["noCustomer", "alreadyInvoiced", "cancelled", "notCompleted", "free", "notFound"] as const;
type Reason = (typeof REASONS)[number];
const isReason = (reason: string): reason is Reason => (REASONS as readonly string[]).includes(reason);

/** The reason in words ("no linked customer"); unknown codes are shown as they are. */
export function skippedReason(reason: string): string {
  return isReason(reason) ? t(`invoices.skipped.${reason}`) : reason;
}

/** One reason with how many bookings it left out (a booking counts once per reason). */
export interface SkippedGroup {
  reason: string;
  label: string;
  count: number;
  /** Attendee names of a partly skipped group booking, when the server names them. */
  attendees: string[];
}

/** Skipped bookings grouped by reason, largest group first. */
export function groupSkipped(skipped: readonly Skipped[]): SkippedGroup[] {
  const groups = new Map<string, { bookings: Set<string>; attendees: Set<string> }>();
  for (const s of skipped) {
    const group = groups.get(s.reason) ?? { bookings: new Set(), attendees: new Set() };
    group.bookings.add(s.bookingId);
    if (s.attendee) group.attendees.add(s.attendee);
    groups.set(s.reason, group);
  }
  return [...groups]
    .map(([reason, g]) => ({ reason, label: skippedReason(reason), count: g.bookings.size, attendees: [...g.attendees] }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** "2 bookings were skipped: no linked customer (1), cancelled in Bookings (1)." */
export function describeSkipped(skipped: readonly Skipped[]): string {
  const groups = groupSkipped(skipped);
  const total = groups.reduce((n, g) => n + g.count, 0);
  const reasons = groups.map((g) => `${g.label} (${g.count})`).join(", ");
  return t("invoices.skipped.summary", { count: total, n: formatCount(total), reasons });
}
