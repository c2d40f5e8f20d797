// Provision step (teamsapp.yml, teamsapp.local.yml): generates each named secret once per environment and hands it to
// the Toolkit, which keeps SECRET_* values (encrypted) in env/.env.<env>.user; a value already there is never replaced,
// since SECRETS_KEY decrypts what the app stored and the PostgreSQL password is the server's.
// Usage: node scripts/ensureSecrets.mjs <env> SECRET_SECRETS_KEY [SECRET_POSTGRES_ADMIN_PASSWORD]
// Plain Node without dependencies: provision runs before `npm ci`.
import { randomBytes } from "node:crypto";
import fs from "node:fs";

const GENERATORS = {
  // 32 random bytes as 64 hex digits: what SECRETS_KEY and infra/azure.bicep's secretsKey take.
  SECRET_SECRETS_KEY: () => randomBytes(32).toString("hex"),
  // Azure requires three of upper case, lower case, digits and symbols; the random part gives ~190 bits.
  SECRET_POSTGRES_ADMIN_PASSWORD: () => `${randomBytes(24).toString("base64url")}-Aa9`,
};

const [env, ...names] = process.argv.slice(2);
if (!env || !names.length || names.some((name) => !(name in GENERATORS))) {
  console.error(`usage: node scripts/ensureSecrets.mjs <env> ${Object.keys(GENERATORS).join(" | ")} …`);
  process.exit(1);
}
const userFile = `env/.env.${env}.user`;
const stored = fs.existsSync(userFile) ? fs.readFileSync(userFile, "utf8") : "";
for (const name of names) {
  const present = !!process.env[name] || new RegExp(`^${name}=\\S`, "m").test(stored);
  if (present) console.log(`${name} is already set for ${env}; kept.`);
  else console.log(`::set-teamsfx-env ${name}=${GENERATORS[name]()}`);
}
