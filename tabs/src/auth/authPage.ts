// What both consent popup pages share: their text in the user's language and the status line they show.
import { languageFor } from "../app/locale";
import { en } from "../shared/i18n/en";
import { nl } from "../shared/i18n/nl";

/** The consent texts for a locale (the popup loads the resources, not i18next). */
export function consentText(locale: string | undefined): typeof en.consent {
  return languageFor(locale) === "nl" ? nl.consent : en.consent;
}

/** Shows `text` in the page's status line (#status). */
export function showStatus(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}
