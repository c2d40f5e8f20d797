// The e-invoice parties' Peppol ids and legal ids, by country: own id first, then KvK / KBO, then the VAT id.
import { describe, expect, it } from "vitest";
import type { TSupplier } from "../setup/supplier.schema";
import { parsePeppolId, supplierEndpoint, supplierLegalId } from "./electronicAddress";

const supplier = (s: Partial<TSupplier> & { country: string }): TSupplier => ({ ...s, address: { countryCode: s.country } });

describe("electronic addresses", () => {
  it.each([
    ["a Dutch KvK number", supplier({ country: "NL", companyRegistration: "30123456", vatId: "NL801234567B01" }), { scheme: "0106", id: "30123456" }],
    ["a Belgian enterprise number, dots removed", supplier({ country: "BE", companyRegistration: "0403.170.701", vatId: "BE0403170701" }), { scheme: "0208", id: "0403170701" }],
    ["the VAT id when the register number does not fit", supplier({ country: "NL", companyRegistration: "KvK 3012", vatId: "NL801234567B01" }), { scheme: "9944", id: "NL801234567B01" }],
    ["a German VAT id", supplier({ country: "DE", companyRegistration: "HRB 12345", vatId: "DE123456789" }), { scheme: "9930", id: "DE123456789" }],
    ["its own Peppol id over everything", supplier({ country: "NL", companyRegistration: "30123456", peppolId: "0190:00000001234567890000" }), { scheme: "0190", id: "00000001234567890000" }],
    ["nothing without a register number, VAT id or Peppol id", supplier({ country: "NL" }), null],
  ])("takes %s", (_, s, expected) => expect(supplierEndpoint(s)).toEqual(expected));

  it("names the legal registration's scheme only where Peppol knows it", () => {
    expect(supplierLegalId(supplier({ country: "NL", companyRegistration: " 30123456 " }))).toEqual({ id: "30123456", scheme: "0106" });
    expect(supplierLegalId(supplier({ country: "DE", companyRegistration: "HRB 12345" }))).toEqual({ id: "HRB 12345", scheme: null });
    expect(supplierLegalId(supplier({ country: "NL" }))).toBeNull();
  });

  it("reads a customer's Peppol id as scheme and id", () => {
    expect(parsePeppolId("0106:12345678")).toEqual({ scheme: "0106", id: "12345678" });
    expect(parsePeppolId("9925:BE0403170701")).toEqual({ scheme: "9925", id: "BE0403170701" });
    expect(parsePeppolId("12345678")).toBeNull();
    expect(parsePeppolId(null)).toBeNull();
  });
});
