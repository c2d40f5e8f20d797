// `npm run package [-- --env <name>] [--out <dir>]`: builds appPackage/build/appPackage.<env>.zip to upload in the Teams admin center.
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { buildAppPackage } from "./appPackage/buildAppPackage";

const NIL_GUID = "00000000-0000-0000-0000-000000000000";
const root = resolve(fileURLToPath(import.meta.url), "..", "..");

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { env: { type: "string", default: "dev" }, out: { type: "string" } } });
  const envName = values.env as string;
  const { zipPath, manifest } = await buildAppPackage({ envName, root, outDir: values.out && resolve(values.out) });
  const app = manifest as { id?: string; version?: string; developer?: { websiteUrl?: string }; webApplicationInfo?: { id?: string } };
  const shown = relative(process.cwd(), zipPath);
  console.log(`Built ${shown.startsWith("..") ? zipPath : shown} for "${envName}": app id ${app.id}, version ${app.version}, ${app.developer?.websiteUrl}`);
  // env/.env.dev ships all-zero ids so the package can be validated offline; Teams needs the provisioned ones.
  if ([app.id, app.webApplicationInfo?.id].includes(NIL_GUID)) {
    console.warn("Warning: TEAMS_APP_ID or AAD_APP_CLIENT_ID is still the all-zero placeholder: provision the environment (or set them) before uploading this package.");
  }
}

main().catch((err: unknown) => {
  console.error(`Could not build the Teams app package.\n${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
