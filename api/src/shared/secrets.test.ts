// Covers sealing secrets at rest: AES-256-GCM round trips, plain values from before, and clear errors for a wrong key,
// a moved or altered value; SECRETS_KEY parsing and the local key file.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createSecretBox, decodeSecretsKey, loadOrCreateSecretsKeyFile, SEALED_PREFIX } from "./secrets";

const URL = "https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=SECRETsig";
const CONTEXT = "tenant_setup:t1:notifications.webhookUrl";

describe("createSecretBox", () => {
  const key = crypto.randomBytes(32);
  const box = createSecretBox(key);

  it("seals into enc:v1:<iv>.<ciphertext>.<tag> that holds nothing of the plain text, and opens it again", () => {
    const sealed = box.seal(URL, CONTEXT);
    expect(sealed.startsWith(SEALED_PREFIX)).toBe(true);
    const [iv, ciphertext, tag] = sealed.slice(SEALED_PREFIX.length).split(".").map((p) => Buffer.from(p, "base64url"));
    expect([iv!.length, ciphertext!.length, tag!.length]).toEqual([12, Buffer.byteLength(URL), 16]);
    for (const part of ["logic.azure.com", "SECRETsig", "workflows"]) expect(sealed).not.toContain(part);
    expect(box.open(sealed, CONTEXT)).toBe(URL);
  });

  it("uses a fresh IV each time: the same URL never seals to the same text", () => {
    const seals = new Set(Array.from({ length: 20 }, () => box.seal(URL, CONTEXT)));
    expect(seals.size).toBe(20);
    for (const sealed of seals) expect(box.open(sealed, CONTEXT)).toBe(URL);
  });

  it("opens values stored in plain before sealing existed as they are (also without a key)", () => {
    expect(box.open(URL, CONTEXT)).toBe(URL);
    expect(createSecretBox(undefined).open(URL, CONTEXT)).toBe(URL);
  });

  it.each([
    ["another key", () => createSecretBox(crypto.randomBytes(32)).open(box.seal(URL, CONTEXT), CONTEXT), /another SECRETS_KEY/],
    ["no key at all", () => createSecretBox(undefined).open(box.seal(URL, CONTEXT), CONTEXT), /no SECRETS_KEY/],
    ["another tenant's row (context)", () => box.open(box.seal(URL, CONTEXT), "tenant_setup:t2:notifications.webhookUrl"), /another SECRETS_KEY \(or altered/],
    ["a flipped ciphertext byte", () => box.open(flip(box.seal(URL, CONTEXT), 1), CONTEXT), /another SECRETS_KEY \(or altered/],
    ["a flipped tag byte", () => box.open(flip(box.seal(URL, CONTEXT), 2), CONTEXT), /another SECRETS_KEY \(or altered/],
    ["a missing part", () => box.open(`${SEALED_PREFIX}abc.def`, CONTEXT), /damaged/],
    ["a short IV", () => box.open(`${SEALED_PREFIX}AAAA.AAAA.${Buffer.alloc(16).toString("base64url")}`, CONTEXT), /damaged/],
  ])("refuses to open a value under %s with SECRET_UNREADABLE, never garbage", (_name, open, message) => {
    expect(open).toThrow(message);
    try {
      open();
    } catch (err) {
      expect(err).toMatchObject({ code: "SECRET_UNREADABLE", status: 500 });
      expect((err as Error).message).toMatch(/^A stored secret cannot be decrypted: .*Start the server with the SECRETS_KEY it was saved with/);
    }
  });

  it("refuses to seal without a key, and refuses a key that is not 32 bytes", () => {
    expect(() => createSecretBox(undefined).seal(URL, CONTEXT)).toThrow(/without SECRETS_KEY/);
    expect(() => createSecretBox(crypto.randomBytes(16))).toThrow(/32 bytes, not 16/);
  });
});

describe("decodeSecretsKey", () => {
  const key = crypto.randomBytes(32);
  it.each([
    ["hex", key.toString("hex")],
    ["upper-case hex", key.toString("hex").toUpperCase()],
    ["base64", key.toString("base64")],
    ["base64 with surrounding whitespace", `  ${key.toString("base64")}\n`],
    ["base64url", key.toString("base64url")],
  ])("reads %s", (_name, text) => {
    expect(decodeSecretsKey(text)?.equals(key)).toBe(true);
  });

  it.each([
    ["16 bytes of hex", crypto.randomBytes(16).toString("hex")],
    ["33 bytes of hex", crypto.randomBytes(33).toString("hex")],
    ["24 bytes of base64", crypto.randomBytes(24).toString("base64")],
    ["48 bytes of base64", crypto.randomBytes(48).toString("base64")],
    ["a pass phrase", "correct horse battery staple correct horse"],
    ["empty", ""],
  ])("refuses %s", (_name, text) => {
    expect(decodeSecretsKey(text)).toBeNull();
  });
});

describe("loadOrCreateSecretsKeyFile", () => {
  it("creates a 32-byte key readable by the owner only, and returns the same key on every later start", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bi-secrets-"));
    try {
      const first = loadOrCreateSecretsKeyFile(dataDir);
      const file = path.join(dataDir, "secrets", "secrets-key");
      expect(first.length).toBe(32);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readdirSync(path.dirname(file))).toEqual(["secrets-key"]);
      expect(loadOrCreateSecretsKeyFile(dataDir).equals(first)).toBe(true);
      fs.writeFileSync(file, "not a key");
      expect(() => loadOrCreateSecretsKeyFile(dataDir)).toThrow(/does not hold a 32-byte key/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

// Flips one bit in part `index` (0 IV, 1 ciphertext, 2 tag) of a sealed value.
function flip(sealed: string, index: number): string {
  const parts = sealed.slice(SEALED_PREFIX.length).split(".");
  const bytes = Buffer.from(parts[index]!, "base64url");
  bytes[0] = bytes[0]! ^ 1;
  parts[index] = bytes.toString("base64url");
  return SEALED_PREFIX + parts.join(".");
}
