// Offline validation of a Teams app manifest against the schema its `$schema` names, as bundled in @microsoft/app-manifest.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type * as AppManifestPackage from "@microsoft/app-manifest";

type AppManifestModule = typeof AppManifestPackage;
type TeamsManifest = Parameters<AppManifestModule["AppManifestUtils"]["validateAgainstSchema"]>[0];

const require = createRequire(import.meta.url);

/** Loads `@microsoft/app-manifest` (CommonJS) from ESM code. */
export function loadAppManifestPackage(): AppManifestModule {
  return require("@microsoft/app-manifest") as AppManifestModule;
}

function packageDir(): string {
  return dirname(require.resolve("@microsoft/app-manifest/package.json"));
}

/** Path of the Teams manifest schema bundled in `@microsoft/app-manifest` for a manifest version such as "1.29". */
export function bundledTeamsSchemaPath(manifestVersion: string): string | undefined {
  const path = join(packageDir(), "build", "json-schemas", "teams", `v${manifestVersion}`, "MicrosoftTeams.schema.json");
  return existsSync(path) ? path : undefined;
}

/**
 * The bundled schema file for a `$schema` URL such as
 * `https://developer.microsoft.com/[en-us/]json-schemas/teams/v1.29/MicrosoftTeams.schema.json`, or undefined.
 */
export function bundledSchemaPathForUrl(schemaUrl: string): string | undefined {
  const match = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/v(\d+\.\d+|DevPreview)\/MicrosoftTeams\.schema\.json$/i.exec(schemaUrl);
  return match ? bundledTeamsSchemaPath(match[1] as string) : undefined;
}

/**
 * Validates a filled manifest against the schema its `$schema` declares, read from the copy bundled in
 * @microsoft/app-manifest — never over the network. Returns the schema errors (empty when valid);
 * throws when `$schema` is missing or names a schema the package does not bundle.
 */
export async function validateTeamsManifest(manifest: object): Promise<string[]> {
  const schemaUrl = (manifest as { $schema?: unknown }).$schema;
  if (typeof schemaUrl !== "string") throw new Error("The manifest has no $schema: add the Teams schema URL it follows.");
  const schemaPath = bundledSchemaPathForUrl(schemaUrl);
  if (!schemaPath) {
    throw new Error(`The manifest's $schema ${schemaUrl} is not a Teams schema bundled in @microsoft/app-manifest; use https://developer.microsoft.com/json-schemas/teams/v1.<n>/MicrosoftTeams.schema.json with a bundled version.`);
  }
  // The published schemas contain "\a" and "\v" escapes that JSON.parse rejects; the package cleans them the same way.
  const schema = JSON.parse(readFileSync(schemaPath, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b")) as Record<string, unknown>;
  const { AppManifestUtils } = loadAppManifestPackage();
  return AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest, schema as never);
}
