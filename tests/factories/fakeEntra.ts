// An in-process fake of Microsoft Entra ID's token service for msal-node (its `system.networkClient`): instance
// discovery, the tenant's OpenID metadata and the token endpoint, recording every token request.
import { randomUUID } from "node:crypto";
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";

/**
 * How the fake answers token requests for a tenant ("ok-without-client-info": OBO answers lack client_info;
 * "mfa-required": a Conditional Access policy asks for MFA, so OBO answers interaction_required with MFA_CLAIMS
 * unless the user's token says MFA was done, `amr` containing "mfa").
 */
export type TenantBehaviour = "ok" | "ok-without-client-info" | "consent-required" | "invalid-client" | "mfa-required";

/** The claims challenge a "mfa-required" tenant answers with, as Entra ID sends it (a JSON string naming the policy). */
export const MFA_CLAIMS = JSON.stringify({ access_token: { capolids: { essential: true, values: ["c4a1f2e3-5b6d-4e7f-8a9b-0c1d2e3f4a5b"] } } });

/** One token request as the fake received it. */
export interface TokenRequest {
  tenantId: string;
  grantType: string;
  clientId: string | null;
  clientSecretMatches: boolean;
  scope: string | null;
  /** OBO: the user's incoming token. */
  assertion: string | null;
  requestedTokenUse: string | null;
  /** The access token the fake answered with, if any. */
  issued: string | null;
}

/** The fake, its transport for msal, and what it saw. */
export interface FakeEntra {
  network: INetworkModule;
  tokenRequests: TokenRequest[];
  /** Requests msal sent that the fake does not serve (should stay empty). */
  unexpected: string[];
  setTenant(tenantId: string, behaviour: TenantBehaviour): void;
}

const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/** A fake Entra ID at `authorityHost` (https, never contacted) for one app registration. */
export function createFakeEntra(opts: { authorityHost: string; clientId: string; clientSecret: string }): FakeEntra {
  const host = new URL(opts.authorityHost).host;
  const behaviours = new Map<string, TenantBehaviour>();
  const tokenRequests: TokenRequest[] = [];
  const unexpected: string[] = [];
  let issuedCount = 0;

  const get = (url: URL): NetworkResponse<unknown> => {
    if (url.pathname === "/common/discovery/instance") {
      return reply(200, {
        tenant_discovery_endpoint: `https://${host}/{tenant}/v2.0/.well-known/openid-configuration`,
        "api-version": "1.1",
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      });
    }
    const tenant = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname)?.[1];
    if (url.host === host && tenant) {
      const base = `https://${host}/${tenant}`;
      return reply(200, {
        issuer: `${base}/v2.0`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `https://${host}/${tenant}/discovery/v2.0/keys`,
      });
    }
    unexpected.push(`GET ${url.href}`);
    return reply(404, { error: "not_found" });
  };

  const post = (url: URL, body: string): NetworkResponse<unknown> => {
    const tenant = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname)?.[1];
    if (url.host !== host || !tenant) {
      unexpected.push(`POST ${url.href}`);
      return reply(404, { error: "not_found" });
    }
    const form = new URLSearchParams(body);
    const request: TokenRequest = {
      tenantId: decodeURIComponent(tenant),
      grantType: form.get("grant_type") ?? "",
      clientId: form.get("client_id"),
      clientSecretMatches: form.get("client_secret") === opts.clientSecret,
      scope: form.get("scope"),
      assertion: form.get("assertion"),
      requestedTokenUse: form.get("requested_token_use"),
      issued: null,
    };
    tokenRequests.push(request);
    const behaviour = behaviours.get(request.tenantId) ?? "ok";
    if (behaviour === "invalid-client" || !request.clientSecretMatches || request.clientId !== opts.clientId) {
      return failure(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.");
    }
    if (behaviour === "consent-required") {
      return request.grantType === JWT_BEARER
        ? failure(400, "invalid_grant", 65001, `The user or administrator has not consented to use the application with ID '${opts.clientId}'. Send an interactive authorization request for this user and resource.`, { suberror: "consent_required" })
        : failure(400, "unauthorized_client", 700016, `Application with identifier '${opts.clientId}' was not found in the directory '${request.tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`);
    }
    if (behaviour === "mfa-required" && request.grantType === JWT_BEARER && !claimsOf(request.assertion ?? "").amr?.includes("mfa")) {
      return failure(400, "interaction_required", 50076, "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.", { suberror: "basic_action", claims: MFA_CLAIMS });
    }
    issuedCount += 1;
    const kind = request.grantType === JWT_BEARER ? "obo" : "app";
    request.issued = `fake-graph-${kind}-token-${issuedCount}-${randomUUID()}`;
    // Like Entra ID, a user's (OBO) token comes with client_info naming the user, since msal asks for it.
    const clientInfo = kind === "obo" && behaviour === "ok" ? { client_info: clientInfoOf(request.assertion ?? "") } : {};
    return reply(200, { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: request.issued, ...clientInfo });
  };

  return {
    network: {
      async sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
        return get(new URL(url)) as NetworkResponse<T>;
      },
      async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
        return post(new URL(url), options?.body ?? "") as NetworkResponse<T>;
      },
    },
    tokenRequests,
    unexpected,
    setTenant: (tenantId, behaviour) => void behaviours.set(tenantId, behaviour),
  };
}

function claimsOf(assertion: string): { oid?: string; tid?: string; amr?: string[] } {
  return JSON.parse(Buffer.from(assertion.split(".")[1] ?? "", "base64url").toString("utf8") || "{}") as { oid?: string; tid?: string; amr?: string[] };
}

function clientInfoOf(assertion: string): string {
  const claims = claimsOf(assertion);
  return Buffer.from(JSON.stringify({ uid: claims.oid, utid: claims.tid })).toString("base64url");
}

function reply(status: number, body: unknown): NetworkResponse<unknown> {
  return { status, headers: { "content-type": "application/json; charset=utf-8" }, body };
}

// Entra's error body: error, "AADSTS<n>: …" description, error_codes, ids, and an optional suberror and claims challenge.
function failure(status: number, error: string, code: number, text: string, extra: { suberror?: string; claims?: string } = {}): NetworkResponse<unknown> {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace("T", " ").slice(0, 19) + "Z";
  return reply(status, {
    error,
    error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    ...extra,
  });
}
