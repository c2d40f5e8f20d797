// Detects the host once, applies its locale and language, then keeps the theme in sync with Teams or the OS preference.
import { useEffect, useState } from "react";
import { setLocale } from "../shared/format";
import { loadLanguage, setLanguage } from "../shared/i18n/i18n";
import { chooseLocale } from "./locale";
import { detectTeamsHost } from "./teamsHost";
import type { TeamsHost } from "./teamsHost";
import { asThemeName, standaloneThemeName } from "./theme";
import type { ThemeName } from "./theme";

/** Host state for the app shell; `host` is undefined until detection finishes. */
export interface HostState {
  host: TeamsHost | undefined;
  themeName: ThemeName;
}

/** Formats dates and money in the host's locale and picks the UI language, before any page renders. */
async function applyLocale(host: TeamsHost): Promise<void> {
  const { locale, language } = chooseLocale({
    inTeams: host.inTeams,
    teamsLocale: host.ctx?.app.locale,
    search: window.location.search,
    browserLanguage: navigator.language,
  });
  setLocale(locale);
  // A Dutch tab shows nothing until its texts are here, so no English flashes by; if they cannot be fetched, English.
  await loadLanguage(language).then(
    () => setLanguage(language),
    () => setLanguage("en"),
  );
}

/** Runs host detection and subscribes to theme changes. */
export function useHost(): HostState {
  const [host, setHost] = useState<TeamsHost>();
  const [themeName, setThemeName] = useState<ThemeName>(() => standaloneThemeName());

  useEffect(() => {
    let cancelled = false;
    void detectTeamsHost().then(async (detected) => {
      await applyLocale(detected);
      if (cancelled) return;
      if (detected.inTeams) {
        setThemeName(asThemeName(detected.ctx?.app.theme));
        // Already loaded by detectTeamsHost, so this import resolves at once.
        void import("@microsoft/teams-js").then(({ app }) => {
          // Teams calls this live when the user switches between light, dark and high contrast.
          app.registerOnThemeChangeHandler((name) => setThemeName(asThemeName(name)));
          app.notifySuccess();
        });
      }
      setHost(detected);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    // Standalone without an explicit ?theme=: follow the OS preference live.
    if (host?.inTeams !== false || new URLSearchParams(window.location.search).has("theme")) return;
    const query = window.matchMedia?.("(prefers-color-scheme: dark)");
    if (!query) return;
    const onChange = () => setThemeName(standaloneThemeName());
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, [host]);

  return { host, themeName };
}
