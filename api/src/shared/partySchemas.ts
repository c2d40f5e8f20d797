// Schemas of the parties of an invoice (PRODUCT.md §4.6), checked as a bookkeeper would check them: postal addresses,
// ISO 3166 country codes, VAT ids, IBANs and BICs. The supplier (setup) and the customers both use them.
import countries from "i18n-iso-countries";
import { electronicFormatIBAN, isValidBIC, validateIBAN, ValidationErrorsIBAN } from "ibantools";
import jsvat from "jsvat-next";
import { z } from "zod";

// jsvat-next is CommonJS without named exports Node can see: take them from its default export.
const { checkVAT, countries: vatCountries } = jsvat;

/** An empty or blank text counts as left out, so clearing a field in the form removes it. */
export const blankAsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** Trimmed text of at most `max` characters. */
export const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

/** An ISO 3166-1 alpha-2 country code, answered in capitals. */
export const ZCountryCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => /^[A-Z]{2}$/.test(v) && countries.isValid(v), "use an ISO 3166 country code of 2 letters, such as NL or BE");

// Countries the VAT library knows have their shape checked; any other must at least be a country prefix and digits or
// letters. Greece's VAT prefix is EL, and Northern Ireland's XI.
const OTHER_VAT_ID = /^([A-Z]{2})[0-9A-Z]{2,13}$/;
const VAT_ONLY_PREFIXES = new Set(["EL", "XI"]);

/** A VAT id with its country prefix ("NL123456789B01"), answered without spaces or dots, in capitals. */
export const ZVatId = z
  .string()
  .max(30, "at most 30 characters")
  .transform((value, ctx) => {
    const check = checkVAT(value, vatCountries);
    const other = (check.value ?? "").match(OTHER_VAT_ID);
    const plausible = check.country ? check.isValidFormat : !!other && (countries.isValid(other[1]!) || VAT_ONLY_PREFIXES.has(other[1]!));
    if (plausible && check.value) return check.value;
    ctx.addIssue({ code: "custom", message: "give the VAT id with its country prefix, in that country's format, such as NL123456789B01 or BE0123456789" });
    return z.NEVER;
  });

const IBAN_PROBLEMS: Partial<Record<ValidationErrorsIBAN, string>> = {
  [ValidationErrorsIBAN.NoIBANCountry]: "this IBAN does not begin with the code of a country that uses IBANs",
  [ValidationErrorsIBAN.WrongBBANLength]: "this IBAN has the wrong number of characters for its country",
  [ValidationErrorsIBAN.WrongBBANFormat]: "this IBAN does not have its country's format",
  [ValidationErrorsIBAN.ChecksumNotNumber]: "the 3rd and 4th characters of an IBAN are its check digits",
  [ValidationErrorsIBAN.WrongIBANChecksum]: "the check digits of this IBAN do not match: is a character mistyped?",
};

/** An IBAN with valid check digits, answered in its electronic format (no spaces, capitals). */
export const ZIban = z
  .string()
  .max(50, "at most 50 characters")
  .transform((value, ctx) => {
    const iban = electronicFormatIBAN(value) ?? "";
    const { valid, errorCodes } = validateIBAN(iban);
    if (valid) return iban;
    ctx.addIssue({ code: "custom", message: IBAN_PROBLEMS[errorCodes[0]!] ?? "not an IBAN, such as NL91ABNA0417164300" });
    return z.NEVER;
  });

/** A BIC (SWIFT code) of 8 or 11 characters, answered in capitals. */
export const ZBic = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase().replace(/\s+/g, ""))
  .refine((v) => isValidBIC(v), "a BIC has 8 or 11 letters and digits, such as ABNANL2A");

/** A Peppol participant id: an ICD scheme of 4 digits, a colon and the id within it ("0106:12345678"). */
export const ZPeppolId = z
  .string()
  .trim()
  .regex(/^\d{4}:[A-Za-z0-9][A-Za-z0-9._:-]{0,49}$/, "give the Peppol id as scheme:id, such as 0106:12345678 (KvK) or 0208:0123456789 (KBO)");

/** A postal address; each part may be left out until the address is complete. */
export const ZAddress = z.object({
  street: blankAsAbsent(text(200)),
  postalCode: blankAsAbsent(text(20)),
  city: blankAsAbsent(text(100)),
  countryCode: blankAsAbsent(ZCountryCode),
});
export type TAddress = z.infer<typeof ZAddress>;
