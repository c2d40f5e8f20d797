// Covers the UI text resources: Dutch has exactly the English keys, no empty or untranslated values, the same placeholders, and working plurals.
import { afterEach, describe, expect, it } from "vitest";
import { en } from "./en";
import { nl } from "./nl";
import { i18n, setLanguage, t } from "./i18n";

/** Every leaf of a resource tree as [dotted key, value]. */
function leaves(tree: object, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : leaves(value as object, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

// Values that are the same word in Dutch (brand names, units, loanwords).
const SAME_IN_DUTCH = new Set([
  "app.brand",
  "format.minutes",
  "format.seconds",
  "format.minutesSeconds",
  "setup.itemTemplate.type",
  "setup.supplier.iban",
  "setup.supplier.bic",
  "setup.supplier.logo",
  "invoices.dates.week",
  "invoices.filters.chip",
  "invoices.filters.open",
  "invoices.filters.openCount",
  "setup.supplier.website",
  "setup.sync.minutes",
  "sync.runs.status",
]);

afterEach(() => setLanguage("en"));

describe("UI text resources", () => {
  const english = leaves(en);
  const dutch = new Map(leaves(nl));

  it("gives Dutch exactly the keys of English", () => {
    expect([...dutch.keys()].sort()).toEqual(english.map(([key]) => key).sort());
    expect(english.length).toBeGreaterThan(300);
  });

  it("leaves no Dutch value empty, and translates every value but a few known words", () => {
    const empty = [...dutch].filter(([, value]) => !value.trim()).map(([key]) => key);
    expect(empty).toEqual([]);
    const untranslated = english.filter(([key, value]) => dutch.get(key) === value && !SAME_IN_DUTCH.has(key)).map(([key]) => key);
    expect(untranslated).toEqual([]);
    // The list of exceptions stays honest: each one really is the same in both languages.
    expect([...SAME_IN_DUTCH].filter((key) => dutch.get(key) !== english.find(([k]) => k === key)?.[1])).toEqual([]);
  });

  it("keeps every placeholder of the English text in the Dutch text", () => {
    const mismatched = english.filter(([key, value]) => placeholders(value).join() !== placeholders(dutch.get(key) ?? "").join()).map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("never puts a dot in a key (the key separator) and pairs every _one with an _other", () => {
    const segments = (tree: object): string[] => Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [k] : [k, ...segments(v as object)]));
    expect(segments(en).filter((k) => k.includes("."))).toEqual([]);
    const keys = english.map(([key]) => key.split(".").at(-1) ?? "");
    const ones = keys.filter((k) => k.endsWith("_one")).map((k) => k.slice(0, -4));
    const others = new Set(keys.filter((k) => k.endsWith("_other")).map((k) => k.slice(0, -6)));
    expect(ones.filter((k) => !others.has(k))).toEqual([]);
  });

  it("translates with plurals and placeholders in both languages", () => {
    expect(t("invoices.header.awaiting", { count: 1, amount: "€10.00" })).toBe("1 booking awaiting invoicing · €10.00");
    expect(t("invoices.header.awaiting", { count: 3, amount: "€30.00" })).toBe("3 bookings awaiting invoicing · €30.00");
    setLanguage("nl");
    expect(i18n.language).toBe("nl");
    expect(t("invoices.header.awaiting", { count: 1, amount: "€ 10,00" })).toBe("1 boeking wacht op facturering · € 10,00");
    expect(t("invoices.header.awaiting", { count: 0, amount: "€ 0,00" })).toBe("0 boekingen wachten op facturering · € 0,00");
    expect(t("sync.syncNow")).toBe("Nu synchroniseren");
  });
});
