// Covers the API client's error parsing, its retry with a fresh token after a 401 (or with Entra's claims after a
// 401 INTERACTION_REQUIRED), its error hook and error wording.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient, detailIds, errorMessage, filenameFromDisposition, toApiError, type TokenRequest } from "./apiClient";
import { isConsentRequired } from "./consent";
import { setLanguage } from "./i18n/i18n";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

describe("toApiError", () => {
  it("reads code, message and details from the error envelope", async () => {
    const err = await toApiError(json(409, { error: { code: "ALREADY_INVOICED", message: "taken", bookingIds: ["b1"] } }));
    expect(err).toMatchObject({ status: 409, code: "ALREADY_INVOICED", message: "taken" });
    expect(detailIds(err, "bookingIds")).toEqual(["b1"]);
  });

  it("falls back to the HTTP status when the body is not the envelope", async () => {
    const err = await toApiError(new Response("<html>", { status: 502, statusText: "Bad Gateway" }));
    expect(err).toMatchObject({ status: 502, code: "HTTP_502", message: "Bad Gateway" });
  });
});

describe("createApiClient", () => {
  it("sends the bearer token and retries once with a fresh one after a 401", async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(json(401, { error: { code: "UNAUTHENTICATED", message: "expired" } }))
      .mockResolvedValueOnce(json(200, { ok: true }));
    vi.stubGlobal("fetch", fetchMock);
    const getToken = vi.fn(async ({ refresh }: { refresh?: boolean } = {}) => (refresh ? "fresh" : "stale"));

    const body = await createApiClient(getToken).get<{ ok: boolean }>("/api/health");

    expect(body).toEqual({ ok: true });
    expect(fetchMock.mock.calls.map((c) => (c[1] as RequestInit).headers)).toMatchObject([
      { Authorization: "Bearer stale" },
      { Authorization: "Bearer fresh" },
    ]);
  });

  it("throws a typed ApiError and resolves 204 to undefined", async () => {
    vi.stubGlobal(
      "fetch",
      vi
        .fn()
        .mockResolvedValueOnce(json(404, { error: { code: "NOT_FOUND", message: "no such invoice" } }))
        .mockResolvedValueOnce(new Response(null, { status: 204 })),
    );
    const api = createApiClient(async () => "t");
    await expect(api.get("/api/invoices/x")).rejects.toBeInstanceOf(ApiError);
    await expect(api.del("/api/invoices/y")).resolves.toBeUndefined();
  });
});

