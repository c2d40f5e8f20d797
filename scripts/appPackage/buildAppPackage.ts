// Builds the Teams app package for one environment: fill the manifest, check the icons, validate offline, zip.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import JSZip from "jszip";
import { loadToolkitEnv } from "./envFiles";
import { validateTeamsManifest } from "./manifestSchema";
import { fillPlaceholders, UnfilledPlaceholderError } from "./placeholders";
import { checkColorIcon, checkOutlineIcon } from "./pngImage";

/** Thrown when the package cannot be built; `problems` lists every reason found, one per line of the message. */
export class AppPackageError extends Error {
  constructor(
    summary: string,
    readonly problems: string[],
  ) {
    super(`${summary}\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "AppPackageError";
  }
}

/** Where to read and write; everything defaults to the repository layout under `root`. */
export interface BuildAppPackageOptions {
  envName: string;
  root?: string;
  envDir?: string;
  appPackageDir?: string;
  outDir?: string;
  /** Wins over the env files, as in the Toolkit (default: process.env). */
  processEnv?: NodeJS.ProcessEnv;
}

/** The written package. */
export interface BuiltAppPackage {
  zipPath: string;
  manifest: Record<string, unknown>;
}

interface ManifestIcons {
  icons?: { color?: string; outline?: string };
}

/** Builds `<outDir>/appPackage.<env>.zip` (manifest.json, color.png, outline.png at its root) and `<outDir>/manifest.<env>.json`. */
export async function buildAppPackage(opts: BuildAppPackageOptions): Promise<BuiltAppPackage> {
  const root = resolve(opts.root ?? ".");
  const appPackageDir = opts.appPackageDir ?? join(root, "appPackage");
  const outDir = opts.outDir ?? join(appPackageDir, "build");
  const env = loadToolkitEnv(opts.envDir ?? join(root, "env"), opts.envName, opts.processEnv ?? process.env);

  const manifestText = readFileSync(join(appPackageDir, "manifest.json"), "utf8");
  const manifest = fillManifest(manifestText, env.vars, env.files.map((f) => relative(root, f)));
  const icons = readIcons(appPackageDir, manifest as ManifestIcons);
  const errors = await validateTeamsManifest(manifest);
  if (errors.length > 0) throw new AppPackageError(`appPackage/manifest.json filled for "${opts.envName}" does not match its schema (${String(manifest.$schema)}):`, errors);

  const zip = new JSZip();
  const filledText = `${JSON.stringify(manifest, null, 2)}\n`;
  zip.file("manifest.json", filledText);
  for (const [name, data] of icons) zip.file(name, data);
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${opts.envName}.zip`);
  writeFileSync(zipPath, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  writeFileSync(join(outDir, `manifest.${opts.envName}.json`), filledText);
  return { zipPath, manifest };
}

function fillManifest(text: string, vars: Record<string, string | undefined>, sources: string[]): Record<string, unknown> {
  try {
    return JSON.parse(fillPlaceholders(text, vars)) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof UnfilledPlaceholderError) {
      throw new AppPackageError(
        `appPackage/manifest.json uses ${err.missing.length} variable(s) with no value in ${sources.join(", ")} or the environment (run the Toolkit's provision, or set them):`,
        err.missing,
      );
    }
    throw new AppPackageError("appPackage/manifest.json is not valid JSON once filled:", [(err as Error).message]);
  }
}

function readIcons(appPackageDir: string, manifest: ManifestIcons): Map<string, Buffer> {
  const problems: string[] = [];
  const icons = new Map<string, Buffer>();
  const rules = [
    ["color", manifest.icons?.color, checkColorIcon],
    ["outline", manifest.icons?.outline, checkOutlineIcon],
  ] as const;
  for (const [role, name, check] of rules) {
    // Icons sit at the root of the package, so the manifest names plain files next to it.
    if (!name || name.includes("/") || name.includes("\\")) {
      problems.push(`icons.${role} must name a PNG file in appPackage/ (got ${JSON.stringify(name)})`);
      continue;
    }
    const path = join(appPackageDir, name);
    if (!existsSync(path)) {
      problems.push(`icons.${role}: appPackage/${name} does not exist`);
      continue;
    }
    const data = readFileSync(path);
    problems.push(...check(data, `appPackage/${name}`));
    icons.set(name, data);
  }
  if (problems.length > 0) throw new AppPackageError("The app icons do not meet Teams' rules:", problems);
  return icons;
}
