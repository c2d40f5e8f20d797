// Covers the customer picker's matching: words in any order, accents and case ignored, prefix matches first, a limit.
import { describe, expect, it } from "vitest";
import { matchCustomers } from "./customerSearch";
import type { CustomerOption } from "./invoice.types";

const c = (id: string, name: string, email: string | null = null): CustomerOption => ({ id, name, email, active: true });
const customers = [c("1", "Anna Schmidt", "anna@example.com"), c("2", "Jonas Müller", "jm@example.de"), c("3", "Hanna Berg"), c("4", "Zoë Anders")];

describe("matchCustomers", () => {
  it("matches words of name or e-mail, ignoring case and accents", () => {
    expect(matchCustomers(customers, "muller").map((x) => x.id)).toEqual(["2"]);
    expect(matchCustomers(customers, "schmidt ANNA").map((x) => x.id)).toEqual(["1"]);
    expect(matchCustomers(customers, "example.de").map((x) => x.id)).toEqual(["2"]);
    expect(matchCustomers(customers, "zoe").map((x) => x.id)).toEqual(["4"]);
  });

  it("puts names starting with the query first", () => {
    expect(matchCustomers(customers, "an").map((x) => x.id)).toEqual(["1", "3", "4"]);
  });

  it("limits the list, also for an empty query", () => {
    expect(matchCustomers(customers, "", 2).map((x) => x.id)).toEqual(["1", "2"]);
    expect(matchCustomers(customers, "a", 1)).toHaveLength(1);
  });
});
