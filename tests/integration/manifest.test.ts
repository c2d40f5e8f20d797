// Checks the Teams app package offline: manifest filled from env/.env.dev and valid against the bundled schema, tabs (Invoices, Overview, Bookings setup), icons, and aad.manifest.json.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  bundledTeamsSchemaPath,
  decodePngRgba,
  fillPlaceholders,
  listPlaceholders,
  loadAppManifestPackage,
  parseEnv,
  readEnvFile,
  readPngInfo,
  UnfilledPlaceholderError,
} from "../fixtures/teamsManifest.js";

const root = join(import.meta.dirname, "..", "..");
const manifestPath = join(root, "appPackage", "manifest.json");
const manifestText = readFileSync(manifestPath, "utf8");
const envDev = readEnvFile(join(root, "env", ".env.dev"));

interface StaticTab {
  entityId: string;
  name?: string;
  contentUrl?: string;
  websiteUrl?: string;
  scopes: string[];
}
interface ConfigurableTab {
  configurationUrl: string;
  canUpdateConfiguration?: boolean;
  scopes: string[];
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  icons: { color: string; outline: string };
  staticTabs?: StaticTab[];
  configurableTabs?: ConfigurableTab[];
  webApplicationInfo?: { id: string; resource: string };
  validDomains?: string[];
  permissions?: string[];
  showLoadingIndicator?: boolean;
}

const filled = JSON.parse(fillPlaceholders(manifestText, envDev)) as Manifest;
const endpoint = envDev.TAB_ENDPOINT as string;

describe("placeholder helpers", () => {
  it("fills every ${{VAR}}, keeps empty values and reports all missing names at once", () => {
    expect(fillPlaceholders("a=${{A}} b=${{ B }} c=${{C}}", { A: "1", B: "", C: "3" })).toBe("a=1 b= c=3");
    const fill = () => fillPlaceholders("${{A}} ${{X}} ${{Y}} ${{X}}", { A: "1", Y: undefined });
    expect(fill).toThrow(UnfilledPlaceholderError);
    expect(fill).toThrow(expect.objectContaining({ missing: ["X", "Y"], message: "No value for placeholder(s): X, Y" }));
  });

  it("parses Toolkit env files: comments, blanks, quotes, empty values", () => {
    const vars = parseEnv('# header\n\nA=1\nB=\nC="x y" \nD=\'z\'\nE=v # note\nexport F=f\n');
    expect(vars).toEqual({ A: "1", B: "", C: "x y", D: "z", E: "v", F: "f" });
  });
});

describe("env/.env.dev", () => {
  it("defines the built-in variables and safe placeholders for every manifest variable", () => {
    expect(envDev.TEAMSFX_ENV).toBe("dev");
    expect(envDev.APP_NAME_SUFFIX).toBe("dev");
    for (const name of listPlaceholders(manifestText)) expect(envDev, name).toHaveProperty(name);
    expect(envDev.TAB_ENDPOINT).toBe(`https://${envDev.TAB_DOMAIN}`);
  });
});

describe("appPackage/manifest.json", () => {
  beforeAll(() => {
    // The machine is offline and validation must never fetch a schema: fail loudly if anything tries.
    vi.stubGlobal("fetch", () => Promise.reject(new Error("network access is not allowed in this test")));
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it("uses manifest version 1.29, whose schema @microsoft/app-manifest bundles", () => {
    expect(filled.manifestVersion).toBe("1.29");
    expect(filled.$schema).toBe("https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json");
    expect(bundledTeamsSchemaPath(filled.manifestVersion)).toBeDefined();
  });

  it("has no unfilled placeholder left after filling from env/.env.dev", () => {
    expect(listPlaceholders(JSON.stringify(filled))).toEqual([]);
    expect(JSON.stringify(filled)).not.toContain("${{");
  });

  it("validates against the official schema offline with zero errors", async () => {
    const { AppManifestUtils } = loadAppManifestPackage();
    const errors = await AppManifestUtils.validateAgainstSchema(filled as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0]);
    expect(errors).toEqual([]);
  });

  it("reports schema errors for a broken manifest (the validator is really running)", async () => {
    const { AppManifestUtils } = loadAppManifestPackage();
    const broken = { ...filled, id: "not-a-guid", configurableTabs: [{ configurationUrl: "ftp://x", scopes: ["personal"] }] };
    const errors = await AppManifestUtils.validateAgainstSchema(broken as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0]);
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(errors.join("\n")).toMatch(/\/id /);
  });

  it("declares the personal tab Invoices", () => {
    const tab = filled.staticTabs?.find((t) => t.entityId === "invoices");
    expect(tab).toEqual({
      entityId: "invoices",
      name: "Invoices",
      contentUrl: `${endpoint}/index.html#/invoices`,
      websiteUrl: `${endpoint}/index.html#/invoices`,
      scopes: ["personal"],
    });
  });

  it("declares the personal tab Overview after Invoices, so Invoices stays the app's first tab", () => {
    expect(filled.staticTabs?.map((t) => t.entityId)).toEqual(["invoices", "overview"]);
    expect(filled.staticTabs?.[1]).toEqual({
      entityId: "overview",
      name: "Overview",
      contentUrl: `${endpoint}/index.html#/overview`,
      websiteUrl: `${endpoint}/index.html#/overview`,
      scopes: ["personal"],
    });
  });

  it("declares the configurable tab Bookings setup for teams and group chats", () => {
    expect(filled.configurableTabs).toHaveLength(1);
    const tab = filled.configurableTabs?.[0];
    expect(tab?.configurationUrl).toBe(`${endpoint}/index.html#/config`);
    expect(tab?.canUpdateConfiguration).toBe(true);
    expect(tab?.scopes).toEqual(expect.arrayContaining(["team", "groupChat"]));
  });

  it("enables SSO for the tab domain", () => {
    expect(filled.webApplicationInfo).toEqual({
      id: envDev.AAD_APP_CLIENT_ID,
      resource: `api://${envDev.TAB_DOMAIN}/${envDev.AAD_APP_CLIENT_ID}`,
    });
    expect(filled.validDomains).toEqual([envDev.TAB_DOMAIN]);
    expect(filled.permissions).toEqual(["identity"]);
    expect(filled.showLoadingIndicator).toBe(false);
    for (const url of [...(filled.staticTabs ?? []).map((t) => t.contentUrl), ...(filled.configurableTabs ?? []).map((t) => t.configurationUrl)]) {
      expect(new URL(url as string).host).toBe(envDev.TAB_DOMAIN);
    }
  });
});

