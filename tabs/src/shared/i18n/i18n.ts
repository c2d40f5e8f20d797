// The tab's i18next instance: English in the bundle, Dutch fetched (its own small chunk) when the host's locale asks
// for it, so an English tab never downloads it.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";

/** The UI languages the tab ships. */
export type Language = "en" | "nl";

/** The shared instance; react-i18next's useTranslation() reads it. */
export const i18n = i18next.createInstance();

// English is in the bundle, so initialisation finishes synchronously; Dutch is added by loadLanguage().
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  partialBundledLanguages: true,
  lng: "en",
  fallbackLng: "en",
  supportedLngs: ["en", "nl"],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes what it renders.
});

/** Translates outside components (pure wording helpers); components use useTranslation() instead. */
export const t = i18n.t.bind(i18n);

/** Fetches a language's texts once (English is always there); afterwards setLanguage switches to it at once. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === "en" || i18n.hasResourceBundle(language, "translation")) return;
  const { nl } = await import("./nl");
  i18n.addResourceBundle(language, "translation", nl);
}

/** Switches the UI language and the document's `lang` (screen readers, hyphenation); load it first with loadLanguage. */
export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

/** The UI language in use. */
export function currentLanguage(): Language {
  return i18n.language === "nl" ? "nl" : "en";
}
