// Covers reading a Bookings customer's address: countries written as names in several languages or as codes, empty
// parts left out, the first address that says anything, and the first phone number.
import { describe, expect, it } from "vitest";
import { addressFromBookings, countryCodeOf, phoneFromBookings } from "./bookingsAddress";

describe("countryCodeOf", () => {
  it.each([
    ["Germany", "DE"],
    ["Deutschland", "DE"],
    ["Nederland", "NL"],
    ["the Netherlands", "NL"],
    ["België", "BE"],
    ["Belgique", "BE"],
    ["USA", "US"],
    ["nl", "NL"],
    ["UK", "GB"],
    ["Atlantis", undefined],
    ["XX", undefined],
    ["", undefined],
    [null, undefined],
  ])("%j → %j", (value, code) => {
    expect(countryCodeOf(value)).toBe(code);
  });
});

describe("addressFromBookings", () => {
  it("reads the first address that says anything, without empty parts", () => {
    expect(addressFromBookings([{ street: " ", city: "", countryOrRegion: "" }, { street: "Oudegracht 1", postalCode: "3511 AA", city: "Utrecht", countryOrRegion: "Nederland" }])).toEqual({
      street: "Oudegracht 1",
      postalCode: "3511 AA",
      city: "Utrecht",
      countryCode: "NL",
    });
    expect(addressFromBookings([{ street: "", city: "Berlin", countryOrRegion: "Germany", postalCode: "" }])).toEqual({ city: "Berlin", countryCode: "DE" });
  });

  it("is empty without addresses", () => {
    expect(addressFromBookings(undefined)).toEqual({});
    expect(addressFromBookings([])).toEqual({});
  });

  it("takes the first phone number", () => {
    expect(phoneFromBookings([{ number: " " }, { number: "+31 30 123 4567" }])).toBe("+31 30 123 4567");
    expect(phoneFromBookings(null)).toBeNull();
  });
});
