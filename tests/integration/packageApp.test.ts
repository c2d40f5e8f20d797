// Covers the Teams app packager (scripts/packageApp.ts): the zip it builds for env dev, where variables come from, and the clear errors it gives for missing variables, bad icons and schema errors.
import { execFile } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppPackageError, buildAppPackage } from "../../scripts/appPackage/buildAppPackage";
import { readEnvFile, validateTeamsManifest } from "../fixtures/teamsManifest";

const root = join(import.meta.dirname, "..", "..");
const envDev = readEnvFile(join(root, "env", ".env.dev"));
const tmp = mkdtempSync(join(tmpdir(), "bi-package-"));

interface PackagedManifest {
  id: string;
  name: { short: string };
  icons: { color: string; outline: string };
  developer: { websiteUrl: string; privacyUrl: string };
  staticTabs: { contentUrl: string }[];
  configurableTabs: { configurationUrl: string }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
}

beforeAll(() => {
  // Packaging must work offline: any attempt to download a schema fails the test.
  vi.stubGlobal("fetch", () => Promise.reject(new Error("network access is not allowed in this test")));
});
afterAll(() => {
  vi.unstubAllGlobals();
  rmSync(tmp, { recursive: true, force: true });
});

async function unzip(path: string): Promise<{ names: string[]; manifestText: string; file(name: string): Promise<Buffer> }> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const names = Object.keys(zip.files).sort();
  return { names, manifestText: await zip.file("manifest.json")!.async("string"), file: (name) => zip.file(name)!.async("nodebuffer") };
}

/** A copy of appPackage/ in a temp dir, to break one thing in. */
function appPackageCopy(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(root, "appPackage"), dir, { recursive: true, filter: (src) => !src.includes("build") });
  return dir;
}

/** A minimal 8-bit RGBA PNG of one colour. */
function solidPng(size: number, rgba: [number, number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgba).flat())]);
  const idat = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]);
}

