// Toolkit env files (env/.env.<env>, env/.env.<env>.user): parse them and merge them with the process environment.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "dotenv";

/** Parses dotenv text (`KEY=value`, `# comments`, blank lines, optional `export `, single or double quotes). */
export function parseEnv(text: string): Record<string, string> {
  return parse(text);
}

/** Reads a Toolkit env file such as `env/.env.dev`. */
export function readEnvFile(path: string): Record<string, string> {
  return parseEnv(readFileSync(path, "utf8"));
}

/** The variables of one environment and the files they came from. */
export interface ToolkitEnv {
  vars: Record<string, string | undefined>;
  files: string[];
}

/**
 * The variables the Toolkit would use for `envName`: `TEAMSFX_ENV`, then `env/.env.<env>`, then the
 * uncommitted `env/.env.<env>.user`, then the process environment, each later source winning.
 * Throws when `env/.env.<env>` does not exist.
 */
export function loadToolkitEnv(envDir: string, envName: string, processEnv: NodeJS.ProcessEnv = process.env): ToolkitEnv {
  if (!/^[A-Za-z0-9_-]+$/.test(envName)) throw new Error(`Environment name "${envName}" may only contain letters, digits, - and _.`);
  const main = join(envDir, `.env.${envName}`);
  if (!existsSync(main)) throw new Error(`No environment file ${main}: create it (copy env/.env.dev) or pick another --env.`);
  const user = `${main}.user`;
  const files = existsSync(user) ? [main, user] : [main];
  const vars: Record<string, string | undefined> = { TEAMSFX_ENV: envName };
  for (const file of files) Object.assign(vars, readEnvFile(file));
  return { vars: { ...vars, ...processEnv }, files };
}
