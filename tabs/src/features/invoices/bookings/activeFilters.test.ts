// Covers the chips of the narrow filter bar: one per filter in force, named from the lookups, each removing only itself.
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../../shared/format";
import { i18n, setLanguage } from "../../../shared/i18n/i18n";
import { activeFilters } from "./activeFilters";
import type { FilterNames } from "./activeFilters";

const names: FilterNames = {
  customers: [{ id: "c1", name: "Noah Becker" }],
  services: [{ bookingsServiceId: "s1", name: "Intake" }],
  staff: [{ id: "st1", name: "Anna de Wit" }],
};

describe("activeFilters", () => {
  afterEach(() => {
    setLanguage("en");
    setLocale(undefined);
  });

  it("has no chip without filters, and none for the search text", () => {
    expect(activeFilters({ priceTypes: [], q: "physio" }, names, i18n.t)).toEqual([]);
  });

  it("names every filter in the filter bar's order, each chip clearing only its own filter", () => {
    setLanguage("en");
    setLocale("en-GB");
    const chips = activeFilters(
      { from: "2026-11-01", to: "2026-11-30", customerId: "c1", serviceId: "s1", staffId: "st1", priceTypes: ["hourly", "fixedPrice"], flag: "needsPrice" },
      names,
      i18n.t,
    );
    expect(chips.map((c) => c.label)).toEqual([
      expect.stringMatching(/^From 1 Nov(ember)? 2026$/),
      expect.stringMatching(/^To 30 Nov(ember)? 2026$/),
      "Customer: Noah Becker",
      "Service: Intake",
      "Staff: Anna de Wit",
      "Hourly",
      "Fixed price",
      "Needs price",
    ]);
    expect(chips.map((c) => c.clear)).toEqual([
      { from: undefined },
      { to: undefined },
      { customerId: undefined },
      { serviceId: undefined },
      { staffId: undefined },
      { priceTypes: ["fixedPrice"] },
      { priceTypes: ["hourly"] },
      { flag: undefined },
    ]);
  });

  it("speaks Dutch, and shows an id the lookups do not know rather than hiding the filter", () => {
    setLanguage("nl");
    setLocale("nl-NL");
    const chips = activeFilters({ from: "2026-11-01", customerId: "gone", priceTypes: [], flag: "noCustomer" }, names, i18n.t);
    expect(chips.map((c) => c.label)).toEqual([expect.stringMatching(/^Vanaf 1 nov(ember)? 2026$/), "Klant: gone", "Geen klant"]);
  });
});
