// Token providers: Teams SSO inside Teams, the API's local dev token when running standalone.
import type { TokenProvider } from "./apiClient";
import { toApiError } from "./apiClient";

/** The demo tenant the server seeds in local mode. */
export const DEMO_TENANT_ID = "00000000-0000-4000-8000-000000000001";
/** The fixed standalone user. */
export const DEMO_USER = { userId: "00000000-0000-4000-8000-0000000000aa", name: "Demo Admin" };

/** Tenant for standalone mode: `?tenant=` overrides the demo tenant. */
export function standaloneTenantId(search = window.location.search): string {
  return new URLSearchParams(search).get("tenant") || DEMO_TENANT_ID;
}

/** Roles for standalone mode: admin, unless `?admin=0` asks to see the tab as a user without the admin role. */
export function standaloneRoles(search = window.location.search): string[] {
  const admin = new URLSearchParams(search).get("admin");
  return admin === "0" || admin === "false" ? [] : ["Invoicing.Admin"];
}

/** Teams SSO: Teams caches the token itself, so ask for it on every request; `claims` passes Entra's challenge on. */
export function createTeamsTokenProvider(): TokenProvider {
  const provider = async ({ claims }: { claims?: string } = {}) => {
    // Loaded lazily: standalone pages never load TeamsJS (see app/teamsHost.ts).
    const { authentication } = await import("@microsoft/teams-js");
    return authentication.getAuthToken(claims ? { claims: [claims] } : undefined);
  };
  return Object.assign(provider, { answersClaims: true });
}

/** Local mode: mint a token with `POST /api/dev/token` once and reuse it until a refresh is asked. */
export function createDevTokenProvider(tenantId = standaloneTenantId(), baseUrl = "", roles = standaloneRoles()): TokenProvider {
  let cached: Promise<string> | null = null;
  const mint = async (): Promise<string> => {
    const res = await fetch(`${baseUrl}/api/dev/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ tenantId, ...DEMO_USER, roles }),
    });
    if (!res.ok) throw await toApiError(res);
    const { token } = (await res.json()) as { token: string };
    return token;
  };
  return ({ refresh } = {}) => {
    if (!cached || refresh) {
      const pending = mint();
      cached = pending;
      // A failed mint must not stay cached, or every later request would fail too.
      pending.catch(() => {
        if (cached === pending) cached = null;
      });
    }
    return cached;
  };
}

/** Picks the provider for the detected host. */
export function createTokenProvider(inTeams: boolean): TokenProvider {
  return inTeams ? createTeamsTokenProvider() : createDevTokenProvider();
}
