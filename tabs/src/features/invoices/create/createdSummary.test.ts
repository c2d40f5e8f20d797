// Covers what a finished create reports, alike for a 201 answer and a job's result, and the skipped sentence when a job lists only the first ones.
import { describe, expect, it } from "vitest";
import { setLocale } from "../../../shared/format";
import type { CreateInvoicesJobResult, CreateInvoicesResult } from "../invoice.types";
import { skippedSentence, summaryOfJob, summaryOfResult } from "./createdSummary";

const jobResult = (overrides: Partial<CreateInvoicesJobResult> = {}): CreateInvoicesJobResult => ({
  invoices: 30,
  lines: 1_200,
  currency: "EUR",
  net: "96000.00",
  tax: "20160.00",
  total: "116160.00",
  skipped: [],
  skippedCount: 0,
  ...overrides,
});

describe("created summaries", () => {
  it("reads a 201 answer", () => {
    const result = {
      invoices: [{ currency: "USD" }],
      skipped: [{ bookingId: "b1", reason: "free" }],
      totals: { invoices: 1, lines: 2, currency: null, net: "10.00", tax: "0.00", total: "10.00" },
    } as unknown as CreateInvoicesResult;
    expect(summaryOfResult(result)).toEqual({ invoices: 1, lines: 2, total: "10.00", currency: "USD", skipped: result.skipped, skippedCount: 1 });
  });

  it("reads a job's result", () => {
    expect(summaryOfJob(jobResult())).toEqual({ invoices: 30, lines: 1_200, total: "116160.00", currency: "EUR", skipped: [], skippedCount: 0 });
    expect(summaryOfJob(jobResult({ currency: null })).currency).toBe("EUR");
  });

  it("has no skipped sentence when nothing was skipped, and describeSkipped's when all are listed", () => {
    expect(skippedSentence(summaryOfJob(jobResult()))).toBeNull();
    const all = summaryOfJob(jobResult({ skipped: [{ bookingId: "b1", reason: "noCustomer" }, { bookingId: "b2", reason: "cancelled" }], skippedCount: 2 }));
    expect(skippedSentence(all)).toBe("2 bookings were skipped: cancelled in Bookings (1), no linked customer (1).");
  });

  it("gives the full count and the listed reasons as examples when a job listed only the first ones", () => {
    setLocale("en-GB");
    const some = summaryOfJob(jobResult({ skipped: [{ bookingId: "b1", reason: "noCustomer" }, { bookingId: "b2", reason: "cancelled" }, { bookingId: "b3", reason: "noCustomer" }], skippedCount: 1_234 }));
    expect(skippedSentence(some)).toBe("1,234 bookings were skipped, among them: no linked customer, cancelled in Bookings.");
    setLocale(undefined);
  });
});
