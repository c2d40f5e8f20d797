// Covers the API client's error parsing and its retry with a fresh token after a 401.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient, detailIds, toApiError } from "./apiClient";

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
