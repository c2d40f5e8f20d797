// Covers the in-memory customer matching of a sync: by Bookings id, then e-mail (any case), never a duplicate.
import { describe, expect, it } from "vitest";
import { planBookingsCustomers, type KnownCustomer } from "./planBookingsCustomers";

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};
const known = (over: Partial<KnownCustomer>): KnownCustomer => ({ id: "k1", bookingsCustomerId: "b1", name: "Ann", email: "ann@x.nl", active: true, ...over });

describe("planBookingsCustomers", () => {
  it.each([
    ["a new customer is created", [], [{ bookingsCustomerId: "b9", name: "Bo", email: "bo@x.nl" }], ["created"], 1, []],
    ["the same customer again is unchanged", [known({})], [{ bookingsCustomerId: "b1", name: "Ann", email: "ann@x.nl" }], ["unchanged"], 0, []],
    ["a rename through the Bookings id updates", [known({})], [{ bookingsCustomerId: "b1", name: "Anna", email: "ann@x.nl" }], ["updated"], 0, [["k1", "b1", "Anna", "ann@x.nl"]]],
    ["an e-mail match in another case takes the Bookings id", [known({ bookingsCustomerId: null })], [{ bookingsCustomerId: "b7", name: "Ann", email: "ANN@x.nl" }], ["updated"], 0, [["k1", "b7", "Ann", "ANN@x.nl"]]],
    ["an inactive customer comes back", [known({ active: false })], [{ bookingsCustomerId: "b1", name: "Ann", email: "ann@x.nl" }], ["updated"], 0, [["k1", "b1", "Ann", "ann@x.nl"]]],
    ["a second Bookings customer with the same e-mail maps onto the first", [known({})], [{ bookingsCustomerId: "b2", name: "Other", email: "ann@x.nl" }], ["unchanged"], 0, []],
    ["a new address in Bookings updates", [known({ address: {} })], [{ bookingsCustomerId: "b1", name: "Ann", email: "ann@x.nl", address: { city: "Gent", countryCode: "BE" } }], ["updated"], 0, [["k1", "b1", "Ann", "ann@x.nl"]]],
    ["the same address again is unchanged", [known({ address: { city: "Gent" }, phone: "+32 9 1" })], [{ bookingsCustomerId: "b1", name: "Ann", email: "ann@x.nl", address: { city: "Gent" }, phone: "+32 9 1" }], ["unchanged"], 0, []],
    ["an address edited in the app is kept", [known({ address: { city: "Gent" }, addressEdited: true })], [{ bookingsCustomerId: "b1", name: "Ann", email: "ann@x.nl", address: { city: "Brugge" } }], ["unchanged"], 0, []],
    ["a new phone number updates", [known({ phone: null })], [{ bookingsCustomerId: "b1", name: "Ann", email: "ann@x.nl", phone: "+32 9 1" }], ["updated"], 0, [["k1", "b1", "Ann", "ann@x.nl"]]],
  ])("%s", (_what, existing, incoming, outcomes, inserts, updates) => {
    const plan = planBookingsCustomers(existing as KnownCustomer[], incoming, ids());
    expect(plan.outcomes).toEqual(outcomes);
    expect(plan.inserts).toHaveLength(inserts);
    expect(plan.updates.map((u) => [u.id, u.bookingsCustomerId, u.name, u.email])).toEqual(updates);
  });

  it("never plans two customers for one e-mail within one sync", () => {
    const plan = planBookingsCustomers([], [
      { bookingsCustomerId: "b1", name: "Ann", email: "ann@x.nl" },
      { bookingsCustomerId: "b2", name: "Ann B", email: "Ann@X.nl" },
      { bookingsCustomerId: "b1", name: "Ann", email: "ann@x.nl" },
    ], ids());
    expect(plan.outcomes).toEqual(["created", "unchanged", "unchanged"]);
    expect(plan.inserts.map((i) => i.id)).toEqual(["new-1"]);
  });
});
