// Covers what the Graph client sends where: nextLinks are followed only under the configured base URL, the bearer
// token never leaves it, and a list cannot page forever.
import { describe, expect, it } from "vitest";
import { createBookingsGraph, GraphRequestError, nextPageUrl } from "./graphClient";

const BASE = "http://graph.test/v1.0";

// A transport that answers each URL from `pages` and records every request with its Authorization header.
function recordingFetch(pages: (url: string) => unknown) {
  const seen: { url: string; auth: string | null }[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    seen.push({ url, auth: new Headers(init?.headers).get("authorization") });
    return new Response(JSON.stringify(pages(url)), { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { seen, fetchFn };
}

const customer = (id: string) => ({ id, displayName: `C ${id}`, emailAddress: `${id}@x.example` });

describe("Graph nextLinks", () => {
  it("follows nextLinks under the base URL with the token", async () => {
    const { seen, fetchFn } = recordingFetch((url) =>
      url.includes("skip=1") ? { value: [customer("b")] } : { value: [customer("a")], "@odata.nextLink": `${BASE}/solutions/bookingBusinesses/biz/customers?skip=1` },
    );
    const graph = createBookingsGraph({ baseUrl: BASE, getToken: async () => "secret-token", fetch: fetchFn });
    expect((await graph.listCustomers("biz")).map((c) => c.id)).toEqual(["a", "b"]);
    expect(seen.map((s) => [s.url, s.auth])).toEqual([
      [`${BASE}/solutions/bookingBusinesses/biz/customers`, "Bearer secret-token"],
      [`${BASE}/solutions/bookingBusinesses/biz/customers?skip=1`, "Bearer secret-token"],
    ]);
  });

  it.each([
    ["another host", "http://evil.example/v1.0/solutions/bookingBusinesses/biz/customers?skip=1"],
    ["a look-alike path", `${BASE}.evil/solutions/bookingBusinesses/biz/customers`],
    ["userinfo after the base", `${BASE}@evil.example/x`],
    ["another port", "http://graph.test:8080/v1.0/solutions/bookingBusinesses/biz/customers"],
  ])("refuses a nextLink to %s and sends it nothing", async (_what, link) => {
    const { seen, fetchFn } = recordingFetch(() => ({ value: [customer("a")], "@odata.nextLink": link }));
    const graph = createBookingsGraph({ baseUrl: BASE, getToken: async () => "secret-token", fetch: fetchFn });
    const err = await graph.listCustomers("biz").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphRequestError);
    expect((err as GraphRequestError).code).toBe("ForeignNextLink");
    expect(seen.map((s) => s.url)).toEqual([`${BASE}/solutions/bookingBusinesses/biz/customers`]);
  });

  it("stops a list that never ends", async () => {
    let n = 0;
    const { seen, fetchFn } = recordingFetch(() => ({ value: [], "@odata.nextLink": `${BASE}/solutions/bookingBusinesses/biz/customers?skip=${++n}` }));
    const graph = createBookingsGraph({ baseUrl: BASE, getToken: async () => "t", fetch: fetchFn });
    const err = await graph.listCustomers("biz").catch((e: unknown) => e);
    expect((err as GraphRequestError).code).toBe("TooManyPages");
    expect(seen.length).toBe(5000);
  });

  it("maps a link under the base onto the SDK root", () => {
    expect(nextPageUrl(`${BASE}/solutions/x?$skiptoken=1`, BASE)).toBe("https://graph.microsoft.com/v1.0/solutions/x?$skiptoken=1");
  });
});
