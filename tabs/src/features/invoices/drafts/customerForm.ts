// The edit-customer form of a draft (PRODUCT.md §4.6): read from the customer, checked as the server checks it where
// the browser can, and turned into the PATCH body of only what changed.
import { t } from "../../../shared/i18n/i18n";
import { isPeppolIdShape, isVatIdShape } from "../../../shared/partyChecks";
import type { CustomerDetails, CustomerPatch } from "../invoice.types";

/** What the admin edits, every field as typed. */
export interface CustomerForm {
  street: string;
  postalCode: string;
  city: string;
  countryCode: string;
  companyName: string;
  vatId: string;
  peppolId: string;
  language: "nl" | "en";
  paymentTermsDays: string;
}

/** The form for a customer as the API answers it. */
export function customerForm(c: CustomerDetails): CustomerForm {
  return {
    street: c.address.street ?? "",
    postalCode: c.address.postalCode ?? "",
    city: c.address.city ?? "",
    countryCode: c.address.countryCode ?? "",
    companyName: c.companyName ?? "",
    vatId: c.vatId ?? "",
    peppolId: c.peppolId ?? "",
    language: c.language === "nl" ? "nl" : "en",
    paymentTermsDays: String(c.paymentTermsDays),
  };
}

/** Whether an address is complete enough for a final invoice: street, city and country (as finalizing asks). */
export const isAddressComplete = (a: CustomerDetails["address"]): boolean => !!(a.street && a.city && a.countryCode);

/** A message per field that cannot be saved. */
export function validateCustomerForm(f: CustomerForm): Partial<Record<keyof CustomerForm, string>> {
  const errors: Partial<Record<keyof CustomerForm, string>> = {};
  if (f.countryCode.trim() && !/^[A-Za-z]{2}$/.test(f.countryCode.trim())) errors.countryCode = t("invoices.customer.countryInvalid");
  if (f.vatId.trim() && !isVatIdShape(f.vatId)) errors.vatId = t("invoices.customer.vatIdInvalid");
  if (f.peppolId.trim() && !isPeppolIdShape(f.peppolId)) errors.peppolId = t("invoices.customer.peppolIdInvalid");
  const terms = f.paymentTermsDays.trim();
  if (!/^\d+$/.test(terms) || Number(terms) > 365) errors.paymentTermsDays = t("invoices.customer.termsInvalid");
  return errors;
}

const blankAsNull = (v: string) => v.trim() || null;

/** The PATCH body: only the fields that differ from the stored customer; null when nothing changed. */
export function customerPatch(f: CustomerForm, stored: CustomerForm): CustomerPatch | null {
  const patch: CustomerPatch = {};
  const addressParts = ["street", "postalCode", "city", "countryCode"] as const;
  if (addressParts.some((k) => f[k].trim() !== stored[k].trim())) {
    const address = { street: f.street.trim(), postalCode: f.postalCode.trim(), city: f.city.trim(), countryCode: f.countryCode.trim().toUpperCase() };
    // Emptied entirely: the address goes back to what Bookings holds.
    patch.address = addressParts.every((k) => !address[k]) ? null : address;
  }
  if (f.companyName.trim() !== stored.companyName.trim()) patch.companyName = blankAsNull(f.companyName);
  if (f.vatId.trim() !== stored.vatId.trim()) patch.vatId = blankAsNull(f.vatId);
  if (f.peppolId.trim() !== stored.peppolId.trim()) patch.peppolId = blankAsNull(f.peppolId);
  if (f.language !== stored.language) patch.language = f.language;
  if (f.paymentTermsDays.trim() !== stored.paymentTermsDays.trim()) patch.paymentTermsDays = Number(f.paymentTermsDays.trim());
  return Object.keys(patch).length ? patch : null;
}
