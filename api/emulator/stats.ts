// Request counters for tests and benchmarks: totals, per-kind counts, throttled and faulted calls, peak in-flight.
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
      faulted: 0,
      maxInFlight: 0,
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

  recordFaulted(): void {
    this.current.faulted += 1;
  }

  /** Notes the in-flight count of one (app × business) right after a request was admitted. */
  observeInFlight(count: number): void {
    this.current.maxInFlight = Math.max(this.current.maxInFlight, count);
  }

  snapshot(): EmulatorStats {
    return { ...this.current, byKind: { ...this.current.byKind } };
  }

  reset(): void {
    this.current = StatsRecorder.empty();
  }
}