describe("app icons", () => {
  const color = readFileSync(join(root, "appPackage", filled.icons.color));
  const outline = readFileSync(join(root, "appPackage", filled.icons.outline));

  it("color icon is a 192×192 PNG", () => {
    const info = readPngInfo(color);
    expect([info.width, info.height]).toEqual([192, 192]);
    expect([2, 6]).toContain(info.colorType); // full colour (RGB or RGBA)
  });

  it("outline icon is a 32×32 PNG with an alpha channel", () => {
    const info = readPngInfo(outline);
    expect([info.width, info.height]).toEqual([32, 32]);
    expect(info.hasAlphaChannel).toBe(true);
    expect(info.colorType).toBe(6);
  });

  it("outline icon is a white glyph on a transparent background", () => {
    const { rgba } = decodePngRgba(outline);
    let transparent = 0;
    let opaque = 0;
    for (let p = 0; p < rgba.length; p += 4) {
      const alpha = rgba[p + 3] as number;
      if (alpha === 0) transparent++;
      else expect([rgba[p], rgba[p + 1], rgba[p + 2]], `pixel ${p / 4}`).toEqual([255, 255, 255]);
      if (alpha === 255) opaque++;
    }
    expect(rgba[3]).toBe(0); // top-left corner is background
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(opaque).toBeGreaterThan(32 * 2);
  });

  it("rejects files that are not PNGs", () => {
    expect(() => readPngInfo(Buffer.from("GIF89a not a png"))).toThrow(/signature/);
  });
});

describe("aad.manifest.json", () => {
  const aadText = readFileSync(join(root, "aad.manifest.json"), "utf8");

  interface AadManifest {
    appId: string;
    identifierUris: string[];
    api: {
      requestedAccessTokenVersion: number;
      oauth2PermissionScopes: { id: string; value: string; type: string; isEnabled: boolean }[];
      preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
    };
    appRoles: { id: string; value: string; allowedMemberTypes: string[]; isEnabled: boolean }[];
  }

  it("parses, and its placeholders are the env values plus those aadApp/create and aadApp/update generate", () => {
    const generated = { AAD_APP_OBJECT_ID: "11111111-1111-1111-1111-111111111111", AAD_APP_ACCESS_AS_USER_PERMISSION_ID: "22222222-2222-2222-2222-222222222222" };
    const aad = JSON.parse(fillPlaceholders(aadText, { ...envDev, ...generated })) as AadManifest;
    expect(aad.appId).toBe(envDev.AAD_APP_CLIENT_ID);
    expect(aad.identifierUris).toEqual([`api://${envDev.TAB_DOMAIN}/${envDev.AAD_APP_CLIENT_ID}`]);
  });

  it("exposes the access_as_user scope, pre-authorized for the Teams clients", () => {
    const aad = JSON.parse(aadText) as AadManifest;
    expect(aad.identifierUris).toEqual(["api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"]);
    expect(aad.api.requestedAccessTokenVersion).toBe(2);
    const scope = aad.api.oauth2PermissionScopes.find((s) => s.value === "access_as_user");
    expect(scope).toMatchObject({ id: "${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}", type: "User", isEnabled: true });
    const preAuthorized = new Map(aad.api.preAuthorizedApplications.map((a) => [a.appId, a.delegatedPermissionIds]));
    for (const teamsClient of ["1fec8e78-bce4-4aaf-ab1b-5451cc387264", "5e3ce6c0-2b1f-4285-8d4b-75ee78787346"]) {
      expect(preAuthorized.get(teamsClient), teamsClient).toEqual([scope?.id]);
    }
  });

  it("defines the Invoicing.Admin app role for users", () => {
    const aad = JSON.parse(aadText) as AadManifest;
    const role = aad.appRoles.find((r) => r.value === "Invoicing.Admin");
    expect(role).toMatchObject({ allowedMemberTypes: ["User"], isEnabled: true });
    expect(role?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
