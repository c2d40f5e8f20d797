// Covers the theme choice: Teams' theme names to Fluent's Teams themes, and ?theme= over the OS preference standalone.
import { describe, expect, it } from "vitest";
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from "@fluentui/react-components";
import { asThemeName, standaloneThemeName, themeFor } from "./theme";

describe("themeFor", () => {
  it("maps Teams' theme names to the Fluent Teams themes", () => {
    expect(themeFor("default")).toBe(teamsLightTheme);
    expect(themeFor("dark")).toBe(teamsDarkTheme);
    expect(themeFor("contrast")).toBe(teamsHighContrastTheme);
    expect(themeFor("glitter")).toBe(teamsLightTheme);
    expect(themeFor(undefined)).toBe(teamsLightTheme);
  });

  it("gives the dark theme a dark page background and the light one a light one", () => {
    expect(teamsDarkTheme.colorNeutralBackground3).toBe("#1f1f1f");
    expect(teamsLightTheme.colorNeutralBackground3).toBe("#f5f5f5");
  });
});

describe("asThemeName", () => {
  it.each([
    ["dark", "dark"],
    ["contrast", "contrast"],
    ["default", "default"],
    ["light", "default"],
    [undefined, "default"],
  ] as const)("%s → %s", (name, expected) => {
    expect(asThemeName(name)).toBe(expected);
  });
});

describe("standaloneThemeName", () => {
  it("takes ?theme= over the OS preference", () => {
    expect(standaloneThemeName("?theme=dark", false)).toBe("dark");
    expect(standaloneThemeName("?theme=contrast", true)).toBe("contrast");
    expect(standaloneThemeName("?theme=default", true)).toBe("default");
  });

  it("follows the OS preference without (or with an unknown) ?theme=", () => {
    expect(standaloneThemeName("", true)).toBe("dark");
    expect(standaloneThemeName("?theme=pink", false)).toBe("default");
    expect(standaloneThemeName("?lang=nl", false)).toBe("default");
  });
});
