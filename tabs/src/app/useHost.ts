// Detects the host once, then keeps the theme in sync with Teams or the OS preference.
import { useEffect, useState } from "react";
import { detectTeamsHost } from "./teamsHost";
import type { TeamsHost } from "./teamsHost";
import { standaloneThemeName } from "./theme";
import type { ThemeName } from "./theme";

/** Host state for the app shell; `host` is undefined until detection finishes. */
export interface HostState {
  host: TeamsHost | undefined;
  themeName: ThemeName;
}

/** Runs host detection and subscribes to theme changes. */
export function useHost(): HostState {
  const [host, setHost] = useState<TeamsHost>();
  const [themeName, setThemeName] = useState<ThemeName>(() => standaloneThemeName());

  useEffect(() => {
    let cancelled = false;
    void detectTeamsHost().then((detected) => {
      if (cancelled) return;
      if (detected.inTeams) {
        setThemeName(asThemeName(detected.ctx?.app.theme));
        // Already loaded by detectTeamsHost, so this import resolves at once.
        void import("@microsoft/teams-js").then(({ app }) => {
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

function asThemeName(name: string | undefined): ThemeName {
  return name === "dark" || name === "contrast" ? name : "default";
}
