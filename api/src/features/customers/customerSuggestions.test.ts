// Covers the review queue's suggestions: a phone number in another notation, a name in another order, case, accents or
// spelling, each with its reason, ranked phone-and-name first, and nothing for a stranger.
import { describe, expect, it } from "vitest";
import { CustomerSuggestions, nameSimilarity, phoneTail, type SuggestionCandidate } from "./customerSuggestions";

const jan: SuggestionCandidate = { id: "jan", name: "Jan de Vries", email: "jan.devries@example.nl", phone: "+31 6 5550 0114" };
const janny: SuggestionCandidate = { id: "janny", name: "Janny de Vries", email: null, phone: null };
const other: SuggestionCandidate = { id: "other", name: "Anna Schmidt", email: "anna@example.com", phone: "06-55500114" };
const jose: SuggestionCandidate = { id: "jose", name: "José Núñez", email: null, phone: null };
const all = new CustomerSuggestions([other, janny, jan, jose]);
const ids = (name: string, phone: string | null = null) => all.suggest({ name, phone }).map((s) => [s.customerId, ...s.reasons].join(":"));

describe("phoneTail", () => {
  it.each([
    ["+31 6 5550 0114", "655500114"],
    ["06-55500114", "655500114"],
    ["0031 (0)6 555 00 114", "655500114"],
    ["12345", null],
    [null, null],
  ])("%s → %s", (phone, tail) => expect(phoneTail(phone)).toBe(tail));
});

describe("nameSimilarity", () => {
  it.each([
    ["the same words in another order and case", "vries, Jan de", "Jan de Vries", 1],
    ["accents left out", "Jose Nunez", "José Núñez", 1],
    ["no words at all", "", "Jan", 0],
  ])("%s", (_what, a, b, expected) => expect(nameSimilarity(a, b)).toBe(expected));

  it("finds a one-letter typo alike and another person not", () => {
    expect(nameSimilarity("Jan de Vires", "Jan de Vries")).toBeGreaterThanOrEqual(0.8);
    expect(nameSimilarity("Anna Schmidt", "Jan de Vries")).toBeLessThan(0.3);
  });
});

describe("CustomerSuggestions", () => {
  it.each([
    ["phone and name before a phone alone", "Jan de Vries", "0655500114", ["jan:phone:name", "other:phone", "janny:name"]],
    ["by name in another order and case, the exact name before a similar one", "VRIES, JAN DE", null, ["jan:name", "janny:name"]],
    ["by the words of a shorter name", "Jan Vries", null, ["jan:name"]],
    ["by name with a typo", "Jan de Vires", null, ["jan:name"]],
    ["by phone alone when the name differs, then by name", "Mevrouw Smit", "+31655500114", ["other:phone", "jan:phone"]],
    ["by name without accents", "jose nunez", null, ["jose:name"]],
    ["nothing for a stranger", "Piet Paulusma", "+31 20 555 0000", []],
    ["nothing for an attendee without name or phone", "", null, []],
  ])("suggests %s", (_what, name, phone, expected) => expect(ids(name, phone)).toEqual(expected));

  it("keeps at most three suggestions, and ranks an exact name over a similar one", () => {
    const many = new CustomerSuggestions([janny, jan, { ...jan, id: "jan2" }, { ...jan, id: "jan3" }, { ...jan, id: "jan4" }]);
    const out = many.suggest({ name: "Jan de Vries", phone: null });
    expect(out.map((s) => s.customerId)).toEqual(["jan", "jan2", "jan3"]);
    expect(out[0]).toEqual({ customerId: "jan", name: "Jan de Vries", email: "jan.devries@example.nl", phone: "+31 6 5550 0114", reasons: ["name"] });
  });
});
