// Fetch wrapper for the same-origin API: bearer token, JSON bodies and typed errors.
import type { ErrorCode } from "../../../api/src/shared/errors";
import { en } from "./i18n/en";
import { currentLanguage, t } from "./i18n/i18n";

/** What a request for a token asks: `refresh` a new one instead of a cached one, or one satisfying Entra's `claims` challenge. */
export interface TokenRequest {
  refresh?: boolean;
  claims?: string;
}

/** Supplies a bearer token; `answersClaims` marks providers (Teams SSO) that can satisfy a claims challenge. */
export type TokenProvider = ((options?: TokenRequest) => Promise<string>) & { answersClaims?: boolean };

/**
 * Every code an ApiError can carry: the API's own codes, NETWORK when the server could not be reached, and
 * HTTP_<status> for an answer without the JSON error envelope (a proxy page, for instance).
 */
export type ApiErrorCode = ErrorCode | "NETWORK" | `HTTP_${number}`;

/** An error answered by the API (or a network failure, code `NETWORK`); branch on `code`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: ApiErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Extra request options: headers such as `Idempotency-Key`. */
export interface RequestOptions {
  headers?: Record<string, string>;
}

/** A file answered by the API, with the name from its Content-Disposition header. */
export interface ApiFile {
  blob: Blob;
  filename: string | null;
}

/** The JSON client the features use; every method resolves to the parsed body. */
export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  del(path: string): Promise<void>;
  /** A file (PDF, CSV, XLSX) with the bearer token: GET, or POST when `body` is given; errors are parsed like JSON calls. */
  file(path: string, body?: unknown): Promise<ApiFile>;
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
      // The server is the source of the code; its type is the API's own ErrorCode union.
      typeof code === "string" ? (code as ApiErrorCode) : `HTTP_${res.status}`,
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

/** Client-wide hooks: `onError` sees every error the API answers (the app shell watches for CONSENT_REQUIRED). */
export interface ApiClientHooks {
  onError?: (error: ApiError) => void;
}

/** The claims of a 401 INTERACTION_REQUIRED answer (Conditional Access, e.g. MFA), or null; leaves the body unread. */
export async function interactionClaims(res: Response): Promise<string | null> {
  if (res.status !== 401) return null;
  const error = await toApiError(res.clone());
  const claims = error.details.claims;
  return error.code === "INTERACTION_REQUIRED" && typeof claims === "string" && claims ? claims : null;
}

/**
 * Creates the API client. After a 401 it retries once with a fresh token, or, when the API relays Entra's claims
 * challenge and the token provider can answer it, once with a token for those claims.
 */
