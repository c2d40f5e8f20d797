// The SEPA credit transfer a payment QR code carries (EPC069-12, version 002, "GiroCode"): a banking app that scans
// it fills in the beneficiary, IBAN, amount and the invoice number as the reference.
import { Decimal } from "../../shared/money";

/** What the transfer pays: to whom, which IBAN (BIC optional within the EEA), how much in euros, and with what reference. */
export interface EpcTransfer {
  name: string;
  iban: string;
  bic?: string;
  amount: string;
  reference: string;
}

// EPC069-12 bounds: amount EUR 0.01 to 999999999.99, beneficiary name 70 and unstructured remittance 140 characters.
const MAX_AMOUNT = new Decimal("999999999.99");

/** The payload, lines joined by LF; null when the amount cannot be paid by such a transfer (0, negative, too large). */
export function epcPayload(t: EpcTransfer): string | null {
  const amount = new Decimal(t.amount);
  if (amount.lt("0.01") || amount.gt(MAX_AMOUNT)) return null;
  return [
    "BCD", // service tag
    "002", // version: the BIC may be left out
    "1", // character set: UTF-8
    "SCT", // SEPA credit transfer
    t.bic ?? "",
    t.name.slice(0, 70),
    t.iban.replace(/\s+/g, "").toUpperCase(),
    `EUR${amount.toFixed(2)}`,
    "", // purpose code
    "", // structured creditor reference: none, the invoice number goes in the unstructured remittance
    t.reference.slice(0, 140),
  ].join("\n");
}
