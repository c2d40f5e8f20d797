// Pure: the words of the notification card in English and Dutch; the tenant's customer-template language picks one.

/** The languages the card is written in. */
export type CardLanguage = "en" | "nl";

/** Every text on the card, per language. */
export interface CardTexts {
  /** Locale for amounts and dates. */
  locale: string;
  headline: (count: number) => string;
  testPrefix: string;
  testSubtitle: string;
  newSince: (count: number) => string;
  stillWaiting: string;
  bookings: string;
  total: string;
  oldestBooking: string;
  none: string;
  topCustomers: string;
  bookingCount: (count: number) => string;
  noName: string;
  openInvoices: string;
  /** The oldest booking's date, from "YYYY-MM-DD". */
  date: (isoDate: string) => string;
}

const en: CardTexts = {
  locale: "en",
  headline: (n) => (n === 1 ? "1 completed booking awaits invoicing" : `${n} completed bookings await invoicing`),
  testPrefix: "Test: ",
  testSubtitle: "Test card from Bookings Invoicing: this is how notifications will look in this channel.",
  newSince: (n) => (n === 1 ? "1 new since the last notice." : `${n} new since the last notice.`),
  stillWaiting: "Still waiting since the last notice.",
  bookings: "Bookings",
  total: "Total",
  oldestBooking: "Oldest booking",
  none: "none",
  topCustomers: "Top customers",
  bookingCount: (n) => (n === 1 ? "1 booking" : `${n} bookings`),
  noName: "(no name)",
  openInvoices: "Open Invoices",
  date: (isoDate) => isoDate,
};

const dutchDate = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

const nl: CardTexts = {
  locale: "nl-NL",
  headline: (n) => (n === 1 ? "1 afgeronde boeking wacht op facturering" : `${n} afgeronde boekingen wachten op facturering`),
  testPrefix: "Test: ",
  testSubtitle: "Testkaart van Bookings Invoicing: zo zien meldingen er in dit kanaal uit.",
  newSince: (n) => (n === 1 ? "1 nieuwe sinds de vorige melding." : `${n} nieuwe sinds de vorige melding.`),
  stillWaiting: "Nog steeds open sinds de vorige melding.",
  bookings: "Boekingen",
  total: "Totaal",
  oldestBooking: "Oudste boeking",
  none: "geen",
  topCustomers: "Belangrijkste klanten",
  bookingCount: (n) => (n === 1 ? "1 boeking" : `${n} boekingen`),
  noName: "(geen naam)",
  openInvoices: "Facturen openen",
  date: (isoDate) => dutchDate.format(new Date(`${isoDate}T00:00:00Z`)),
};

/** Dutch when the tenant's language tag starts with "nl" (nl, nl-NL, nl-BE), English otherwise. */
export function cardLanguageOf(languageTag: string | null | undefined): CardLanguage {
  return languageTag?.toLowerCase().startsWith("nl") ? "nl" : "en";
}

/** The card's words in a language. */
export function cardTexts(language: CardLanguage = "en"): CardTexts {
  return language === "nl" ? nl : en;
}
