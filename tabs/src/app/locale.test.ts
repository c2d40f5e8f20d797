// Covers the choice of display locale and UI language: Teams' locale inside Teams, ?lang= or the browser standalone.
import { describe, expect, it } from "vitest";
import { chooseLocale, languageFor } from "./locale";

describe("languageFor", () => {
  it.each([
    ["nl", "nl"],
    ["nl-NL", "nl"],
    ["nl-be", "nl"],
    ["en-GB", "en"],
    ["de-DE", "en"],
    ["nlx", "en"],
    [undefined, "en"],
  ] as const)("%s → %s", (locale, language) => {
    expect(languageFor(locale)).toBe(language);
  });
});

describe("chooseLocale", () => {
  it("uses the Teams locale inside Teams, ignoring ?lang=", () => {
    expect(chooseLocale({ inTeams: true, teamsLocale: "nl-NL", search: "?lang=en", browserLanguage: "en-US" })).toEqual({ locale: "nl-NL", language: "nl" });
    expect(chooseLocale({ inTeams: true, teamsLocale: "en-gb", search: "", browserLanguage: "nl-NL" })).toEqual({ locale: "en-GB", language: "en" });
  });

  it("falls back to the browser language when Teams reports none", () => {
    expect(chooseLocale({ inTeams: true, teamsLocale: "", search: "", browserLanguage: "nl-BE" })).toEqual({ locale: "nl-BE", language: "nl" });
  });

  it("lets ?lang= choose standalone, else the browser language", () => {
    expect(chooseLocale({ inTeams: false, search: "?lang=nl", browserLanguage: "en-GB" })).toEqual({ locale: "nl", language: "nl" });
    expect(chooseLocale({ inTeams: false, search: "?theme=dark", browserLanguage: "nl-NL" })).toEqual({ locale: "nl-NL", language: "nl" });
    expect(chooseLocale({ inTeams: false, search: "", browserLanguage: "en-GB" })).toEqual({ locale: "en-GB", language: "en" });
  });

  it("ignores malformed tags and ends at English", () => {
    expect(chooseLocale({ inTeams: false, search: "?lang=<script>", browserLanguage: "fr-FR" })).toEqual({ locale: "fr-FR", language: "en" });
    expect(chooseLocale({ inTeams: false, search: "?lang=", browserLanguage: undefined })).toEqual({ locale: "en", language: "en" });
  });
});
