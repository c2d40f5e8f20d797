// Chooses the Fluent theme from Teams' theme name or, standalone, from ?theme= and the OS preference.
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";

/** Theme names Teams reports ("default" | "dark" | "contrast"). */
export type ThemeName = "default" | "dark" | "contrast";

/** The Fluent theme for a Teams theme name; anything unknown is light. */
export function themeFor(name: string | undefined): Theme {
  if (name === "dark") return teamsDarkTheme;
  if (name === "contrast") return teamsHighContrastTheme;
  return teamsLightTheme;
}

/** A Teams theme name as one of ours; anything unknown (or missing) is "default". */
export function asThemeName(name: string | null | undefined): ThemeName {
  return name === "dark" || name === "contrast" ? name : "default";
}

/** Whether the OS asks for dark colours (false where matchMedia is missing). */
function prefersDark(): boolean {
  return typeof window !== "undefined" && Boolean(window.matchMedia?.("(prefers-color-scheme: dark)").matches);
}

/** Standalone theme: `?theme=dark|contrast|default` wins, else the OS colour-scheme preference. */
export function standaloneThemeName(search = window.location.search, dark = prefersDark()): ThemeName {
  const requested = new URLSearchParams(search).get("theme");
  if (requested === "dark" || requested === "contrast" || requested === "default") return requested;
  return dark ? "dark" : "default";
}
