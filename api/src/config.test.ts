// Covers loadConfig's safety rules: local auth never silently in production, and the listen address per mode.
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("local auth in production", () => {
  it("refuses AUTH_MODE unset (local) with NODE_ENV=production, naming the variables that decide it", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/AUTH_MODE=local.*NODE_ENV=production.*AUTH_MODE=entra.*ALLOW_LOCAL_AUTH=1/s);
    expect(() => loadConfig({ NODE_ENV: "production", AUTH_MODE: "local" })).toThrow(/ALLOW_LOCAL_AUTH=1/);
  });

  it("allows it with ALLOW_LOCAL_AUTH=1, and outside production", () => {
    expect(loadConfig({ NODE_ENV: "production", ALLOW_LOCAL_AUTH: "1" }).authMode).toBe("local");
    expect(loadConfig({ NODE_ENV: "development" }).authMode).toBe("local");
    expect(loadConfig({}).authMode).toBe("local");
  });

  it("takes only 1 as the opt-in: other values are a mistake, not a yes or a no", () => {
    expect(() => loadConfig({ NODE_ENV: "production", ALLOW_LOCAL_AUTH: "true" })).toThrow(/ALLOW_LOCAL_AUTH: .*1/);
    expect(() => loadConfig({ NODE_ENV: "production", ALLOW_LOCAL_AUTH: "0" })).toThrow(/ALLOW_LOCAL_AUTH=1/);
  });
});

const entra = { AUTH_MODE: "entra", ENTRA_CLIENT_ID: "c", ENTRA_CLIENT_SECRET: "s", ENTRA_APP_ID_URI: "api://tab.example/c", SECRETS_KEY: "a".repeat(64) };

describe("entra mode", () => {
  it("requires ENTRA_APP_ID_URI, saying what it looks like (without it, v1 tokens of other apps were accepted)", () => {
    const { ENTRA_APP_ID_URI: _uri, ...withoutUri } = entra;
    expect(() => loadConfig(withoutUri)).toThrow(/ENTRA_APP_ID_URI: required when AUTH_MODE=entra.*api:\/\/<tab host>\/<client id>/);
    expect(() => loadConfig({ ...entra, ENTRA_APP_ID_URI: "https://tab.example/c" })).toThrow(/ENTRA_APP_ID_URI must look like api:\/\//);
    expect(loadConfig(entra).entra.appIdUri).toBe("api://tab.example/c");
  });

  it("names every missing variable at once", () => {
    expect(() => loadConfig({ AUTH_MODE: "entra" })).toThrow(/ENTRA_CLIENT_ID: required[\s\S]*ENTRA_CLIENT_SECRET: required[\s\S]*ENTRA_APP_ID_URI: required[\s\S]*SECRETS_KEY: required/);
  });

  it("requires SECRETS_KEY: a key file per instance would differ between the instances of a scaled-out app", () => {
    const { SECRETS_KEY: _key, ...withoutKey } = entra;
    expect(() => loadConfig(withoutKey)).toThrow(/SECRETS_KEY: required when AUTH_MODE=entra \(32 random bytes as base64 or hex/);
  });
});

describe("SECRETS_KEY", () => {
  const key = Buffer.from("0123456789abcdef0123456789abcdef");
  it.each([["hex", key.toString("hex")], ["base64", key.toString("base64")]])("reads a 32-byte key as %s", (_name, text) => {
    expect(loadConfig({ SECRETS_KEY: text }).secretsKey?.equals(key)).toBe(true);
  });

  it("is optional in local mode (a key file in DATA_DIR stands in)", () => {
    expect(loadConfig({}).secretsKey).toBeUndefined();
  });

  it.each([["16 bytes", key.subarray(0, 16).toString("hex")], ["a pass phrase", "not-a-key"], ["empty", ""]])("refuses %s, saying what a key looks like", (_name, text) => {
    expect(() => loadConfig({ SECRETS_KEY: text })).toThrow(/SECRETS_KEY: SECRETS_KEY must be 32 random bytes, as 64 hex digits or base64/);
  });
});

describe("HOST", () => {

  it.each([
    ["local mode listens on loopback only", {}, "127.0.0.1"],
    ["entra mode listens on every interface (App Service forwards to it)", entra, "0.0.0.0"],
    ["HOST overrides local mode", { HOST: "0.0.0.0" }, "0.0.0.0"],
    ["HOST overrides entra mode", { ...entra, HOST: "::1" }, "::1"],
    ["HOST may be a host name", { HOST: "localhost" }, "localhost"],
  ])("%s", (_name, env, host) => {
    expect(loadConfig(env).host).toBe(host);
  });

  it("refuses a HOST that is no address", () => {
    expect(() => loadConfig({ HOST: "http://0.0.0.0:80" })).toThrow(/HOST: /);
  });
});
