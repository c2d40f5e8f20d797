// Covers delivery by e-mail in words: the badge of each status ("Sent 4 Dec", a failure's reason in Dutch where the
// code is known), the list's delivery filter, skip reasons in English and Dutch, a reminder's line, and a job's
// outcome with every failure and skipped document named by its number.
import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../../../shared/i18n/i18n";
import type { Invoice, InvoiceDelivery } from "../invoice.types";
import { deliveryBadge, deliveryStatusesOf, formatShortDay, outcomeIntent, reminderText, sendOutcome, skipReasonText } from "./delivery";

afterEach(() => setLanguage("en"));

const delivery = (over: Partial<InvoiceDelivery>): InvoiceDelivery => ({ status: "notSent", to: null, sentAt: null, attempts: 0, error: null, ...over });
const now = new Date("2026-12-10T12:00:00Z");
const doc = (id: string, number: string | null, over: Partial<Invoice> = {}) => ({ id, number, status: number ? "final" : "draft", customer: { name: `Customer ${id}` }, delivery: delivery({}), ...over }) as Invoice;

describe("deliveryBadge", () => {
  it("words each status, the day of a sent one, and nothing for a draft", () => {
    expect(deliveryBadge({ status: "draft", delivery: delivery({}) }, "en-GB", now)).toBeNull();
    expect(deliveryBadge({ status: "final", delivery: delivery({}) }, "en-GB", now)).toEqual({ status: "notSent", label: "Not sent", color: "informative", reason: null });
    expect(deliveryBadge({ status: "final", delivery: delivery({ status: "queued" }) }, "en-GB", now)?.label).toBe("Queued");
    expect(deliveryBadge({ status: "final", delivery: delivery({ status: "sending" }) }, "en-GB", now)?.label).toBe("Sending…");
    expect(deliveryBadge({ status: "final", delivery: delivery({ status: "sent", sentAt: "2026-12-04T09:30:00Z" }) }, "en-GB", now)).toMatchObject({ label: "Sent 4 Dec", color: "success" });
    // Another year's day says the year.
    expect(deliveryBadge({ status: "final", delivery: delivery({ status: "sent", sentAt: "2025-12-04T09:30:00Z" }) }, "en-GB", now)?.label).toBe("Sent 4 Dec 2025");
  });

  it("gives a failure's reason: Graph's message as it is, a known code in the UI language", () => {
    const graph = { code: "ErrorAccessDenied", message: "Microsoft Graph refused the message: Access is denied. (request id r-1)" };
    expect(deliveryBadge({ status: "final", delivery: delivery({ status: "failed", error: graph }) }, "en-GB", now)).toEqual({ status: "failed", label: "Failed", color: "danger", reason: graph.message });
    setLanguage("nl");
    expect(deliveryBadge({ status: "final", delivery: delivery({ status: "failed", error: { code: "NO_EMAIL", message: "The customer has no e-mail address." } }) }, "nl-NL", now)).toMatchObject({ label: "Mislukt", reason: "Geen e-mailadres" });
    expect(deliveryBadge({ status: "final", delivery: delivery({ status: "sent", sentAt: "2026-12-04T09:30:00Z" }) }, "nl-NL", now)?.label).toBe("Verstuurd op 4 dec");
    expect(deliveryBadge({ status: "final", delivery: delivery({ status: "sending" }) }, "nl-NL", now)?.label).toBe("Bezig met versturen…");
  });
});