export function createApiClient(getToken: TokenProvider, baseUrl = "", hooks: ApiClientHooks = {}): ApiClient {
  async function send(method: string, path: string, body: unknown, tokenRequest: TokenRequest, options: RequestOptions & { accept?: string } = {}): Promise<Response> {
    const token = await getToken(tokenRequest);
    const headers: Record<string, string> = { Accept: options.accept ?? "application/json", ...options.headers, Authorization: `Bearer ${token}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    try {
      return await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new ApiError(0, "NETWORK", t("errors.network"), { cause: err instanceof Error ? err.message : String(err) });
    }
  }

  async function respond(method: string, path: string, body: unknown, options?: RequestOptions & { accept?: string }): Promise<Response> {
    let res = await send(method, path, body, { refresh: false }, options);
    let refreshed = false;
    let challenged = false;
    while (res.status === 401) {
      const claims = getToken.answersClaims ? await interactionClaims(res) : null;
      if (claims && !challenged) {
        challenged = true;
        // A sign-in the user cancels or fails leaves the 401 itself as the error to show.
        const retried = await send(method, path, body, { claims }, options).catch((err: unknown) => {
          if (err instanceof ApiError) throw err;
          return null;
        });
        if (!retried) break;
        res = retried;
      } else if (!claims && !refreshed) {
        refreshed = true;
        res = await send(method, path, body, { refresh: true }, options);
      } else break;
    }
    if (!res.ok) {
      const error = await toApiError(res);
      hooks.onError?.(error);
      throw error;
    }
    return res;
  }

  async function request<T>(method: string, path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    const res = await respond(method, path, body, options);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  return {
    get: (path) => request("GET", path),
    post: (path, body, options) => request("POST", path, body ?? {}, options),
    put: (path, body) => request("PUT", path, body),
    patch: (path, body) => request("PATCH", path, body),
    del: async (path) => {
      await request<void>("DELETE", path);
    },
    file: async (path, body) => {
      const res = await respond(body === undefined ? "GET" : "POST", path, body, { accept: "*/*" });
      return { blob: await res.blob(), filename: filenameFromDisposition(res.headers.get("Content-Disposition")) };
    },
  };
}

/** The file name of a Content-Disposition header (`filename*=UTF-8''…` preferred), or null. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Malformed percent-encoding: fall back to the plain filename.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name || null;
}

type KnownCode = keyof typeof en.errors.codes;
const isKnownCode = (code: string): code is KnownCode => Object.hasOwn(en.errors.codes, code);

/**
 * A readable message for anything thrown by the client or the code around it. The server writes English, so in
 * another UI language an error with a known code shows the tab's own wording of that code instead.
 */
export function errorMessage(error: unknown): string {
  const problems = error instanceof ApiError ? problemsOf(error.details) : [];
  if (problems.length) return `${t("errors.problems.intro")} ${problems.map(describeProblem).join("; ")}.`;
  if (error instanceof ApiError && currentLanguage() !== "en" && isKnownCode(error.code)) return t(`errors.codes.${error.code}`);
  if (error instanceof Error && error.message) return error.message;
  return t("errors.generic");
}

/** One problem of a refusal such as NOT_READY: a code and what it concerns. */
interface Problem {
  code: string;
  fields?: string[];
  lineIds?: string[];
}

const PROBLEM_CODES = ["supplierIncomplete", "customerAddressMissing", "unpricedLines", "cancelledBooking"] as const;
type ProblemCode = (typeof PROBLEM_CODES)[number];
const isProblemCode = (code: string): code is ProblemCode => (PROBLEM_CODES as readonly string[]).includes(code);

function problemsOf(details: Record<string, unknown>): (Problem & { code: ProblemCode })[] {
  const list = Array.isArray(details.problems) ? (details.problems as Problem[]) : [];
  return list.filter((p): p is Problem & { code: ProblemCode } => typeof p?.code === "string" && isProblemCode(p.code));
}

// The setup form's own labels for the fields a problem names; a field without one is named as the API names it.
const FIELD_LABELS = {
  legalName: "setup.supplier.legalName",
  "address.street": "setup.supplier.street",
  "address.postalCode": "setup.supplier.postalCode",
  "address.city": "setup.supplier.city",
  "address.countryCode": "setup.supplier.countryCode",
  vatId: "setup.supplier.vatId",
  companyRegistration: "setup.supplier.registration",
  peppolId: "setup.supplier.peppolId",
  iban: "setup.supplier.iban",
  email: "setup.supplier.email",
} as const;
const fieldLabel = (field: string): string => (Object.hasOwn(FIELD_LABELS, field) ? t(FIELD_LABELS[field as keyof typeof FIELD_LABELS]) : field);

function describeProblem(p: Problem & { code: ProblemCode }): string {
  switch (p.code) {
    case "supplierIncomplete":
    case "customerAddressMissing":
      return t(`errors.problems.${p.code}`, { fields: (p.fields ?? []).map(fieldLabel).join(", ") });
    case "unpricedLines":
    case "cancelledBooking":
      return t(`errors.problems.${p.code}`, { count: p.lineIds?.length ?? 0 });
  }
}
