// Picks the display locale (dates, numbers, money) and the UI language from the Teams context or, standalone, the URL and browser.
import type { Language } from "../shared/i18n/i18n";

/** The display locale and the UI language the tab runs in. */
export interface LocaleChoice {
  locale: string;
  language: Language;
}

// A BCP 47 tag as far as the tab needs it: "nl", "nl-NL", "en-GB", "zh-Hant-TW".
const TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/** Dutch for `nl` and `nl-*` (nl-NL, nl-BE), English for everything else. */
export function languageFor(locale: string | undefined): Language {
  return /^nl(-|$)/i.test(locale?.trim() ?? "") ? "nl" : "en";
}

/** A usable locale tag, or undefined for anything Intl would reject. */
function validTag(tag: string | null | undefined): string | undefined {
  const value = tag?.trim();
  if (!value || !TAG.test(value)) return undefined;
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

/**
 * In Teams: Teams' `app.locale`, else the browser's language. Standalone: `?lang=` (e.g. `?lang=nl`) wins,
 * else the browser's language. English is the fallback for both.
 */
export function chooseLocale(input: { inTeams: boolean; teamsLocale?: string; search: string; browserLanguage?: string }): LocaleChoice {
  const requested = input.inTeams ? undefined : validTag(new URLSearchParams(input.search).get("lang"));
  const locale = requested ?? (input.inTeams ? validTag(input.teamsLocale) : undefined) ?? validTag(input.browserLanguage) ?? "en";
  return { locale, language: languageFor(locale) };
}
