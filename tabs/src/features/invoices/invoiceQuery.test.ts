// Covers the Invoices tab's hash state: parsing deep links, writing them back, the API filter and the sort toggling.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_ROUTE,
  apiFilter,
  formatInvoicesRoute,
  hasFilters,
  localDayStart,
  nextSort,
  parseInvoicesRoute,
  uninvoicedSearch,
} from "./invoiceQuery";

describe("parseInvoicesRoute", () => {
  it("gives the defaults for a bare hash", () => {
    expect(parseInvoicesRoute("#/invoices")).toEqual(DEFAULT_ROUTE);
    expect(parseInvoicesRoute("")).toEqual(DEFAULT_ROUTE);
  });

  it("restores the credited status, and falls back to drafts for an unknown one", () => {
    expect(parseInvoicesRoute("#/invoices?view=drafts&status=credited").status).toBe("credited");
    expect(formatInvoicesRoute({ ...DEFAULT_ROUTE, view: "drafts", status: "credited" })).toBe("#/invoices?view=drafts&status=credited");
    expect(parseInvoicesRoute("#/invoices?view=drafts&status=paid").status).toBe("draft");
  });

  it("restores view, filters and sort from a deep link", () => {
    const route = parseInvoicesRoute(
      "#/invoices?view=drafts&status=final&sort=-amount&from=2026-10-01&to=2026-10-31&customer=c1&service=s1&staff=st1&price=hourly,fixedPrice&flag=needsPrice&q=%20physio%20",
    );
    expect(route).toEqual({
      view: "drafts",
      status: "final",
      sort: "-amount",
      filter: {
        from: "2026-10-01",
        to: "2026-10-31",
        customerId: "c1",
        serviceId: "s1",
        staffId: "st1",
        priceTypes: ["hourly", "fixedPrice"],
        flag: "needsPrice",
        q: "physio",
      },
    });
  });

  it("drops values it does not know", () => {
    const route = parseInvoicesRoute("#/invoices?view=nope&sort=price&from=1.10.2026&price=free,hourly&flag=urgent&status=x");
    expect(route).toEqual({ ...DEFAULT_ROUTE, filter: { priceTypes: ["hourly"] } });
  });
});

describe("formatInvoicesRoute", () => {
  it("leaves defaults out", () => {
    expect(formatInvoicesRoute(DEFAULT_ROUTE)).toBe("#/invoices");
  });

  it("round-trips a full state", () => {
    const route = parseInvoicesRoute("#/invoices?view=review&sort=customer&from=2026-01-01&price=callUs&flag=noCustomer&q=a%26b");
    expect(parseInvoicesRoute(formatInvoicesRoute(route))).toEqual(route);
    expect(formatInvoicesRoute(route)).toContain("q=a%26b");
  });
});

describe("apiFilter", () => {
  it("turns local days into instants, the to day included", () => {
    const f = apiFilter({ from: "2026-11-01", to: "2026-11-30", priceTypes: [] });
    expect(f.from).toBe(new Date(2026, 10, 1).toISOString());
    expect(f.to).toBe(new Date(2026, 11, 1).toISOString());
    expect(localDayStart("2026-12-31", 1)).toBe(new Date(2027, 0, 1).toISOString());
  });

  it("keeps only set fields", () => {
    expect(apiFilter({ priceTypes: [] })).toEqual({});
    expect(apiFilter({ priceTypes: ["hourly"], flag: "review", q: "x" })).toEqual({ priceType: ["hourly"], flag: "review", q: "x" });
    expect(hasFilters({ priceTypes: [] })).toBe(false);
    expect(hasFilters({ priceTypes: [], staffId: "s" })).toBe(true);
  });
});

describe("uninvoicedSearch", () => {
  it("builds the list query with a comma-separated price type and the cursor", () => {
    const qs = new URLSearchParams(uninvoicedSearch({ priceTypes: ["hourly", "notSet"], customerId: "c 1" }, "-date", 200, "abc"));
    expect(Object.fromEntries(qs)).toEqual({ customerId: "c 1", priceType: "hourly,notSet", sort: "-date", limit: "200", cursor: "abc" });
  });
});

describe("nextSort", () => {
  it.each([
    ["date", "date", "-date"],
    ["-date", "date", "date"],
    ["date", "amount", "amount"],
    ["-amount", "customer", "customer"],
  ] as const)("%s, click %s → %s", (current, column, expected) => {
    expect(nextSort(current, column)).toBe(expected);
  });
});
