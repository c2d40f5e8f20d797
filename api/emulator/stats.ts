// Request counters for tests and benchmarks: totals, per-kind counts, throttled and faulted calls, peaks in flight.
import type { EmulatorStats, RequestKind } from "./types";

const KINDS: readonly RequestKind[] = [
  "listBusinesses",
  "getBusiness",
  "calendarView",
  "listAppointments",
  "getAppointment",
  "listCustomers",
  "getCustomer",
  "listServices",
  "getService",
  "listStaff",
  "getStaff",
  "write",
  "sendMail",
  "createMessage",
  "getMessage",
  "deleteMessage",
  "sendMessage",
  "addAttachment",
  "createUploadSession",
  "uploadChunk",
  "listMessages",
  "other",
];

/** Mutable counters behind controls.stats(). */
export class StatsRecorder {
  private current: EmulatorStats = StatsRecorder.empty();

  private static empty(): EmulatorStats {
    return {
      total: 0,
      byKind: Object.fromEntries(KINDS.map((kind) => [kind, 0])),
      throttled: 0,
      mailThrottled: 0,
      faulted: 0,
      maxInFlight: 0,
      maxMailInFlight: 0,
    };
  }

  /** Counts one Graph request of a kind. */
  record(kind: RequestKind): void {
    this.current.total += 1;
    this.current.byKind[kind] = (this.current.byKind[kind] ?? 0) + 1;
  }

  recordThrottled(): void {
    this.current.throttled += 1;
  }

  /** Counts a 429 of the per-minute mail limit. */
  recordMailThrottled(): void {
    this.current.mailThrottled += 1;
  }

  recordFaulted(): void {
    this.current.faulted += 1;
  }

  /** Notes the in-flight count of one (app × business) right after a request was admitted. */
  observeInFlight(count: number): void {
    this.current.maxInFlight = Math.max(this.current.maxInFlight, count);
  }

  /** Notes the in-flight count of one (app × mailbox) right after a mail request was admitted. */
  observeMailInFlight(count: number): void {
    this.current.maxMailInFlight = Math.max(this.current.maxMailInFlight, count);
  }

  snapshot(): EmulatorStats {
    return { ...this.current, byKind: { ...this.current.byKind } };
  }

  reset(): void {
    this.current = StatsRecorder.empty();
  }
}
