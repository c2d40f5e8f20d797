// Covers the payment status of a document: none for drafts and credit notes, and paid, overdue, partly paid or open
// for a final invoice, with the due date compared to the business's today.
import { describe, expect, it } from "vitest";
import { paymentStatusOf, type PaymentFacts } from "./paymentStatus";

const invoice: PaymentFacts = { kind: "invoice", status: "final", outstanding: "121.00", paid: "0.00", dueDate: "2026-03-16" };

describe("paymentStatusOf", () => {
  it.each<[string, Partial<PaymentFacts>, string, string | null]>([
    ["a draft", { status: "draft", dueDate: "2026-01-01" }, "2026-03-02", null],
    ["a credit note", { kind: "creditNote", outstanding: "0.00", dueDate: null }, "2026-03-02", null],
    ["nothing paid, not yet due", {}, "2026-03-02", "open"],
    ["nothing paid, due today", {}, "2026-03-16", "open"],
    ["nothing paid, due yesterday", {}, "2026-03-17", "overdue"],
    ["part paid, not yet due", { outstanding: "21.00", paid: "100.00" }, "2026-03-16", "partiallyPaid"],
    ["part paid, past due", { outstanding: "0.01", paid: "120.99" }, "2026-04-01", "overdue"],
    ["paid in full, past due", { outstanding: "0.00", paid: "121.00" }, "2027-01-01", "paid"],
    ["more paid than due", { outstanding: "-5.00", paid: "126.00" }, "2026-03-02", "paid"],
    ["credited in full, nothing paid", { outstanding: "0.00", paid: "0.00" }, "2026-03-02", "paid"],
    ["no due date", { dueDate: null }, "2099-12-31", "open"],
  ])("%s", (_, facts, today, expected) => {
    expect(paymentStatusOf({ ...invoice, ...facts }, today)).toBe(expected);
  });
});
