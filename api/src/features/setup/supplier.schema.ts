// The supplier block of the setup (PRODUCT.md §4.6): who sends the invoice, checked as a bookkeeper would check it.
// Every field may be left out while the admin fills the form in; finalizing asks for what a legal invoice needs.
import { z } from "zod";
import { blankAsAbsent, text, ZAddress, ZBic, ZIban, ZPeppolId, ZVatId } from "../../shared/partySchemas";

export type { TAddress } from "../../shared/partySchemas";

/** The business that sends the invoices. */
export const ZSupplier = z.object({
  legalName: blankAsAbsent(text(200)),
  address: ZAddress.default({}),
  vatId: blankAsAbsent(ZVatId),
  /** KvK (NL) or KBO (BE) number, or another country's company register number. */
  companyRegistration: blankAsAbsent(text(40)),
  /** The business's Peppol participant id ("0106:12345678"); when absent, e-invoices derive one from the KvK/KBO number or VAT id. */
  peppolId: blankAsAbsent(ZPeppolId),
  iban: blankAsAbsent(ZIban),
  bic: blankAsAbsent(ZBic),
  email: blankAsAbsent(z.email("give an e-mail address such as billing@example.nl").max(320)),
  phone: blankAsAbsent(text(40)),
  website: blankAsAbsent(z.url({ protocol: /^https?$/, error: "give the full address, such as https://example.nl" }).max(500)),
  paymentInstructions: blankAsAbsent(text(500)),
});
export type TSupplier = z.infer<typeof ZSupplier>;

/** A supplier nothing is known of yet. */
export const EMPTY_SUPPLIER: TSupplier = { address: {} };

/** What a legal invoice needs of the supplier and is still missing (field paths); empty when complete. */
export function missingSupplierFields(s: TSupplier): string[] {
  const required: [string, unknown][] = [
    ["legalName", s.legalName],
    ["address.street", s.address.street],
    ["address.postalCode", s.address.postalCode],
    ["address.city", s.address.city],
    ["address.countryCode", s.address.countryCode],
    ["vatId", s.vatId],
    ["companyRegistration", s.companyRegistration],
    ["iban", s.iban],
    ["email", s.email],
  ];
  return required.filter(([, value]) => value === undefined).map(([name]) => name);
}
