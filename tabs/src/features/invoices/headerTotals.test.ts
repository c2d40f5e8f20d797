// Covers the Invoices header's totals line: the amount, which side of VAT it is on, and the estimate on the other side
// in English and Dutch, worked out exactly from the server's VAT; nothing about VAT while the setup does not say.
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../shared/format";
import { setLanguage } from "../../shared/i18n/i18n";
import { showsVatEstimate, totalsText } from "./headerTotals";

afterEach(() => {
  setLanguage("en");
  setLocale(undefined);
});

const awaiting = { filtered: false, cancelledOnDraft: false };

describe("the header's totals", () => {
  it("adds the VAT to amounts that exclude it, and takes it out of amounts that include it", () => {
    setLocale("en-GB");
    // 4,330.25 at 21 %: 909.3525, half-up 909.35.
    const totals = { count: 35, amount: "4330.25", currency: "EUR", tax: "909.35" };
    expect(totalsText(totals, { ...awaiting, pricesIncludeTax: false })).toBe("35 bookings awaiting invoicing · €4,330.25 excl. VAT (≈ €5,239.60 incl. VAT)");
    expect(totalsText({ ...totals, amount: "5239.60" }, { ...awaiting, pricesIncludeTax: true })).toBe("35 bookings awaiting invoicing · €5,239.60 incl. VAT (≈ €4,330.25 excl. VAT)");
    expect(totalsText({ count: 1, amount: "0.10", currency: "EUR", tax: "0.02" }, { filtered: true, cancelledOnDraft: false, pricesIncludeTax: true })).toBe(
      "1 booking awaiting invoicing (filtered) · €0.10 incl. VAT (≈ €0.08 excl. VAT)",
    );
  });

  it("says it in Dutch with Dutch amounts", () => {
    setLanguage("nl");
    setLocale("nl-NL");
    const totals = { count: 35, amount: "4330.25", currency: "EUR", tax: "909.35" };
    expect(totalsText(totals, { ...awaiting, pricesIncludeTax: false })).toBe("35 boekingen wachten op facturering · €\u00a04.330,25 excl. btw (≈ €\u00a05.239,60 incl. btw)");
    expect(totalsText({ ...totals, amount: "5239.60" }, { ...awaiting, pricesIncludeTax: true })).toBe("35 boekingen wachten op facturering · €\u00a05.239,60 incl. btw (≈ €\u00a04.330,25 excl. btw)");
  });

  it("adds nothing without VAT, without an estimate, or while the setup does not say which side the amounts are on", () => {
    setLocale("en-GB");
    const totals = { count: 2, amount: "120.00", currency: "EUR" };
    expect(totalsText({ ...totals, tax: "0.00" }, { ...awaiting, pricesIncludeTax: false })).toBe("2 bookings awaiting invoicing · €120.00 excl. VAT");
    expect(totalsText({ ...totals, tax: null }, { ...awaiting, pricesIncludeTax: true })).toBe("2 bookings awaiting invoicing · €120.00 incl. VAT");
    expect(totalsText(totals, { ...awaiting, pricesIncludeTax: true })).toBe("2 bookings awaiting invoicing · €120.00 incl. VAT");
    expect(totalsText({ ...totals, tax: "25.20" }, { ...awaiting, pricesIncludeTax: null })).toBe("2 bookings awaiting invoicing · €120.00");
    expect(totalsText({ ...totals, tax: "25.20" }, awaiting)).toBe("2 bookings awaiting invoicing · €120.00");
    expect([showsVatEstimate({ ...totals, tax: "25.20" }, false), showsVatEstimate({ ...totals, tax: "0" }, false), showsVatEstimate({ ...totals, tax: "25.20" }, null)]).toEqual([true, false, false]);
  });

  it("keeps the cents exact where floating point would not", () => {
    setLocale("en-GB");
    // 0.1 + 0.2 in binary floating point is 0.30000000000000004.
    expect(totalsText({ count: 1, amount: "0.10", currency: "EUR", tax: "0.20" }, { filtered: false, cancelledOnDraft: true, pricesIncludeTax: false })).toBe(
      "1 booking cancelled but still on a draft · €0.10 excl. VAT (≈ €0.30 incl. VAT)",
    );
  });
});
