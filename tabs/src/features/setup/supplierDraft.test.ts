// Covers the supplier fields of the setup draft: reading a stored supplier, the browser's checks, and the PUT body.
import { describe, expect, it } from "vitest";
import { DEFAULT_SUPPLIER_DRAFT, supplierDraftFrom, toSupplierInput, validateSupplierDraft, type SupplierDraft } from "./supplierDraft";

const draft = (patch: Partial<SupplierDraft>): SupplierDraft => ({ ...DEFAULT_SUPPLIER_DRAFT, ...patch });

describe("supplierDraft", () => {
  it("reads an absent or empty supplier as blank fields", () => {
    expect(supplierDraftFrom(undefined)).toEqual(DEFAULT_SUPPLIER_DRAFT);
    expect(supplierDraftFrom({ address: {} })).toEqual(DEFAULT_SUPPLIER_DRAFT);
  });

  it.each([
    ["supplierCountryCode", "XX", "Use a 2-letter country code such as NL or BE."],
    ["supplierCountryCode", "EU", "Use a 2-letter country code such as NL or BE."],
    ["supplierVatId", "123456789B01", "Start with the country prefix, such as NL123456789B01 or BE0123456789."],
    ["supplierPeppolId", "30123456", "Use scheme:id, such as 0106:12345678 (KvK) or 0208:0123456789 (KBO)."],
    ["supplierIban", "NL91ABNA0417164301", "This is not a valid IBAN: check for a mistyped character."],
    ["supplierBic", "ABN", "A BIC has 8 or 11 letters and digits, such as ABNANL2A."],
    ["supplierEmail", "billing", "Enter an e-mail address such as billing@example.nl."],
    ["supplierWebsite", "example.nl", "Enter the full address, such as https://example.nl."],
  ] as const)("%s = %j → %s", (field, value, message) => {
    expect(validateSupplierDraft(draft({ [field]: value }))).toEqual({ [field]: message });
  });

  it("accepts blank fields and well-formed ones", () => {
    expect(validateSupplierDraft(DEFAULT_SUPPLIER_DRAFT)).toEqual({});
    const ok = draft({ supplierCountryCode: "be", supplierVatId: "nl 1234.56.789.b01", supplierIban: "NL91 ABNA 0417 1643 00", supplierPeppolId: "0208:0403170701", supplierBic: "abnanl2a", supplierEmail: "billing@fysio.example", supplierWebsite: "https://fysio.example" });
    expect(validateSupplierDraft(ok)).toEqual({});
  });

  it("sends every field trimmed; blank ones clear what is stored", () => {
    expect(toSupplierInput(draft({ supplierLegalName: " Fysio B.V. ", supplierCity: " Gent ", supplierCountryCode: "BE" }))).toEqual({
      legalName: "Fysio B.V.",
      address: { street: "", postalCode: "", city: "Gent", countryCode: "BE" },
      vatId: "",
      companyRegistration: "",
      peppolId: "",
      iban: "",
      bic: "",
      email: "",
      phone: "",
      website: "",
      paymentInstructions: "",
    });
  });
});
