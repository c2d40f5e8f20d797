// Pure: a Bookings customer's address and phone as ours (PRODUCT.md §4.6). Bookings keeps the country as free text
// ("Germany", "USA", "Nederland"), so it is read into an ISO 3166 code where the name is known, else left out.
import { createRequire } from "node:module";
import countries from "i18n-iso-countries";
import type { TAddress } from "../../shared/partySchemas";

const require = createRequire(import.meta.url);
// Country names in the languages our businesses' customers write them in.
const LOCALES = ["en", "nl", "de", "fr"] as const;
for (const locale of LOCALES) countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`));

/** A physicalAddress of Graph, as far as we read it. */
export interface BookingsAddress {
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  countryOrRegion?: string | null;
}

/** The ISO 3166 alpha-2 code for a country as Bookings holds it, or undefined when it names none we know. */
export function countryCodeOf(value: string | null | undefined): string | undefined {
  const name = value?.trim();
  if (!name) return undefined;
  const upper = name.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return countries.isValid(upper) ? upper : upper === "UK" ? "GB" : undefined;
  if (/^[A-Z]{3}$/.test(upper) && countries.alpha3ToAlpha2(upper)) return countries.alpha3ToAlpha2(upper);
  for (const locale of LOCALES) {
    const code = countries.getAlpha2Code(name, locale);
    if (code) return code;
  }
  return undefined;
}

const part = (value: string | null | undefined, max: number) => {
  const v = value?.trim();
  return v ? v.slice(0, max) : undefined;
};

/** The first address that says anything, as ours; empty parts are left out. */
export function addressFromBookings(addresses: readonly BookingsAddress[] | null | undefined): TAddress {
  for (const a of addresses ?? []) {
    const address: TAddress = {
      street: part(a.street, 200),
      postalCode: part(a.postalCode, 20),
      city: part(a.city, 100),
      countryCode: countryCodeOf(a.countryOrRegion),
    };
    const kept = Object.fromEntries(Object.entries(address).filter(([, v]) => v !== undefined)) as TAddress;
    if (Object.keys(kept).length > 0) return kept;
  }
  return {};
}

/** The first phone number Bookings holds, or null. */
export function phoneFromBookings(phones: readonly { number?: string | null }[] | null | undefined): string | null {
  return (phones ?? []).map((p) => p.number?.trim().slice(0, 40)).find((n) => !!n) ?? null;
}
