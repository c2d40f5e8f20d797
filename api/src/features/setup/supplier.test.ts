// Covers the supplier block: VAT id shape per country, IBAN check digits, BIC, country codes, blank fields as absent,
// and what a legal invoice still misses.
import { describe, expect, it } from "vitest";
import { EMPTY_SUPPLIER, missingSupplierFields, ZSupplier } from "./supplier.schema";

const issues = (input: unknown) => ZSupplier.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("supplier", () => {
  it.each([
    ["NL123456789B01", "NL123456789B01"],
    ["nl 1234.56.789.b01", "NL123456789B01"],
    ["BE0403170701", "BE0403170701"],
    ["DE136695976", "DE136695976"],
    ["EL094259216", "EL094259216"],
  ])("accepts the VAT id %j as %j", (vatId, stored) => {
    expect(ZSupplier.parse({ vatId }).vatId).toBe(stored);
  });

  it.each(["123456789B01", "NL12345678B01", "BE123", "XX123456789", "NL123456789B01X"])("refuses the VAT id %j, saying how it should look", (vatId) => {
    expect(issues({ vatId })).toEqual(["vatId: give the VAT id with its country prefix, in that country's format, such as NL123456789B01 or BE0123456789"]);
  });

  it.each([
    ["NL91 ABNA 0417 1643 00", "NL91ABNA0417164300"],
    ["be68539007547034", "BE68539007547034"],
  ])("accepts the IBAN %j as %j", (iban, stored) => {
    expect(ZSupplier.parse({ iban }).iban).toBe(stored);
  });

  it.each([
    ["NL91ABNA0417164301", "the check digits of this IBAN do not match: is a character mistyped?"],
    ["NL91ABNA041716430", "this IBAN has the wrong number of characters for its country"],
    ["ZZ91ABNA0417164300", "this IBAN does not begin with the code of a country that uses IBANs"],
  ])("refuses the IBAN %j: %s", (iban, message) => {
    expect(issues({ iban })).toEqual([`iban: ${message}`]);
  });

  it("checks BIC, country code, e-mail and website, and names each field", () => {
    expect(issues({ bic: "ABN", address: { countryCode: "XX" }, email: "billing", website: "ftp://x.nl" })).toEqual([
      "address.countryCode: use an ISO 3166 country code of 2 letters, such as NL or BE",
      "bic: a BIC has 8 or 11 letters and digits, such as ABNANL2A",
      "email: give an e-mail address such as billing@example.nl",
      "website: give the full address, such as https://example.nl",
    ]);
    expect(ZSupplier.parse({ bic: "abna nl 2a", address: { countryCode: "nl" } })).toMatchObject({ bic: "ABNANL2A", address: { countryCode: "NL" } });
  });

  it("reads blank fields as left out", () => {
    expect(ZSupplier.parse({ legalName: "  ", vatId: "", address: { city: "" } })).toEqual(EMPTY_SUPPLIER);
  });

  it("lists what a legal invoice still misses", () => {
    expect(missingSupplierFields(EMPTY_SUPPLIER)).toEqual(["legalName", "address.street", "address.postalCode", "address.city", "address.countryCode", "vatId", "companyRegistration", "iban", "email"]);
    const complete = ZSupplier.parse({
      legalName: "Fysio Centrum B.V.",
      address: { street: "Keizersgracht 1", postalCode: "1015 AA", city: "Amsterdam", countryCode: "NL" },
      vatId: "NL123456789B01",
      companyRegistration: "12345678",
      iban: "NL91ABNA0417164300",
      email: "billing@fysio.example",
    });
    expect(missingSupplierFields(complete)).toEqual([]);
  });

  it("takes an optional Peppol id as scheme:id; blank is absent", () => {
    expect(ZSupplier.parse({ peppolId: " 0106:30123456 " }).peppolId).toBe("0106:30123456");
    expect(ZSupplier.parse({ peppolId: "" }).peppolId).toBeUndefined();
    expect(issues({ peppolId: "30123456" })).toEqual(["peppolId: give the Peppol id as scheme:id, such as 0106:12345678 (KvK) or 0208:0123456789 (KBO)"]);
  });
});
