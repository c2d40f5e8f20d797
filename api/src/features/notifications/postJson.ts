// One HTTP POST of a notification, bounded by a timeout; failures become a DeliveryError whose message never holds the URL.

/** Default time a webhook or Graph gets to answer. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** The fetch used for deliveries (injectable in tests). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Why a delivery failed: the receiver's non-2xx status, no connection, or no answer in time. */
export class DeliveryError extends Error {
  constructor(
    readonly reason: "status" | "network" | "timeout",
    message: string,
    readonly status?: number,
    /** For `network`: the error code (ECONNREFUSED, ECONNRESET, PRIVATE_ADDRESS …), which tells whether a request went out. */
    readonly code?: string,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** Posts JSON and resolves with the 2xx status; throws DeliveryError otherwise. Redirects count as failures. */
export async function postJson(
  url: string,
  body: unknown,
  opts: { headers?: Record<string, string>; fetch?: FetchLike; timeoutMs?: number; what?: string } = {},
): Promise<number> {
  const what = opts.what ?? "The webhook";
  const timeoutMs = opts.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...opts.headers },
      body: JSON.stringify(body),
      // A webhook that redirects is misconfigured (or pointing elsewhere than it claims): do not follow.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as { name?: string };
    if (e?.name === "TimeoutError" || e?.name === "AbortError") {
      throw new DeliveryError("timeout", `${what} did not answer within ${timeoutMs / 1000} s.`);
    }
    const code = networkCode(err);
    if (code === "PRIVATE_ADDRESS") {
      throw new DeliveryError("network", `${what} points to a loopback or private network address; only public https addresses are posted to.`, undefined, code);
    }
    // Network error messages can quote the address; only say what kind of failure it was.
    throw new DeliveryError("network", `${what} could not be reached (${code}).`, undefined, code);
  }
  await res.body?.cancel().catch(() => undefined);
  if (res.status >= 200 && res.status < 300) return res.status;
  throw new DeliveryError("status", `${what} answered HTTP ${res.status}.`, res.status);
}

function networkCode(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } })?.cause;
  return typeof cause?.code === "string" && /^[A-Z_]+$/.test(cause.code) ? cause.code : "network error";
}
