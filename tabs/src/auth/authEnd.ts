// Consent popup, step 2 (auth-end.html, Entra's redirect target): tells Teams whether consent was given, which closes the popup.
import { app, authentication } from "@microsoft/teams-js";
import { consentText, showStatus } from "./authPage";
import { CONSENT_STATE_KEY, readConsentResult } from "./consentUrl";

async function finish(): Promise<void> {
  let text = consentText(navigator.language);
  showStatus(text.finishing);
  // Read before anything else: the answer is only in this page's URL, the state only in this window's storage.
  const result = readConsentResult(window.location.hash || window.location.search, sessionStorage.getItem(CONSENT_STATE_KEY));
  sessionStorage.removeItem(CONSENT_STATE_KEY);
  history.replaceState(null, "", window.location.pathname);
  try {
    await app.initialize();
  } catch {
    showStatus(text.notInTeams);
    return;
  }
  text = consentText((await app.getContext()).app.locale);
  if (result.ok) {
    authentication.notifySuccess();
    return;
  }
  const reason = result.problem === "denied" ? result.detail : text[result.problem];
  showStatus(reason);
  authentication.notifyFailure(reason);
}

void finish();
