// Fetch wrapper for the same-origin API: bearer token, JSON bodies and typed errors.

/** Supplies a bearer token; `refresh` asks for a new one instead of a cached one. */
export type TokenProvider = (options?: { refresh?: boolean }) => Promise<string>;

/** An error answered by the API (or a network failure, code `NETWORK`); branch on `code`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The JSON client the features use; every method resolves to the parsed body. */
export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  del(path: string): Promise<void>;
}

/** Parses `{ error: { code, message, ...details } }`, falling back to the HTTP status. */
export async function toApiError(res: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    // Not JSON (a proxy error page, for instance): keep the status only.
  }
  const error = (payload as { error?: Record<string, unknown> } | null)?.error;
  if (error && typeof error === "object") {
    const { code, message, ...details } = error;
    return new ApiError(
      res.status,
      typeof code === "string" ? code : `HTTP_${res.status}`,
      typeof message === "string" ? message : res.statusText || `Request failed (${res.status})`,
      details,
    );
  }
  return new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `Request failed (${res.status})`);
}

/** Reads a typed list of ids from an error's details (e.g. `bookingIds` of ALREADY_INVOICED). */
export function detailIds(error: ApiError, key: string): string[] {
  const value = error.details[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Creates the API client; retries once with a fresh token after a 401. */
export function createApiClient(getToken: TokenProvider, baseUrl = ""): ApiClient {
  async function send(method: string, path: string, body: unknown, refresh = false): Promise<Response> {
    const token = await getToken({ refresh });
    const headers: Record<string, string> = { Accept: "application/json", Authorization: `Bearer ${token}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    try {
      return await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new ApiError(0, "NETWORK", err instanceof Error ? err.message : "The server could not be reached");
    }
  }

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res = await send(method, path, body);
    if (res.status === 401) res = await send(method, path, body, true);
    if (!res.ok) throw await toApiError(res);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  return {
    get: (path) => request("GET", path),
    post: (path, body) => request("POST", path, body ?? {}),
    put: (path, body) => request("PUT", path, body),
    del: async (path) => {
      await request<void>("DELETE", path);
    },
  };
}

/** A readable message for anything thrown by the client or the code around it. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return "Something went wrong";
}
