// Covers the consent popup's pure steps: the Entra authorize URL it opens and how it reads the answer.
import { describe, expect, it } from "vitest";
import { CONSENT_SCOPE, buildConsentUrl, readConsentResult } from "./consentUrl";

const CLIENT = "11111111-2222-4333-8444-555555555555";
const TENANT = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

describe("buildConsentUrl", () => {
  it("asks the user's tenant for consent to the app's Graph permissions, answering to auth-end.html", () => {
    const url = new URL(
      buildConsentUrl({ clientId: CLIENT, tenantId: TENANT, loginHint: "anna@contoso.com", uiLocale: "nl-NL", redirectUri: "https://tab.example/auth-end.html", state: "s-1" }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT,
      response_type: "code",
      response_mode: "fragment",
      redirect_uri: "https://tab.example/auth-end.html",
      scope: CONSENT_SCOPE,
      prompt: "consent",
      state: "s-1",
      login_hint: "anna@contoso.com",
      ui_locales: "nl-NL",
    });
    expect(CONSENT_SCOPE).toContain("https://graph.microsoft.com/.default");
  });

  it("uses the organizations endpoint when Teams gives no tenant", () => {
    const url = new URL(buildConsentUrl({ clientId: CLIENT, redirectUri: "https://tab.example/auth-end.html", state: "s" }));
    expect(url.pathname).toBe("/organizations/oauth2/v2.0/authorize");
    expect(url.searchParams.has("login_hint")).toBe(false);
  });
});

describe("readConsentResult", () => {
  it("accepts a code that comes back with our state", () => {
    expect(readConsentResult("#code=abc&state=s-1&session_state=x", "s-1")).toEqual({ ok: true });
  });

  it("reports Entra's error description, first line only", () => {
    const answer = `#error=access_denied&error_description=${encodeURIComponent("AADSTS65004: User declined to consent.\r\nTrace ID: 1")}&state=s-1`;
    expect(readConsentResult(answer, "s-1")).toEqual({ ok: false, problem: "denied", detail: "AADSTS65004: User declined to consent." });
  });

  it("refuses an answer with another state, without a state to compare, or without a code", () => {
    expect(readConsentResult("#code=abc&state=evil", "s-1")).toEqual({ ok: false, problem: "mismatch" });
    expect(readConsentResult("#code=abc&state=s-1", null)).toEqual({ ok: false, problem: "mismatch" });
    expect(readConsentResult("#state=s-1", "s-1")).toEqual({ ok: false, problem: "empty" });
  });
});
