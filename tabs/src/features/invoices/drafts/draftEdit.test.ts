// Covers the edit-draft form: locale decimal input, validation the API would enforce, and a PATCH body of changes only.
import { describe, expect, it } from "vitest";
import { buildDraftPatch, draftFormOf, isValid, normalizeDecimal, padDecimals, toInputDecimal, validateDraftForm } from "./draftEdit";
import type { Invoice } from "../invoice.types";

const invoice: Invoice = {
  id: "inv1",
  number: null,
  status: "draft",
  customerId: "c1",
  customer: { name: "Anna Schmidt", email: "anna@example.com", address: {} },
  currency: "EUR",
  issueDate: "2026-11-20",
  dueDate: null,
  notes: null,
  lines: [
    { id: "l1", bookingId: "b1", description: "Physio · 50 min", serviceDate: "2026-11-01", quantity: "0.8333", unit: "hour", unitPrice: "75.00", amount: "62.50", taxCategory: "S", taxRate: "21", taxExemptionReason: null, taxExemptionCode: null, creditedLineId: null, flags: [] },
    { id: "l2", bookingId: "b2", description: "Massage · 60 min", serviceDate: "2026-11-02", quantity: "1", unit: "each", unitPrice: "60.00", amount: "60.00", taxCategory: "S", taxRate: "21", taxExemptionReason: null, taxExemptionCode: null, creditedLineId: null, flags: ["needsPrice"] },
  ],
  net: "122.50",
  tax: "25.73",
  total: "148.23",
  kind: "invoice",
  creditedInvoiceId: null,
  creditedInvoiceNumber: null,
  creditReason: null,
  credited: "0.00",
  payments: [],
  paid: "0.00",
  outstanding: "148.23",
  paymentStatus: null,
  delivery: { status: "notSent", to: null, sentAt: null, attempts: 0, error: null },
  reminders: [],
  pricesIncludeTax: false,
  taxBreakdown: [{ category: "S", rate: "21", taxable: "122.50", tax: "25.73", exemptionReason: null }],
  warnings: [],
  warningDetails: [],
  createdAt: "2026-11-20T10:00:00.000Z",
};

describe("normalizeDecimal", () => {
  it.each([
    ["62.50", "62.50"],
    ["62,50", "62.50"],
    [" 1.234,5 ", "1234.5"],
    ["1,234.50", "1234.50"],
    ["1 234,50", "1234.50"],
    ["1\u202f234,5", "1234.5"],
    ["1,234,567", "1234567"],
    ["-3", "-3"],
    ["12.34567", null],
    ["abc", null],
    ["", null],
    ["1e3", null],
  ])("%j → %j", (input, expected) => {
    expect(normalizeDecimal(input)).toBe(expected);
  });

  it("pads prices to cents for display", () => {
    expect(padDecimals("20", 2)).toBe("20.00");
    expect(padDecimals("62.5", 2)).toBe("62.50");
    expect(padDecimals("0.1234", 2)).toBe("0.1234");
    expect(draftFormOf({ ...invoice, lines: [{ ...invoice.lines[0]!, unitPrice: "75" }] }, "de-DE").lines[0]?.unitPrice).toBe("75,00");
  });

  it("shows stored decimals with the locale's separator", () => {
    expect(toInputDecimal("62.50", "de-DE")).toBe("62,50");
    expect(toInputDecimal("62.50", "en-GB")).toBe("62.50");
  });
});

describe("validateDraftForm", () => {
  it("accepts the untouched form", () => {
    expect(isValid(validateDraftForm(draftFormOf(invoice, "en-GB")))).toBe(true);
  });

  it("flags bad quantity, negative price and an empty description", () => {
    const form = draftFormOf(invoice, "en-GB");
    form.lines[0] = { ...form.lines[0]!, quantity: "0", unitPrice: "-1", description: " " };
    expect(validateDraftForm(form).lines?.l1).toEqual({
      description: "Enter a description.",
      quantity: "Must be more than 0.",
      unitPrice: "Cannot be negative.",
    });
  });

  it("ignores lines marked for removal but refuses removing all", () => {
    const form = draftFormOf(invoice, "en-GB");
    form.lines = form.lines.map((l) => ({ ...l, quantity: "x", remove: true }));
    const errors = validateDraftForm(form);
    expect(errors.lines).toBeUndefined();
    expect(errors.form).toMatch(/at least one line/);
  });
});

describe("buildDraftPatch", () => {
  it("is null when nothing changed, also when a price is retyped equal", () => {
    const form = draftFormOf(invoice, "de-DE");
    expect(form.lines[0]?.unitPrice).toBe("75,00");
    form.lines[0]!.unitPrice = "75";
    expect(buildDraftPatch(invoice, form)).toBeNull();
  });

  it("sends only the changed fields, with API decimals", () => {
    const form = draftFormOf(invoice, "de-DE");
    form.lines[0]!.unitPrice = "80,5";
    form.lines[1]!.remove = true;
    form.dueDate = "2026-12-31";
    form.notes = "  Thanks!  ";
    expect(buildDraftPatch(invoice, form)).toEqual({
      dueDate: "2026-12-31",
      notes: "Thanks!",
      lines: [{ id: "l1", unitPrice: "80.5" }],
      removeLines: ["l2"],
    });
  });

  it("clears a due date and notes with null", () => {
    const withBoth = { ...invoice, dueDate: "2026-12-01", notes: "x" };
    const form = { ...draftFormOf(withBoth, "en-GB"), dueDate: "", notes: "" };
    expect(buildDraftPatch(withBoth, form)).toEqual({ dueDate: null, notes: null });
  });
});
