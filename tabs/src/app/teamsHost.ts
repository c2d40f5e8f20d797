// Detects whether the tab runs inside a Teams / Microsoft 365 host (teams-platform §5.2).
import type { app } from "@microsoft/teams-js";

/** The detected host: inside Teams with its context, or a plain browser. */
export interface TeamsHost {
  inTeams: boolean;
  ctx?: app.Context;
}

/**
 * Plain top-level browser windows skip TeamsJS entirely (it is loaded lazily, because importing it
 * fetches a list of valid origins from a CDN); framed or opened windows race `app.initialize()`
 * against a short timeout, because a non-Teams parent never answers it.
 */
export async function detectTeamsHost(timeoutMs = 3000): Promise<TeamsHost> {
  if (window.self === window.top && !window.opener) return { inTeams: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const { app } = await import("@microsoft/teams-js");
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return { inTeams: true, ctx: await app.getContext() };
  } catch {
    return { inTeams: false };
  } finally {
    clearTimeout(timer);
  }
}
