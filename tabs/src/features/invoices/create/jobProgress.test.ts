// Covers the numbers and wording of a create job: bar position, progress sentence in English and Dutch, and why it stopped.
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../../shared/format";
import { setLanguage } from "../../../shared/i18n/i18n";
import type { JobView } from "../invoice.types";
import { describeJobFailure, hasEnded, jobFailure, jobPercentText, jobProgress, jobProgressText, jobResult } from "./jobProgress";

/** A create job as GET /api/jobs/:id answers it. */
function buildJob(overrides: Partial<JobView> = {}): JobView {
  return {
    id: "job-1",
    kind: "createInvoices",
    status: "running",
    total: 50_000,
    done: 0,
    failed: 0,
    errors: [],
    result: null,
    createdAt: "2026-03-02T10:00:00.000Z",
    startedAt: "2026-03-02T10:00:01.000Z",
    finishedAt: null,
    ...overrides,
  };
}

afterEach(() => {
  setLanguage("en");
  setLocale(undefined);
});

describe("jobProgress", () => {
  it.each([
    ["queued", { status: "queued" as const }, { fraction: undefined, processed: 0, total: 50_000 }],
    ["running without a total yet", { total: 0 }, { fraction: undefined, processed: 0, total: 0 }],
    ["running", { done: 11_000, failed: 1_000 }, { fraction: 0.24, processed: 12_000, total: 50_000 }],
    ["running past its total", { done: 50_000, failed: 10 }, { fraction: 1, processed: 50_000, total: 50_000 }],
    ["succeeded", { status: "succeeded" as const, done: 49_000, failed: 1_000 }, { fraction: 1, processed: 50_000, total: 50_000 }],
    ["failed", { status: "failed" as const, done: 5_000 }, { fraction: 0.1, processed: 5_000, total: 50_000 }],
  ])("places the bar of a %s job", (_, overrides, expected) => {
    expect(jobProgress(buildJob(overrides))).toEqual(expected);
  });

  it("tells ended jobs from running ones", () => {
    expect(["queued", "running", "succeeded", "failed"].map((status) => hasEnded(buildJob({ status: status as JobView["status"] })))).toEqual([false, false, true, true]);
  });

  it("gives the percentage for screen readers, never 100% before the end", () => {
    setLocale("en-GB");
    expect(jobPercentText(buildJob({ done: 12_000 }))).toBe("24%");
    expect(jobPercentText(buildJob({ done: 49_999 }))).toBe("99%");
    expect(jobPercentText(buildJob({ status: "queued" }))).toBeUndefined();
  });
});

describe("jobProgressText", () => {
  it("counts bookings with the locale's digit grouping", () => {
    setLocale("en-GB");
    expect(jobProgressText(buildJob({ done: 11_500, failed: 500 }))).toBe("Creating drafts: 12,000 of 50,000 bookings");
    expect(jobProgressText(buildJob({ status: "queued" }))).toBe("Creating drafts: waiting to start (50,000 bookings)");
  });

  it("speaks Dutch with Dutch numbers", () => {
    setLanguage("nl");
    setLocale("nl-NL");
    expect(jobProgressText(buildJob({ done: 12_000 }))).toBe("Concepten maken: 12.000 van 50.000 boekingen");
    expect(jobProgressText(buildJob({ status: "queued", total: 1_200 }))).toBe("Concepten maken: wacht op start (1.200 boekingen)");
  });

  it("follows the Teams locale, not the UI language, for numbers", () => {
    setLocale("de-DE");
    expect(jobProgressText(buildJob({ done: 12_000 }))).toBe("Creating drafts: 12.000 of 50.000 bookings");
  });
});

describe("a stopped job", () => {
  const stopped = buildJob({
    status: "failed",
    done: 12_000,
    errors: [
      { code: "noCustomer", message: "Booking b1 was left out: no customer is linked to it.", bookingId: "b1" },
      { code: "NOT_CONFIGURED", message: "Bookings is not set up yet: an admin has to pick a Bookings business first." },
    ],
    result: { invoices: 40, lines: 12_000, currency: "EUR", net: "1.00", tax: "0.21", total: "1.21", skipped: [], skippedCount: 0 },
  });

  it("is stopped by its last error, the one the server appends when it fails", () => {
    expect(jobFailure(stopped)?.code).toBe("NOT_CONFIGURED");
    expect(jobFailure(buildJob())).toBeNull();
    expect(jobFailure(buildJob({ status: "failed" }))?.code).toBe("INTERNAL");
    expect(describeJobFailure(buildJob({ status: "succeeded" }))).toBeNull();
  });

  it("gives the server's message and how far it got, in English", () => {
    setLocale("en-GB");
    expect(describeJobFailure(stopped)).toEqual({
      code: "NOT_CONFIGURED",
      title: "Creating the drafts stopped",
      body: "Bookings is not set up yet: an admin has to pick a Bookings business first. Before it stopped, 12,000 of 50,000 bookings were processed and 40 drafts were created.",
    });
    expect(describeJobFailure(buildJob({ status: "failed", errors: [{ code: "INTERNAL", message: "The job stopped on an unexpected error; see the server log." }] }))?.body).toBe(
      "The job stopped on an unexpected error; see the server log. No drafts were created.",
    );
  });

  it("gives the tab's own wording of a known code and Dutch numbers, in Dutch", () => {
    setLanguage("nl");
    setLocale("nl-NL");
    const one = { ...stopped, done: 1_000, result: { ...(stopped.result as object), invoices: 1 } };
    expect(describeJobFailure(one)).toEqual({
      code: "NOT_CONFIGURED",
      title: "Het maken van de concepten is gestopt",
      body: "Bookings Invoicing is nog niet ingesteld. Voordat het stopte, zijn 1.000 van 50.000 boekingen verwerkt en is 1 concept gemaakt.",
    });
  });

  it("words a conflict as a create answered at once does, never with the API's skipConflicts", () => {
    const conflict = buildJob({ status: "failed", errors: [{ code: "ALREADY_INVOICED", message: "3 of the selected bookings are already on an invoice. Start again with skipConflicts to invoice the rest." }] });
    expect(describeJobFailure(conflict)).toEqual({
      code: "ALREADY_INVOICED",
      title: "Some bookings were invoiced in the meantime",
      body: "Some bookings are already on an invoice, so nothing was created.",
    });
  });

  it("reads a result only once the job has one", () => {
    expect(jobResult(buildJob())).toBeNull();
    expect(jobResult(stopped)?.invoices).toBe(40);
  });
});
