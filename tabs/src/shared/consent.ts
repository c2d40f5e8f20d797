// Consent for the API's on-behalf-of Graph calls: spotting the API's CONSENT_REQUIRED and opening Teams' consent popup.
import type * as teams from "@microsoft/teams-js";
import { ApiError } from "./apiClient";

type TeamsJs = typeof teams;

/** The error code the API answers (with 403) when the user has not consented to the Graph permissions yet. */
export const CONSENT_REQUIRED = "CONSENT_REQUIRED";

/** True for the API's 403 CONSENT_REQUIRED. */
export function isConsentRequired(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === CONSENT_REQUIRED;
}

/** The admin-consent page the API names in a CONSENT_REQUIRED answer (`adminConsentUrl`), when it is an https URL. */
export function adminConsentUrl(error: unknown): string | undefined {
  const url = error instanceof ApiError ? error.details.adminConsentUrl : undefined;
  return typeof url === "string" && url.startsWith("https://") ? url : undefined;
}

/** The consent popup Teams opens: our start page (tabs/auth-start.html) and a size that fits the Entra prompt. */
export function consentPopup(origin: string): { url: string; width: number; height: number } {
  return { url: `${origin}/auth-start.html`, width: 600, height: 535 };
}

let teamsJs: TeamsJs | null = null;

/** Loads TeamsJS ahead of the click, so the click opens the popup at once (popups need a fresh user gesture). */
export async function preloadTeamsJs(): Promise<void> {
  teamsJs ??= await import("@microsoft/teams-js");
}

/** Opens the consent popup; resolves when auth-end.html reports success, rejects with Teams' reason otherwise. */
export async function requestConsent(origin = window.location.origin): Promise<void> {
  const sdk = teamsJs ?? (await import("@microsoft/teams-js"));
  await sdk.authentication.authenticate(consentPopup(origin));
}