describe("claims challenges (Conditional Access, AUTH_MODE=entra)", () => {
  const CLAIMS = JSON.stringify({ access_token: { capolids: { essential: true, values: ["c4a1f2e3"] } } });
  const challenge = () => json(401, { error: { code: "INTERACTION_REQUIRED", message: "Sign in again (AADSTS50076).", claims: CLAIMS } });
  // A Teams-like token source: records what it was asked, answers claims with an "mfa" token (or fails, if told to).
  const teamsTokens = (failClaims = false) => {
    const asked: TokenRequest[] = [];
    const provider = async (request: TokenRequest = {}) => {
      asked.push(request);
      if (request.claims && failClaims) throw new Error("CancelledByUser");
      return request.claims ? "mfa" : request.refresh ? "fresh" : "sso";
    };
    return { asked, provider: Object.assign(provider, { answersClaims: true }) };
  };
  const authorizations = (fetchMock: ReturnType<typeof vi.fn>) => fetchMock.mock.calls.map((c) => ((c[1] as RequestInit).headers as Record<string, string>).Authorization);

  it("asks the token source once for a token with the claims and retries the request with it", async () => {
    const fetchMock = vi.fn().mockResolvedValueOnce(challenge()).mockResolvedValueOnce(json(200, [{ id: "b1" }]));
    vi.stubGlobal("fetch", fetchMock);
    const tokens = teamsTokens();
    const seen: ApiError[] = [];
    const body = await createApiClient(tokens.provider, "", { onError: (e) => seen.push(e) }).get("/api/businesses");
    expect(body).toEqual([{ id: "b1" }]);
    expect(tokens.asked).toEqual([{ refresh: false }, { claims: CLAIMS }]);
    expect(authorizations(fetchMock)).toEqual(["Bearer sso", "Bearer mfa"]);
    expect(seen).toEqual([]);
  });

  it("retries with the claims only once: a second challenge is the error shown, with its claims", async () => {
    const fetchMock = vi.fn(async () => challenge());
    vi.stubGlobal("fetch", fetchMock);
    const tokens = teamsTokens();
    const seen: ApiError[] = [];
    const failure = await createApiClient(tokens.provider, "", { onError: (e) => seen.push(e) }).get("/api/businesses").catch((e: unknown) => e);
    expect(failure).toMatchObject({ status: 401, code: "INTERACTION_REQUIRED", message: "Sign in again (AADSTS50076).", details: { claims: CLAIMS } });
    expect(tokens.asked).toEqual([{ refresh: false }, { claims: CLAIMS }]);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(seen.map((e) => e.code)).toEqual(["INTERACTION_REQUIRED"]);
  });

  it("shows the challenge as the error when the sign-in with the claims fails, in Dutch the tab's own words", async () => {
    const fetchMock = vi.fn(async () => challenge());
    vi.stubGlobal("fetch", fetchMock);
    const tokens = teamsTokens(true);
    const failure = await createApiClient(tokens.provider).get("/api/businesses").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 401, code: "INTERACTION_REQUIRED" });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(errorMessage(failure)).toBe("Sign in again (AADSTS50076).");
    setLanguage("nl");
    try {
      expect(errorMessage(failure)).toMatch(/^Je organisatie vraagt je opnieuw aan te melden, bijvoorbeeld met meervoudige verificatie\./);
    } finally {
      setLanguage("en");
    }
  });

  it("retries other 401s with a fresh token and never with claims", async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(json(401, { error: { code: "UNAUTHORIZED", message: "expired" } }))
      .mockResolvedValueOnce(json(401, { error: { code: "UNAUTHORIZED", message: "still expired" } }));
    vi.stubGlobal("fetch", fetchMock);
    const tokens = teamsTokens();
    await expect(createApiClient(tokens.provider).get("/api/businesses")).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "still expired" });
    expect(tokens.asked).toEqual([{ refresh: false }, { refresh: true }]);
    expect(authorizations(fetchMock)).toEqual(["Bearer sso", "Bearer fresh"]);
  });

  it("changes nothing for a token source that cannot answer claims (standalone): one refresh retry, as for any 401", async () => {
    const fetchMock = vi.fn(async () => challenge());
    vi.stubGlobal("fetch", fetchMock);
    const asked: TokenRequest[] = [];
    const standalone = async (request: TokenRequest = {}) => (asked.push(request), "dev");
    await expect(createApiClient(standalone).get("/api/businesses")).rejects.toMatchObject({ code: "INTERACTION_REQUIRED" });
    expect(asked).toEqual([{ refresh: false }, { refresh: true }]);
  });
});

