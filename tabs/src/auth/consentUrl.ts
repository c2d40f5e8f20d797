// The consent popup's two pure steps: the Entra authorize URL that asks for consent, and reading the answer it redirects back with.

/** sessionStorage key of the `state` sent to Entra, checked when the answer comes back. */
export const CONSENT_STATE_KEY = "bookings-invoicing.consent-state";

/** Every Graph permission the Entra app lists (aad.manifest.json requiredResourceAccess), plus sign-in. */
export const CONSENT_SCOPE = "https://graph.microsoft.com/.default openid profile";

/** What the authorize request needs: the app, the user's tenant and sign-in name from Teams, where to come back, and a state. */
export interface ConsentRequest {
  clientId: string;
  tenantId?: string;
  loginHint?: string;
  /** Teams' locale, so Entra's prompt speaks the user's language. */
  uiLocale?: string;
  redirectUri: string;
  state: string;
  authorityHost?: string;
}

/**
 * `https://login.microsoftonline.com/<tenant>/oauth2/v2.0/authorize?…prompt=consent`. The code that comes back is
 * never redeemed: the point is the consent Entra records, which the API's on-behalf-of call then finds. The answer
 * comes in the fragment, so it never reaches the server's logs.
 */
export function buildConsentUrl(request: ConsentRequest): string {
  const params = new URLSearchParams({
    client_id: request.clientId,
    response_type: "code",
    response_mode: "fragment",
    redirect_uri: request.redirectUri,
    scope: CONSENT_SCOPE,
    prompt: "consent",
    state: request.state,
  });
  if (request.loginHint) params.set("login_hint", request.loginHint);
  if (request.uiLocale) params.set("ui_locales", request.uiLocale);
  const tenant = encodeURIComponent(request.tenantId || "organizations");
  return `${request.authorityHost ?? "https://login.microsoftonline.com"}/${tenant}/oauth2/v2.0/authorize?${params.toString()}`;
}

/** Consent given; or refused by Entra (with its first line of error_description), or an answer that is not ours or empty. */
export type ConsentResult = { ok: true } | { ok: false; problem: "denied"; detail: string } | { ok: false; problem: "mismatch" | "empty" };

/** Reads Entra's answer from auth-end.html's fragment (or query), checking it carries the state we sent. */
export function readConsentResult(answer: string, expectedState: string | null): ConsentResult {
  const p = new URLSearchParams(answer.replace(/^[#?]/, ""));
  if (!expectedState || p.get("state") !== expectedState) return { ok: false, problem: "mismatch" };
  const error = p.get("error");
  if (error) return { ok: false, problem: "denied", detail: p.get("error_description")?.split(/\r?\n/)[0]?.trim() || error };
  if (!p.get("code")) return { ok: false, problem: "empty" };
  return { ok: true };
}
