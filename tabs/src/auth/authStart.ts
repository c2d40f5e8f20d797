// Consent popup, step 1 (auth-start.html, opened by authentication.authenticate): sends the user to Entra's consent prompt.
import { app, authentication } from "@microsoft/teams-js";
import { ENTRA_CLIENT_ID } from "../shared/appConfig";
import { consentText, showStatus } from "./authPage";
import { CONSENT_STATE_KEY, buildConsentUrl } from "./consentUrl";

async function start(): Promise<void> {
  let text = consentText(navigator.language);
  showStatus(text.redirecting);
  try {
    await app.initialize();
  } catch {
    showStatus(text.notInTeams);
    return;
  }
  const ctx = await app.getContext();
  text = consentText(ctx.app.locale);
  if (!ENTRA_CLIENT_ID) {
    showStatus(text.noClientId);
    authentication.notifyFailure(text.noClientId);
    return;
  }
  const state = crypto.randomUUID();
  sessionStorage.setItem(CONSENT_STATE_KEY, state);
  showStatus(text.redirecting);
  window.location.assign(
    buildConsentUrl({
      clientId: ENTRA_CLIENT_ID,
      tenantId: ctx.user?.tenant?.id,
      loginHint: ctx.user?.loginHint,
      uiLocale: ctx.app.locale,
      redirectUri: `${window.location.origin}/auth-end.html`,
      state,
    }),
  );
}

void start();