describe("packaging env dev", () => {
  const outDir = join(tmp, "dev");

  it("zips manifest.json, color.png and outline.png at the root, filled from env/.env.dev and valid", async () => {
    const { zipPath } = await buildAppPackage({ envName: "dev", root, outDir, processEnv: {} });
    expect(zipPath).toBe(join(outDir, "appPackage.dev.zip"));
    const zip = await unzip(zipPath);
    expect(zip.names).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(zip.manifestText).not.toContain("${{");

    const manifest = JSON.parse(zip.manifestText) as PackagedManifest;
    expect(manifest.id).toBe(envDev.TEAMS_APP_ID);
    expect(manifest.name.short).toBe(`Bookings Invoicing${envDev.APP_NAME_SUFFIX}`);
    expect(manifest.webApplicationInfo).toEqual({ id: envDev.AAD_APP_CLIENT_ID, resource: `api://${envDev.TAB_DOMAIN}/${envDev.AAD_APP_CLIENT_ID}` });
    expect(manifest.validDomains).toEqual([envDev.TAB_DOMAIN]);
    expect(manifest.developer.websiteUrl).toBe(envDev.TAB_ENDPOINT);
    expect(manifest.staticTabs[0]?.contentUrl).toBe(`${envDev.TAB_ENDPOINT}/index.html#/invoices`);
    expect(manifest.configurableTabs[0]?.configurationUrl).toBe(`${envDev.TAB_ENDPOINT}/index.html#/config`);
    expect(await validateTeamsManifest(manifest)).toEqual([]);

    expect(manifest.icons).toEqual({ color: "color.png", outline: "outline.png" });
    expect((await zip.file("color.png")).equals(readFileSync(join(root, "appPackage", "color.png")))).toBe(true);
    expect((await zip.file("outline.png")).equals(readFileSync(join(root, "appPackage", "outline.png")))).toBe(true);
    expect(JSON.parse(readFileSync(join(outDir, "manifest.dev.json"), "utf8"))).toEqual(manifest);
  });

  it("runs as a command: `tsx scripts/packageApp.ts --env dev --out <dir>`", async () => {
    const cliOut = join(tmp, "cli");
    const { code, stdout } = await runPackager(["--env", "dev", "--out", cliOut]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Built ${join(cliOut, "appPackage.dev.zip")} for "dev": app id ${envDev.TEAMS_APP_ID}`);
    expect((await unzip(join(cliOut, "appPackage.dev.zip"))).names).toEqual(["color.png", "manifest.json", "outline.png"]);
  });

  it("the command names a missing environment file and exits 1", async () => {
    const { code, stderr } = await runPackager(["--env", "nosuchenv", "--out", join(tmp, "none")]);
    expect(code).toBe(1);
    expect(stderr).toContain(`No environment file ${join(root, "env", ".env.nosuchenv")}`);
    expect(existsSync(join(tmp, "none"))).toBe(false);
  });
});

describe("where the values come from", () => {
  it("env/.env.<env>, overridden by env/.env.<env>.user, overridden by the process environment", async () => {
    const envDir = join(tmp, "env-layers");
    cpSync(join(root, "env"), envDir, { recursive: true });
    copyFileSync(join(root, "env", ".env.dev"), join(envDir, ".env.staging"));
    writeFileSync(join(envDir, ".env.staging.user"), "AAD_APP_CLIENT_ID=11111111-2222-3333-4444-555555555555\nTEAMS_APP_ID=99999999-9999-9999-9999-999999999999\n");
    const { manifest } = await buildAppPackage({
      envName: "staging",
      root,
      envDir,
      outDir: join(tmp, "staging"),
      processEnv: { TEAMS_APP_ID: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" },
    });
    const m = manifest as unknown as PackagedManifest;
    expect(m.id).toBe("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    expect(m.webApplicationInfo.id).toBe("11111111-2222-3333-4444-555555555555");
    expect(m.validDomains).toEqual([envDev.TAB_DOMAIN]);
    expect(existsSync(join(tmp, "staging", "appPackage.staging.zip"))).toBe(true);
  });
});

describe("clear errors", () => {
  it("lists every variable without a value and writes nothing", async () => {
    const envDir = join(tmp, "env-broken");
    cpSync(join(root, "env"), envDir, { recursive: true });
    writeFileSync(join(envDir, ".env.broken"), `APP_NAME_SUFFIX=broken\nTAB_DOMAIN=${envDev.TAB_DOMAIN}\nTAB_ENDPOINT=${envDev.TAB_ENDPOINT}\n`);
    const outDir = join(tmp, "broken");
    const build = buildAppPackage({ envName: "broken", root, envDir, outDir, processEnv: {} });
    await expect(build).rejects.toThrow(AppPackageError);
    const err = (await build.catch((e: unknown) => e)) as AppPackageError;
    expect(err.problems).toEqual(["TEAMS_APP_ID", "AAD_APP_CLIENT_ID"]);
    expect(err.message).toBe(
      `appPackage/manifest.json uses 2 variable(s) with no value in ${relative(root, join(envDir, ".env.broken"))} or the environment (run the Toolkit's provision, or set them):\n  - TEAMS_APP_ID\n  - AAD_APP_CLIENT_ID`,
    );
    expect(existsSync(outDir)).toBe(false);
  });

  it("rejects icons of the wrong size or without a transparent background", async () => {
    const appPackageDir = appPackageCopy("bad-icons");
    copyFileSync(join(root, "appPackage", "outline.png"), join(appPackageDir, "color.png"));
    writeFileSync(join(appPackageDir, "outline.png"), solidPng(32, [255, 255, 255, 255]));
    const err = (await buildAppPackage({ envName: "dev", root, appPackageDir, outDir: join(tmp, "bad-icons-out"), processEnv: {} }).catch((e: unknown) => e)) as AppPackageError;
    expect(err).toBeInstanceOf(AppPackageError);
    expect(err.problems).toEqual([
      "appPackage/color.png must be 192×192 pixels, not 32×32",
      "appPackage/outline.png must have a transparent background, but its top-left pixel is opaque",
    ]);

    copyFileSync(join(root, "appPackage", "color.png"), join(appPackageDir, "outline.png"));
    copyFileSync(join(root, "appPackage", "color.png"), join(appPackageDir, "color.png"));
    const noAlpha = (await buildAppPackage({ envName: "dev", root, appPackageDir, outDir: join(tmp, "bad-icons-out"), processEnv: {} }).catch((e: unknown) => e)) as AppPackageError;
    expect(noAlpha.problems).toEqual([
      "appPackage/outline.png must be 32×32 pixels, not 192×192",
      "appPackage/outline.png must have a transparent background, but the PNG has no alpha channel",
    ]);
  });

  it("reports schema errors of the filled manifest", async () => {
    const appPackageDir = appPackageCopy("bad-schema");
    const manifest = JSON.parse(readFileSync(join(appPackageDir, "manifest.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(appPackageDir, "manifest.json"), JSON.stringify({ ...manifest, accentColor: "purple" }));
    const err = (await buildAppPackage({ envName: "dev", root, appPackageDir, outDir: join(tmp, "bad-schema-out"), processEnv: {} }).catch((e: unknown) => e)) as AppPackageError;
    expect(err).toBeInstanceOf(AppPackageError);
    expect(err.message).toMatch(/^appPackage\/manifest.json filled for "dev" does not match its schema \(https:\/\/developer.microsoft.com\/json-schemas\/teams\/v1.29\/MicrosoftTeams.schema.json\):/);
    expect(err.problems.join("\n")).toMatch(/accentColor/);
  });
});

function runPackager(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "scripts/packageApp.ts", ...args], { cwd: root }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
