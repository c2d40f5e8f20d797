// The tab's i18next instance: English and Dutch bundled in, English until the host's locale picks the language.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { nl } from "./nl";

/** The UI languages the tab ships. */
export type Language = "en" | "nl";

/** The resources per language, for the parity test and the instance. */
export const RESOURCES = { en: { translation: en }, nl: { translation: nl } } as const;

/** The shared instance; react-i18next's useTranslation() reads it. */
export const i18n = i18next.createInstance();

// Resources are in the bundle, so initialisation and language changes finish synchronously.
void i18n.use(initReactI18next).init({
  resources: RESOURCES,
  lng: "en",
  fallbackLng: "en",
  supportedLngs: ["en", "nl"],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes what it renders.
});

/** Translates outside components (pure wording helpers); components use useTranslation() instead. */
export const t = i18n.t.bind(i18n);

/** Switches the UI language and the document's `lang` (screen readers, hyphenation). */
export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

/** The UI language in use. */
export function currentLanguage(): Language {
  return i18n.language === "nl" ? "nl" : "en";
}
