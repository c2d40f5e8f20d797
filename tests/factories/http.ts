// A tiny JSON client for integration tests: one tenant's token, real HTTP against the test server.
/** Response of a test request: status, parsed JSON body (or null), headers. */
export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Sends requests as one signed-in user. */
export function client(baseUrl: string, token?: string) {
  async function send<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => send<T>("GET", path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => send<T>("POST", path, body ?? {}, headers),
    put: <T = any>(path: string, body?: unknown) => send<T>("PUT", path, body ?? {}),
    del: <T = any>(path: string) => send<T>("DELETE", path),
    send,
  };
}
