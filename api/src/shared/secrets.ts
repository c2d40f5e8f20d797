// Secrets at rest (the notification webhook URL): AES-256-GCM under SECRETS_KEY, or in local mode under a key file
// kept in DATA_DIR, so a copy of the database alone does not give them away.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "./errors";

/** What every sealed value starts with; the version names the algorithm and layout, so a later one can coexist. */
export const SEALED_PREFIX = "enc:v1:";

/** Seals and opens secret values; `context` (e.g. tenant and field) is authenticated too, so a value cannot be moved. */
export interface SecretBox {
  seal(plain: string, context: string): string;
  /** The plain value; values stored before sealing existed come back as they are. */
  open(stored: string, context: string): string;
}

const ALGORITHM = "aes-256-gcm";
const KEY_BYTES = 32;
const IV_BYTES = 12; // GCM's natural nonce size; random per value, never reused with one key in practice (2^-32 after 2^32 seals)

/** The key of a SECRETS_KEY value (32 bytes as 64 hex digits or base64/base64url), or null when it is not one. */
export function decodeSecretsKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) return null;
  const key = Buffer.from(value, "base64");
  return key.length === KEY_BYTES ? key : null;
}

/** Why a SECRETS_KEY value is refused, for the configuration error. */
export const SECRETS_KEY_PROBLEM = "SECRETS_KEY must be 32 random bytes, as 64 hex digits or base64 (e.g. the output of `openssl rand -base64 32`)";

/** A box that seals with `key`; without one it still opens values stored in plain, and refuses to seal. */
export function createSecretBox(key: Buffer | undefined): SecretBox {
  if (key && key.length !== KEY_BYTES) throw new Error(`A secrets key must be ${KEY_BYTES} bytes, not ${key.length}.`);
  return {
    seal(plain, context) {
      if (!key) throw new Error("No secrets key: this store was opened without SECRETS_KEY, so it cannot store secrets.");
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv(ALGORITHM, key, iv).setAAD(Buffer.from(context, "utf8"));
      const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${SEALED_PREFIX}${[iv, sealed, cipher.getAuthTag()].map((b) => b.toString("base64url")).join(".")}`;
    },
    open(stored, context) {
      if (!stored.startsWith(SEALED_PREFIX)) return stored;
      if (!key) throw unreadable("this server has no SECRETS_KEY");
      const [iv, sealed, tag, ...rest] = stored.slice(SEALED_PREFIX.length).split(".").map((part) => Buffer.from(part, "base64url"));
      if (!iv || !sealed || !tag || rest.length || iv.length !== IV_BYTES || tag.length !== 16) throw unreadable("the stored value is damaged");
      try {
        const decipher = crypto.createDecipheriv(ALGORITHM, key, iv).setAAD(Buffer.from(context, "utf8")).setAuthTag(tag);
        return Buffer.concat([decipher.update(sealed), decipher.final()]).toString("utf8");
      } catch {
        // GCM cannot tell a wrong key from an altered value; the key is by far the likelier cause.
        throw unreadable("it was stored with another SECRETS_KEY (or altered since)");
      }
    },
  };
}

function unreadable(why: string): AppError {
  return new AppError("SECRET_UNREADABLE", `A stored secret cannot be decrypted: ${why}. Start the server with the SECRETS_KEY it was saved with (local mode without SECRETS_KEY: the key file in DATA_DIR/secrets), or enter the secret again.`);
}

/** The key from `<dataDir>/secrets/secrets-key`, created on first use (local mode without SECRETS_KEY). */
export function loadOrCreateSecretsKeyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, "secrets", "secrets-key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Written aside and linked into place: of two processes starting on one DATA_DIR, one key wins, and nobody ever
    // reads a half-written file.
    const draft = `${file}.${process.pid}.${crypto.randomUUID()}`;
    fs.writeFileSync(draft, crypto.randomBytes(KEY_BYTES).toString("base64"), { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  const key = decodeSecretsKey(fs.readFileSync(file, "utf8"));
  if (!key) throw new Error(`${file} does not hold a 32-byte key: restore it, or set SECRETS_KEY.`);
  return key;
}

/** The secrets key for a configuration: SECRETS_KEY, else (local mode, which loadConfig alone allows) the DATA_DIR key file. */
export function secretsKeyFor(config: { secretsKey?: Buffer; dataDir: string }): Buffer {
  return config.secretsKey ?? loadOrCreateSecretsKeyFile(config.dataDir);
}
