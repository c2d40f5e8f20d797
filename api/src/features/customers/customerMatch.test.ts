// Covers the customer-matching rule: Bookings id first, then e-mail in any case; first owner of a key keeps it.
import { describe, expect, it } from "vitest";
import { CustomerMatch, type CustomerKeys } from "./customerMatch";

type C = CustomerKeys & { id: string };
const matcher = (...customers: C[]) => {
  const m = new CustomerMatch<C>((c) => c);
  customers.forEach((c) => m.add(c));
  return m;
};
const ann: C = { id: "ann", bookingsCustomerId: "b1", email: "ann@x.nl" };
const bo: C = { id: "bo", bookingsCustomerId: null, email: "Bo@X.nl" };

describe("CustomerMatch", () => {
  it.each([
    ["by Bookings id", { bookingsCustomerId: "b1", email: null }, "ann"],
    ["by Bookings id before e-mail", { bookingsCustomerId: "b1", email: "bo@x.nl" }, "ann"],
    ["by e-mail in another case when the Bookings id is unknown", { bookingsCustomerId: "b9", email: "BO@x.NL" }, "bo"],
    ["nothing without keys", { bookingsCustomerId: null, email: null }, undefined],
    ["nothing for an unknown e-mail", { bookingsCustomerId: null, email: "cy@x.nl" }, undefined],
  ])("finds %s", (_what, keys, id) => {
    expect(matcher(ann, bo).find(keys)?.id).toBe(id);
  });

  it("keeps a key with its first customer", () => {
    expect(matcher(ann, { id: "twin", bookingsCustomerId: "b2", email: "ANN@x.nl" }).find({ bookingsCustomerId: null, email: "ann@x.nl" })?.id).toBe("ann");
  });

  it("finds a customer by its new keys after remove, change and add", () => {
    const m = matcher(ann);
    const moved = { ...ann };
    m.remove(ann);
    m.add(Object.assign(moved, { email: "ann@new.nl" }));
    expect(m.find({ bookingsCustomerId: null, email: "ann@x.nl" })).toBeUndefined();
    expect(m.find({ bookingsCustomerId: null, email: "ann@new.nl" })?.id).toBe("ann");
  });

  it("removes only keys the customer owns", () => {
    const m = matcher(ann);
    m.remove({ id: "other", bookingsCustomerId: "b1", email: "ann@x.nl" });
    expect(m.find({ bookingsCustomerId: "b1", email: null })?.id).toBe("ann");
  });
});