describe("the delivery filter and skip reasons", () => {
  it("filters nothing for all, one status otherwise", () => {
    expect(deliveryStatusesOf("all")).toBeUndefined();
    expect(deliveryStatusesOf("notSent")).toEqual(["notSent"]);
    expect(deliveryStatusesOf("failed")).toEqual(["failed"]);
  });

  it("words every reason in English and Dutch", () => {
    expect(["alreadySent", "noEmail", "notFinal", "notOverdue", "inProgress", "notFound"].map((r) => skipReasonText(r as never))).toEqual([
      "Already sent",
      "No e-mail address",
      "Not final",
      "Not overdue",
      "Already being sent",
      "No longer exists",
    ]);
    setLanguage("nl");
    expect(["alreadySent", "noEmail", "notFinal", "notOverdue"].map((r) => skipReasonText(r as never))).toEqual(["Al verstuurd", "Geen e-mailadres", "Niet definitief", "Niet te laat"]);
  });

  it("formats a short day in the locale", () => {
    expect(formatShortDay("2026-03-01T10:00:00Z", "en-GB", now)).toBe("1 Mar");
    expect(formatShortDay("not a date", "en-GB", now)).toBe("not a date");
  });
});

describe("reminderText", () => {
  it("says which reminder went when and to whom, or why it failed", () => {
    expect(reminderText({ seq: 1, status: "sent", to: "x@example.nl", sentAt: "2026-12-04T09:00:00Z", error: null }, "en-GB")).toBe("Reminder 1 sent on 4 Dec 2026 to x@example.nl");
    expect(reminderText({ seq: 2, status: "queued", to: null, sentAt: null, error: null }, "en-GB")).toBe("Reminder 2 queued");
    setLanguage("nl");
    expect(reminderText({ seq: 1, status: "sent", to: "x@example.nl", sentAt: "2026-12-04T09:00:00Z", error: null }, "nl-NL")).toBe("Herinnering 1 verstuurd op 4 dec 2026 naar x@example.nl");
    expect(reminderText({ seq: 3, status: "failed", to: "x@example.nl", sentAt: null, error: { code: "NO_EMAIL", message: "no" } }, "nl-NL")).toBe("Herinnering 3 mislukt: Geen e-mailadres");
  });
});

describe("sendOutcome", () => {
  const docs = [doc("a", "INV-1"), doc("b", "INV-2"), doc("c", "INV-3"), doc("d", "INV-4")];

  it("counts what went, names each failure and skipped document by its number, and colours the bar", () => {
    const job = { status: "succeeded" as const, done: 2, errors: [{ code: "ErrorAccessDenied", message: "Microsoft Graph refused the message: denied", invoiceId: "b" }] };
    const outcome = sendOutcome(docs, [{ invoiceId: "c", reason: "alreadySent" }, { invoiceId: "zz", reason: "notFound" }], job);
    expect(outcome.sent).toBe(2);
    expect(outcome.failed.map((f) => [f.name, f.text])).toEqual([["INV-2", "Microsoft Graph refused the message: denied"]]);
    expect(outcome.skipped.map((s) => [s.name, s.reason, s.text, s.invoice?.id])).toEqual([
      ["INV-3", "alreadySent", "Already sent", "c"],
      ["zz", "notFound", "No longer exists", undefined],
    ]);
    expect(outcome.stopped).toBeNull();
    expect(outcomeIntent(outcome)).toBe("warning");
  });

  it("is green when all went, red when sends failed and none went, amber when some were only left out, and says why a job itself stopped", () => {
    expect(outcomeIntent(sendOutcome(docs, [], { status: "succeeded", done: 4, errors: [] }))).toBe("success");
    expect(outcomeIntent(sendOutcome(docs, [{ invoiceId: "a", reason: "alreadySent" }], null))).toBe("warning");
    expect(outcomeIntent(sendOutcome(docs, [], { status: "succeeded", done: 0, errors: [{ code: "X", message: "no", invoiceId: "a" }] }))).toBe("error");
    const stopped = sendOutcome(docs, [], { status: "failed", done: 1, errors: [{ code: "INTERNAL", message: "boom" }] });
    expect(stopped.stopped).toBe("boom");
    expect(stopped.failed).toEqual([]);
    setLanguage("nl");
    expect(sendOutcome(docs, [], { status: "failed", done: 1, errors: [{ code: "INTERNAL", message: "boom" }] }).stopped).toBe("Er is iets misgegaan op de server.");
  });
});
