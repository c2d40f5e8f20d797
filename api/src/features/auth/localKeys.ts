// The local-mode signing key: an RS256 key pair kept in DATA_DIR so tokens survive restarts.
import fs from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JWK, type SignJWT } from "jose";

type SigningKey = Parameters<SignJWT["sign"]>[0];

/** The local key pair: the private key signs dev tokens, the public JWK verifies them. */
export interface LocalKeys {
  kid: string;
  privateKey: SigningKey;
  publicJwk: JWK;
}

/** Loads the key from `<dataDir>/auth/local-signing-key.json`, creating it on first start; in memory without a dir. */
export async function loadLocalKeys(dataDir?: string): Promise<LocalKeys> {
  const file = dataDir ? path.join(dataDir, "auth", "local-signing-key.json") : undefined;
  if (file && fs.existsSync(file)) {
    const jwk = JSON.parse(fs.readFileSync(file, "utf8")) as JWK & { kid: string };
    return fromPrivateJwk(jwk);
  }
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: `local-${Date.now().toString(36)}`, alg: "RS256" };
  if (file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  }
  return fromPrivateJwk(jwk);
}

async function fromPrivateJwk(jwk: JWK & { kid: string }): Promise<LocalKeys> {
  const privateKey = (await importJWK(jwk, "RS256")) as SigningKey;
  const { kty, n, e } = jwk;
  return { kid: jwk.kid, privateKey, publicJwk: { kty, n, e, kid: jwk.kid, alg: "RS256", use: "sig" } };
}
