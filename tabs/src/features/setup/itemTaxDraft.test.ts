// Covers the VAT draft of an item: reading a stored VAT, switching categories, the checks the server makes too, and the request fields.
import { describe, expect, it } from "vitest";
import { DEFAULT_ITEM_TAX_DRAFT, itemTaxDraftFrom, toItemTax, validateItemTax, withCategory } from "./itemTaxDraft";

const EXEMPT = "Vrijgesteld van btw op grond van art. 11 lid 1 onder g Wet OB";

describe("itemTaxDraft", () => {
  it("reads a stored VAT, and gives a VAT-less item the standard 21 %", () => {
    expect(itemTaxDraftFrom({ taxCategory: "E", taxRate: "0", taxExemptionReason: EXEMPT, taxExemptionCode: "VATEX-EU-132-1C" })).toEqual({ taxCategory: "E", taxRate: "0", taxExemptionReason: EXEMPT, taxExemptionCode: "VATEX-EU-132-1C" });
    expect(itemTaxDraftFrom(undefined)).toEqual({ taxCategory: "S", taxRate: "21", taxExemptionReason: "", taxExemptionCode: "" });
  });

  it("puts zero-rated and exempt items at 0 %, and gives S its rate back", () => {
    const nine = { ...DEFAULT_ITEM_TAX_DRAFT, taxRate: "9" };
    expect(withCategory(nine, "E").taxRate).toBe("0");
    expect(withCategory(nine, "Z").taxRate).toBe("0");
    expect(withCategory(withCategory(nine, "E"), "S").taxRate).toBe("21");
    expect(withCategory(nine, "S").taxRate).toBe("9");
  });

  it.each([
    [{ taxCategory: "S", taxRate: "0" }, { taxRate: "Enter a rate above 0 and below 100, such as 21 or 9." }],
    [{ taxCategory: "S", taxRate: "" }, { taxRate: "Enter a rate above 0 and below 100, such as 21 or 9." }],
    [{ taxCategory: "E", taxRate: "0", taxExemptionReason: "  " }, { taxExemptionReason: "An exempt item needs the text the invoice prints." }],
    [{ taxCategory: "E", taxRate: "0", taxExemptionReason: EXEMPT, taxExemptionCode: "EU-132" }, { taxExemptionCode: "Use a VATEX code such as VATEX-EU-132-1C." }],
    [{ taxCategory: "S", taxRate: "21" }, {}],
    [{ taxCategory: "S", taxRate: "5,5" }, {}],
    [{ taxCategory: "Z", taxRate: "0" }, {}],
    [{ taxCategory: "E", taxRate: "0", taxExemptionReason: EXEMPT, taxExemptionCode: "vatex-eu-132-1c" }, {}],
  ] as const)("%j → %j", (draft, errors) => {
    expect(validateItemTax({ ...DEFAULT_ITEM_TAX_DRAFT, ...draft })).toEqual(errors);
  });

  it("sends 0 % for Z and E, a decimal point, and a reason and code only for E", () => {
    expect(toItemTax({ taxCategory: "S", taxRate: " 5,5 ", taxExemptionReason: "left over", taxExemptionCode: "" })).toEqual({ taxCategory: "S", taxRate: "5.5", taxExemptionReason: null, taxExemptionCode: null });
    expect(toItemTax({ taxCategory: "E", taxRate: "21", taxExemptionReason: ` ${EXEMPT} `, taxExemptionCode: "vatex-eu-132-1c" })).toEqual({ taxCategory: "E", taxRate: "0", taxExemptionReason: EXEMPT, taxExemptionCode: "VATEX-EU-132-1C" });
    expect(toItemTax({ taxCategory: "Z", taxRate: "9", taxExemptionReason: "", taxExemptionCode: "" })).toEqual({ taxCategory: "Z", taxRate: "0", taxExemptionReason: null, taxExemptionCode: null });
  });
});
