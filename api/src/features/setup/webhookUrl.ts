// Pure rules for the Workflows webhook URL: which URLs are accepted, and the masked form the API shows instead.

// The URL is a secret (anyone holding it can post into the channel): plain http only to this machine, for local tests.
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The character that marks a masked URL; it never appears in a real one (URL paths percent-encode it). */
export const MASK = "…";

/** Whether a value is a masked URL (as GET /api/setup answers) rather than a real one. */
export const isMaskedWebhookUrl = (value: string): boolean => value.includes(MASK);

/** Why a webhook URL cannot be used, or null when it can ("" and masked values pass: they clear or keep the stored one). */
export function webhookUrlProblem(value: string): string | null {
  if (value === "" || isMaskedWebhookUrl(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "webhookUrl must be a full https:// URL: copy it from the Teams Workflows app";
  }
  if (url.username || url.password) return "webhookUrl must not contain a user name or password";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return "webhookUrl must start with https://";
}

/** The URL as the API shows it: scheme and host, then only its last 4 characters ("https://host/…Ab3d"). */
export function maskWebhookUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}/${MASK}${value.slice(-4)}`;
  } catch {
    return MASK; // Never echo something that does not even parse.
  }
}
