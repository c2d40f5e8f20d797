// The supplier fields of the setup draft (PRODUCT.md §4.6): read from the stored setup, checked as the server checks
// them where the browser can, and turned into the PUT body. The server's check stays the last word.
import { isValidBIC, validateIBAN, electronicFormatIBAN } from "ibantools";
import { t } from "../../shared/i18n/i18n";
import { isPeppolIdShape, isVatIdShape } from "../../shared/partyChecks";
import type { Setup, SetupInput } from "./setup.types";

/** The supplier part of the setup draft, every field as typed. */
export interface SupplierDraft {
  supplierLegalName: string;
  supplierStreet: string;
  supplierPostalCode: string;
  supplierCity: string;
  supplierCountryCode: string;
  supplierVatId: string;
  supplierRegistration: string;
  supplierPeppolId: string;
  supplierIban: string;
  supplierBic: string;
  supplierEmail: string;
  supplierPhone: string;
  supplierWebsite: string;
  supplierPaymentInstructions: string;
}

/** Nothing known of the supplier yet. */
export const DEFAULT_SUPPLIER_DRAFT: SupplierDraft = {
  supplierLegalName: "",
  supplierStreet: "",
  supplierPostalCode: "",
  supplierCity: "",
  supplierCountryCode: "",
  supplierVatId: "",
  supplierRegistration: "",
  supplierPeppolId: "",
  supplierIban: "",
  supplierBic: "",
  supplierEmail: "",
  supplierPhone: "",
  supplierWebsite: "",
  supplierPaymentInstructions: "",
};

/** The draft for a stored supplier (absent on an older setup: empty). */
export function supplierDraftFrom(s: Setup["supplier"] | undefined): SupplierDraft {
  if (!s) return DEFAULT_SUPPLIER_DRAFT;
  const a: Partial<Setup["supplier"]["address"]> = s.address ?? {};
  return {
    supplierLegalName: s.legalName ?? "",
    supplierStreet: a.street ?? "",
    supplierPostalCode: a.postalCode ?? "",
    supplierCity: a.city ?? "",
    supplierCountryCode: a.countryCode ?? "",
    supplierVatId: s.vatId ?? "",
    supplierRegistration: s.companyRegistration ?? "",
    supplierPeppolId: s.peppolId ?? "",
    supplierIban: s.iban ?? "",
    supplierBic: s.bic ?? "",
    supplierEmail: s.email ?? "",
    supplierPhone: s.phone ?? "",
    supplierWebsite: s.website ?? "",
    supplierPaymentInstructions: s.paymentInstructions ?? "",
  };
}

const COUNTRY_NAMES = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/** Whether a 2-letter code names a country (the server checks it against ISO 3166 too). */
export const isCountryCode = (code: string): boolean => /^[A-Z]{2}$/.test(code) && !!COUNTRY_NAMES.of(code) && !["EU", "UN", "ZZ", "EZ", "QO"].includes(code);

/** A message per supplier field that cannot be saved; blank fields are fine until an invoice is finalized. */
export function validateSupplierDraft(d: SupplierDraft): Partial<Record<keyof SupplierDraft, string>> {
  const errors: Partial<Record<keyof SupplierDraft, string>> = {};
  const country = d.supplierCountryCode.trim().toUpperCase();
  if (country && !isCountryCode(country)) errors.supplierCountryCode = t("setup.supplier.countryInvalid");
  if (d.supplierVatId.trim() && !isVatIdShape(d.supplierVatId)) errors.supplierVatId = t("setup.supplier.vatIdInvalid");
  if (d.supplierPeppolId.trim() && !isPeppolIdShape(d.supplierPeppolId)) errors.supplierPeppolId = t("setup.supplier.peppolIdInvalid");
  const iban = d.supplierIban.trim();
  if (iban && !validateIBAN(electronicFormatIBAN(iban) ?? "").valid) errors.supplierIban = t("setup.supplier.ibanInvalid");
  const bic = d.supplierBic.replace(/\s+/g, "").toUpperCase();
  if (bic && !isValidBIC(bic)) errors.supplierBic = t("setup.supplier.bicInvalid");
  const email = d.supplierEmail.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.supplierEmail = t("setup.supplier.emailInvalid");
  const website = d.supplierWebsite.trim();
  if (website && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(website)) errors.supplierWebsite = t("setup.supplier.websiteInvalid");
  return errors;
}

/** The `supplier` object of the PUT body: trimmed text; blank fields are sent blank, which clears them. */
export function toSupplierInput(d: SupplierDraft): NonNullable<SetupInput["supplier"]> {
  return {
    legalName: d.supplierLegalName.trim(),
    address: { street: d.supplierStreet.trim(), postalCode: d.supplierPostalCode.trim(), city: d.supplierCity.trim(), countryCode: d.supplierCountryCode.trim() },
    vatId: d.supplierVatId.trim(),
    companyRegistration: d.supplierRegistration.trim(),
    peppolId: d.supplierPeppolId.trim(),
    iban: d.supplierIban.trim(),
    bic: d.supplierBic.trim(),
    email: d.supplierEmail.trim(),
    phone: d.supplierPhone.trim(),
    website: d.supplierWebsite.trim(),
    paymentInstructions: d.supplierPaymentInstructions.trim(),
  };
}
