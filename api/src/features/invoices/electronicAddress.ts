// Pure: the Peppol electronic addresses (EndpointID, BT-34 and BT-49) and legal ids of the e-invoice's parties, with
// their scheme from the Peppol EAS code list (Peppol BIS 3.0 eas.xml).
import type { TSupplier } from "../setup/supplier.schema";

/** An identifier with its scheme, e.g. { scheme: "0106", id: "30123456" } for a Dutch KvK number. */
export interface SchemedId {
  scheme: string;
  id: string;
}

// EAS codes for VAT numbers, by the VAT id's prefix (Greece's VAT ids start with EL).
const VAT_SCHEMES: Record<string, string> = {
  AT: "9914", BE: "9925", CY: "9928", CZ: "9929", DE: "9930", EE: "9931", EL: "9933", ES: "9920", FR: "9957", GB: "9932",
  HR: "9934", HU: "9910", IE: "9935", IT: "0211", LT: "9937", LU: "9938", LV: "9939", MT: "9943", NL: "9944", PL: "9945",
  PT: "9946", RO: "9947", SI: "9949", SK: "9950",
};

/** "0106:12345678" → { scheme: "0106", id: "12345678" }; null for anything else. */
export function parsePeppolId(value: string | null | undefined): SchemedId | null {
  const match = /^(\d{4}):(.+)$/.exec(value?.trim() ?? "");
  return match ? { scheme: match[1]!, id: match[2]! } : null;
}

/**
 * The supplier's legal registration with its scheme: a Dutch KvK number (0106, 8 digits) or a Belgian enterprise
 * number (0208, 10 digits, written with or without dots); another country's number has no scheme here.
 */
export function supplierLegalId(s: TSupplier): { id: string; scheme: string | null } | null {
  const raw = s.companyRegistration?.trim();
  if (!raw) return null;
  const digits = raw.replace(/[\s.]/g, "");
  const country = s.address.countryCode;
  if (country === "NL" && /^\d{8}$/.test(digits)) return { id: digits, scheme: "0106" };
  if (country === "BE" && /^\d{10}$/.test(digits)) return { id: digits, scheme: "0208" };
  return { id: raw, scheme: null };
}

/**
 * Where the supplier receives e-invoices: its own Peppol id when set, else its KvK or KBO number (how Dutch and Belgian
 * businesses are registered on Peppol), else its VAT id under its country's VAT scheme; null when nothing fits.
 */
export function supplierEndpoint(s: TSupplier): SchemedId | null {
  const own = parsePeppolId(s.peppolId);
  if (own) return own;
  const legal = supplierLegalId(s);
  if (legal?.scheme) return { scheme: legal.scheme, id: legal.id };
  const vat = s.vatId?.trim();
  const scheme = vat ? VAT_SCHEMES[vat.slice(0, 2)] : undefined;
  return vat && scheme ? { scheme, id: vat } : null;
}
