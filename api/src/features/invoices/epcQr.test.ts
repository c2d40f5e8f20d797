// Covers the EPC069-12 payload of the payment QR code: the exact lines, and the amounts that cannot be paid this way.
import { describe, expect, it } from "vitest";
import { epcPayload } from "./epcQr";

describe("epcPayload", () => {
  it("writes the eleven lines of a version 002 SEPA credit transfer with the invoice number as the reference", () => {
    expect(epcPayload({ name: "Contoso Fysiotherapie B.V.", iban: "nl91 abna 0417 1643 00", bic: "ABNANL2A", amount: "893.75", reference: "INV-2026-00012" })).toBe(
      "BCD\n002\n1\nSCT\nABNANL2A\nContoso Fysiotherapie B.V.\nNL91ABNA0417164300\nEUR893.75\n\n\nINV-2026-00012",
    );
  });

  it("leaves the BIC line empty without one, and cuts the name to 70 characters", () => {
    const payload = epcPayload({ name: "x".repeat(80), iban: "NL91ABNA0417164300", amount: "5", reference: "INV-1" })!.split("\n");
    expect(payload[4]).toBe("");
    expect(payload[5]).toHaveLength(70);
    expect(payload[7]).toBe("EUR5.00");
  });

  it.each(["0", "0.001", "-10.00", "1000000000.00"])("has no payload for %s", (amount) => {
    expect(epcPayload({ name: "A", iban: "NL91ABNA0417164300", amount, reference: "INV-1" })).toBeNull();
  });
});
