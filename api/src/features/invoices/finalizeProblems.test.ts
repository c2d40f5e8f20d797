// Covers what keeps a draft from being finalized: an incomplete supplier, a customer without a full address, lines that
// still need a price, and lines of cancelled bookings; and the English sentence of the refusal.
import { describe, expect, it } from "vitest";
import { EMPTY_SUPPLIER, ZSupplier } from "../setup/supplier.schema";
import { describeProblems, finalizeProblems } from "./finalizeProblems";

const SUPPLIER = ZSupplier.parse({
  legalName: "Fysio B.V.",
  address: { street: "Oudegracht 1", postalCode: "3511 AA", city: "Utrecht", countryCode: "NL" },
  vatId: "NL801234567B01",
  companyRegistration: "30123456",
  iban: "NL91ABNA0417164300",
  email: "facturen@fysio.example",
});
const ADDRESS = { street: "Maliebaan 1", postalCode: "3581 CA", city: "Utrecht", countryCode: "NL" };
const line = (id: string, unitPrice: string, flags: string[] = []) => ({ id, unitPrice, flags });

describe("finalizeProblems", () => {
  it("finds none for a complete draft; a review line and a needsPrice line with a price only warn", () => {
    expect(finalizeProblems({ supplier: SUPPLIER, customerAddress: ADDRESS, lines: [line("a", "60.00"), line("b", "45.00", ["review"]), line("c", "30.00", ["needsPrice"])] })).toEqual([]);
  });

  it.each([
    ["an empty supplier", { supplier: EMPTY_SUPPLIER }, [{ code: "supplierIncomplete", fields: ["legalName", "address.street", "address.postalCode", "address.city", "address.countryCode", "vatId", "companyRegistration", "iban", "email"] }]],
    ["a supplier without IBAN", { supplier: { ...SUPPLIER, iban: undefined } }, [{ code: "supplierIncomplete", fields: ["iban"] }]],
    ["a customer without an address", { customerAddress: {} }, [{ code: "customerAddressMissing", fields: ["address.street", "address.city", "address.countryCode"] }]],
    ["a customer address without a country", { customerAddress: { street: "Maliebaan 1", city: "Utrecht" } }, [{ code: "customerAddressMissing", fields: ["address.countryCode"] }]],
    ["a line that still needs a price", { lines: [line("a", "60.00"), line("b", "0.00", ["needsPrice"])] }, [{ code: "unpricedLines", lineIds: ["b"] }]],
    ["a line of a cancelled booking", { lines: [line("a", "60.00", ["cancelled"])] }, [{ code: "cancelledBooking", lineIds: ["a"] }]],
  ])("refuses %s", (_what, patch, problems) => {
    expect(finalizeProblems({ supplier: SUPPLIER, customerAddress: ADDRESS, lines: [line("a", "60.00")], ...patch })).toEqual(problems);
  });

  it("lists every problem in a fixed order and says them in one English sentence", () => {
    const problems = finalizeProblems({ supplier: { ...SUPPLIER, vatId: undefined }, customerAddress: { city: "Gent", countryCode: "BE" }, lines: [line("a", "0", ["needsPrice", "cancelled"])] });
    expect(problems.map((p) => p.code)).toEqual(["supplierIncomplete", "customerAddressMissing", "unpricedLines", "cancelledBooking"]);
    expect(describeProblems(problems)).toBe(
      "This draft cannot be finalized yet: the supplier lacks vatId (setup); the customer's address lacks street; 1 line(s) need a price; 1 line(s) bill a booking that was cancelled in Bookings; remove them.",
    );
  });
});