describe("extra requests", () => {
  it("sends extra headers on POST and PATCHes JSON", async () => {
    const fetchMock = vi.fn(async () => json(200, { ok: true }));
    vi.stubGlobal("fetch", fetchMock);
    const api = createApiClient(async () => "t");
    await api.post("/api/invoices", { bookingIds: ["b1"] }, { headers: { "Idempotency-Key": "k1" } });
    await api.patch("/api/invoices/i1", { notes: "x" });
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect(calls[0]?.[1].headers).toMatchObject({ "Idempotency-Key": "k1", Authorization: "Bearer t" });
    expect(calls[1]?.[1]).toMatchObject({ method: "PATCH", body: JSON.stringify({ notes: "x" }) });
  });

  it("downloads a file with its name and parses an error answer", async () => {
    vi.stubGlobal(
      "fetch",
      vi
        .fn()
        .mockResolvedValueOnce(new Response("%PDF-1.7", { status: 200, headers: { "Content-Disposition": 'attachment; filename="INV-2026-00001.pdf"' } }))
        .mockResolvedValueOnce(json(404, { error: { code: "NOT_FOUND", message: "No such invoice." } })),
    );
    const api = createApiClient(async () => "t");
    const file = await api.file("/api/invoices/i1/pdf");
    expect(file.filename).toBe("INV-2026-00001.pdf");
    expect(await file.blob.text()).toBe("%PDF-1.7");
    await expect(api.file("/api/invoices/x/pdf")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("filenameFromDisposition", () => {
  it.each([
    ['attachment; filename="invoices.csv"', "invoices.csv"],
    ["attachment; filename=draft-1a2b.pdf", "draft-1a2b.pdf"],
    ["attachment; filename=\"x.pdf\"; filename*=UTF-8''Rechnung%20%C3%BC.pdf", "Rechnung ü.pdf"],
    ["attachment", null],
    [null, null],
  ])("%j → %j", (header, name) => {
    expect(filenameFromDisposition(header)).toBe(name);
  });
});

describe("errors seen by the app shell and shown to the user", () => {
  it("hands every error answer to onError, e.g. the 403 CONSENT_REQUIRED the consent bar reacts to", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => json(403, { error: { code: "CONSENT_REQUIRED", message: "Consent needed" } })));
    const seen: ApiError[] = [];
    const api = createApiClient(async () => "t", "", { onError: (err) => seen.push(err) });
    const failure = api.get("/api/bookings/uninvoiced").catch((err: unknown) => err);
    expect(await failure).toBeInstanceOf(ApiError);
    expect(seen.map((e) => [e.status, e.code])).toEqual([[403, "CONSENT_REQUIRED"]]);
    expect(isConsentRequired(seen[0])).toBe(true);
    expect(isConsentRequired(new ApiError(403, "FORBIDDEN", "no"))).toBe(false);
  });

  it("shows the server's message in English and the tab's own wording of known codes in Dutch", () => {
    const err = new ApiError(409, "NOT_DRAFT", "Invoice INV-1 is final.");
    const odd = new ApiError(400, "BAD_REQUEST", "dueDate: Invalid date");
    expect(errorMessage(err)).toBe("Invoice INV-1 is final.");
    setLanguage("nl");
    try {
      expect(errorMessage(err)).toBe("Deze factuur is geen concept meer.");
      expect(errorMessage(odd)).toBe("dueDate: Invalid date");
      expect(errorMessage("??")).toBe("Er is iets misgegaan");
    } finally {
      setLanguage("en");
    }
  });

  it("words each problem of a NOT_READY refusal in the UI language, and ignores codes it does not know", () => {
    const err = new ApiError(409, "NOT_READY", "This draft cannot be finalized yet: …", {
      problems: [
        { code: "supplierIncomplete", fields: ["vatId", "iban"] },
        { code: "customerAddressMissing", fields: ["address.street", "address.countryCode"] },
        { code: "unpricedLines", lineIds: ["l1", "l2"] },
        { code: "cancelledBooking", lineIds: ["l3"] },
        { code: "somethingNew" },
      ],
    });
    expect(errorMessage(err)).toBe(
      "This draft cannot be finalized yet: the supplier details in the setup are incomplete (VAT id, IBAN); the customer's address is incomplete (Street and number, Country): complete the customer first; 2 lines still need a price; 1 line bills a booking that was cancelled in Bookings: remove it.",
    );
    setLanguage("nl");
    try {
      expect(errorMessage(err)).toBe(
        "Dit concept kan nog niet definitief worden gemaakt: de leveranciersgegevens in de instellingen zijn onvolledig (Btw-id, IBAN); het adres van de klant is onvolledig (Straat en huisnummer, Land): vul eerst de klant aan; 2 regels hebben nog geen prijs; 1 regel factureert een boeking die in Bookings is geannuleerd: verwijder die.",
      );
    } finally {
      setLanguage("en");
    }
  });
});
