// Microsoft Graph tokens in entra mode through msal-node: on-behalf-of the signed-in user, or app-only per tenant.
import {
  AuthError,
  ConfidentialClientApplication,
  InteractionRequiredAuthError,
  LogLevel,
  ServerError,
  type AuthenticationResult,
  type INetworkModule,
} from "@azure/msal-node";
import type { Logger } from "pino";
import { AppError } from "../../shared/errors";

/** The Graph permissions granted to the app registration, whatever they are (delegated or application). */
export const GRAPH_SCOPE = "https://graph.microsoft.com/.default";

/** What token acquisition needs. */
export interface GraphTokenOptions {
  clientId: string;
  clientSecret: string;
  /** e.g. https://login.microsoftonline.com; each tenant's authority is `${authorityHost}/${tenantId}`. */
  authorityHost: string;
  /** msal's HTTP transport; tests route it to a fake Entra ID. */
  networkClient?: INetworkModule;
  logger?: Logger;
}

/** Graph access tokens for one app registration, cached by msal per tenant. */
export interface GraphTokens {
  /** On-behalf-of the caller whose (already validated) API token is `userToken`: for interactive calls. */
  forUser(tenantId: string, userToken: string): Promise<string>;
  /** App-only (client credentials) in the tenant: for background and manual syncs. */
  forApp(tenantId: string): Promise<string>;
  /** Where an admin of the tenant grants the app consent. */
  adminConsentUrl(tenantId: string): string;
}

// AADSTS error numbers that mean the app lacks consent (or is not provisioned) in the tenant:
// 65001 not consented, 65004 consent declined, 90094 admin consent needed, 90099 app not authorized in
// the tenant, 700016 app not found in the directory (never installed or consented there).
const CONSENT_ERROR_NUMBERS = new Set(["65001", "65004", "90094", "90099", "700016"]);
const ON_BEHALF_OF = "on-behalf-of";

/** Builds the token source; one ConfidentialClientApplication (and so one token cache) per tenant authority and flow. */
export function createGraphTokens(options: GraphTokenOptions): GraphTokens {
  const host = options.authorityHost.replace(/\/+$/, "");
  // Separate caches per flow: msal's client-credentials lookup would otherwise also match an OBO token cached
  // without an account (no client_info in Entra's answer) and hand a user's delegated token to a background sync.
  const apps = new Map<string, ConfidentialClientApplication>();
  const appFor = (tenantId: string, flow: "obo" | "app"): ConfidentialClientApplication => {
    const authority = `${host}/${encodeURIComponent(tenantId)}`;
    const key = `${flow} ${authority}`;
    let app = apps.get(key);
    if (!app) {
      app = new ConfidentialClientApplication({
        auth: { clientId: options.clientId, clientSecret: options.clientSecret, authority },
        system: {
          ...(options.networkClient ? { networkClient: options.networkClient } : {}),
          // msal never logs tokens or personal data with piiLoggingEnabled off; only its warnings reach our log.
          loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Warning, loggerCallback: (_level, message) => options.logger?.warn({ msal: message }, "msal warning") },
        },
      });
      apps.set(key, app);
    }
    return app;
  };
  const adminConsentUrl = (tenantId: string) => `${host}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(options.clientId)}`;
  const acquire = async (tenantId: string, flow: string, request: () => Promise<AuthenticationResult | null>): Promise<string> => {
    let result: AuthenticationResult | null;
    try {
      result = await request();
    } catch (err) {
      throw toTokenAppError(err, flow, adminConsentUrl(tenantId));
    }
    if (!result?.accessToken) throw new AppError("GRAPH_ERROR", `Microsoft Entra ID returned no ${flow} Graph token.`);
    return result.accessToken;
  };
  // Calls that start together (a sync reads business, services, staff and customers at once) share one request to
  // Entra ID while msal's cache is still empty, instead of each asking for a token of its own.
  const inFlight = new Map<string, Promise<string>>();
  const appOnly = (tenantId: string) => {
    let pending = inFlight.get(tenantId);
    if (!pending) {
      pending = acquire(tenantId, "app-only", () => appFor(tenantId, "app").acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] })).finally(() => inFlight.delete(tenantId));
      inFlight.set(tenantId, pending);
    }
    return pending;
  };
  return {
    forUser: (tenantId, userToken) =>
      acquire(tenantId, ON_BEHALF_OF, () => appFor(tenantId, "obo").acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes: [GRAPH_SCOPE] })),
    forApp: appOnly,
    adminConsentUrl,
  };
}

/** The 403 an admin can fix by granting the app consent in their tenant; names where to do it. */
export function consentRequired(reason: string, adminConsentUrl?: string): AppError {
  return new AppError(
    "CONSENT_REQUIRED",
    `An administrator of your organization must grant this app consent to read Microsoft Bookings through Microsoft Graph (${reason}).`,
    adminConsentUrl ? { adminConsentUrl } : {},
  );
}

/** The 401 the caller fixes by signing in again with Entra's `claims` challenge (Conditional Access, e.g. MFA). */
export function interactionRequired(reason: string, claims: string): AppError {
  return new AppError(
    "INTERACTION_REQUIRED",
    `Your organization requires you to sign in again (for example with multi-factor authentication) before this app can read Microsoft Bookings for you (${reason}).`,
    { claims },
  );
}

/** True when an msal error says the app lacks consent in the tenant. */
export function isConsentError(err: unknown): boolean {
  if (!(err instanceof AuthError)) return false;
  if (err.errorCode === "consent_required" || err.subError === "consent_required") return true;
  const errorNo = err instanceof ServerError || err instanceof InteractionRequiredAuthError ? err.errorNo : undefined;
  return errorNo !== undefined && CONSENT_ERROR_NUMBERS.has(String(errorNo));
}

// Consent problems → 403 CONSENT_REQUIRED; an on-behalf-of claims challenge → 401 INTERACTION_REQUIRED with the claims;
// anything else → 502 GRAPH_ERROR naming msal's code and the correlation id.
function toTokenAppError(err: unknown, flow: string, adminConsentUrl: string): AppError {
  if (!(err instanceof AuthError)) return new AppError("GRAPH_ERROR", `Could not get an ${flow} Microsoft Graph token from Microsoft Entra ID.`);
  const errorNo = err instanceof ServerError || err instanceof InteractionRequiredAuthError ? err.errorNo : undefined;
  const code = [err.errorCode, errorNo !== undefined ? `AADSTS${errorNo}` : ""].filter(Boolean).join(", ");
  if (isConsentError(err)) return consentRequired(`Microsoft Entra ID answered ${code}`, adminConsentUrl);
  // Only the user's own token can satisfy a claims challenge; an app-only one never gets it, but stays a 502 if it did.
  if (flow === ON_BEHALF_OF && err instanceof InteractionRequiredAuthError && err.claims) {
    return interactionRequired(`Microsoft Entra ID answered ${code}`, err.claims);
  }
  const correlation = err.correlationId ? `; correlation id ${err.correlationId}` : "";
  return new AppError("GRAPH_ERROR", `Could not get an ${flow} Microsoft Graph token from Microsoft Entra ID (${code}${correlation}).`);
}
