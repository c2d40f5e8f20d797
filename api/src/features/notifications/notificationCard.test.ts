// Covers the pure notification card: its texts and facts in English and Dutch, exact money formatting, the deep link, and Teams' limits.
import { describe, expect, it } from "vitest";
import { adaptiveCardProblems, adaptiveCardVersion, typesIn } from "../../../../tests/factories/adaptiveCards";
import { invoicesDeepLink } from "./deepLink";
import type { AwaitingSummary } from "./notification.types";
import { cardLanguageOf } from "./cardTexts";
import { formatMoney } from "../../shared/money";
import { buildAwaitingCard, formatTotals, headline, MAX_MESSAGE_BYTES, messageBytes, toWorkflowsMessage } from "./notificationCard";

const APP_ID = "2f8c1b7e-0000-4000-8000-00000000abcd";
const deepLink = invoicesDeepLink(APP_ID);

const summary = (overrides: Partial<AwaitingSummary> = {}): AwaitingSummary => ({
  asOf: "2026-07-01T10:00:00.000Z",
  count: 12,
  newCount: 3,
  totals: [{ currency: "EUR", amount: "8430.50" }],
  oldestStart: "2026-06-01T08:30:00.000Z",
  topCustomers: [
    { name: "Anna de Vries", currency: "EUR", amount: "1250.00", bookings: 5 },
    { name: "Bram Jansen", currency: "EUR", amount: "62.50", bookings: 1 },
  ],
  ...overrides,
});

const textsOf = (card: { body: object[] }) => card.body.filter((e: any) => e.type === "TextBlock").map((e: any) => e.text);
const factsOf = (card: { body: object[] }) => card.body.filter((e: any) => e.type === "FactSet").map((e: any) => e.facts.map((f: any) => [f.title, f.value]));

describe("formatMoney", () => {
  it.each([
    ["8430.5", "EUR", "€8,430.50"],
    ["0", "EUR", "€0.00"],
    ["1200", "JPY", "¥1,200"],
    ["1.2345", "BHD", "BHD 1.235"],
    // Far beyond a double's 15–17 significant digits: still exact, because the string is formatted, not a float.
    ["12345678901234567.89", "EUR", "€12,345,678,901,234,567.89"],
    ["0.005", "EUR", "€0.01"],
  ])("%s %s → %s", (amount, currency, expected) => {
    expect(formatMoney(amount, currency).replace(/\u00a0/g, " ")).toBe(expected);
  });

  it("formats for a locale and joins several currencies", () => {
    expect(formatMoney("8430.5", "EUR", "nl-NL").replace(/\u00a0/g, " ")).toBe("€ 8.430,50");
    expect(formatTotals([{ currency: "EUR", amount: "10.00" }, { currency: "USD", amount: "2.50" }])).toBe("€10.00 + $2.50");
    expect(formatTotals([])).toBe("0");
  });
});

describe("buildAwaitingCard", () => {
  it("says how many bookings await, their total, the oldest date and the top customers", () => {
    const card = buildAwaitingCard(summary(), { deepLink });
    expect(textsOf(card)).toEqual(["12 completed bookings await invoicing", "3 new since the last notice.", "Top customers"]);
    expect(factsOf(card)).toEqual([
      [["Bookings", "12"], ["Total", "€8,430.50"], ["Oldest booking", "2026-06-01"]],
      [["Anna de Vries", "€1,250.00 · 5 bookings"], ["Bram Jansen", "€62.50 · 1 booking"]],
    ]);
    expect(card.actions).toEqual([{ type: "Action.OpenUrl", title: "Open Invoices", url: deepLink }]);
  });

  it("uses the singular, says when nothing is new, and leaves out an empty customer list", () => {
    const card = buildAwaitingCard(summary({ count: 1, newCount: 0, topCustomers: [] }), { deepLink });
    expect(textsOf(card)).toEqual(["1 completed booking awaits invoicing", "Still waiting since the last notice."]);
    expect(factsOf(card)).toHaveLength(1);
  });

  it("marks a test card as such", () => {
    const card = buildAwaitingCard(summary(), { deepLink, test: true });
    expect(textsOf(card).slice(0, 2)).toEqual([
      "Test: 12 completed bookings await invoicing",
      "Test card from Bookings Invoicing: this is how notifications will look in this channel.",
    ]);
  });

  it("shows at most five customers, with names that are short and cannot form a markdown link", () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ name: `[Customer ${i}](https://evil.example)`, currency: "EUR", amount: `${100 - i}.00`, bookings: 1 }));
    const long = { name: "x".repeat(500), currency: "EUR", amount: "1.00", bookings: 1 };
    const card = buildAwaitingCard(summary({ topCustomers: [long, ...many] }), { deepLink });
    const names = factsOf(card)[1]!.map(([name]: string[]) => name);
    expect(names).toHaveLength(5);
    expect(names[0]).toBe(`${"x".repeat(59)}…`);
    expect(names[1]).toBe("(Customer 0)(https://evil.example)");
  });

  it("is checked by an SDK that does report broken cards", () => {
    expect(adaptiveCardProblems({ type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "a", size: "Huge" }] })).toEqual(['parse: Invalid value "Huge" for property "size".']);
    expect(adaptiveCardProblems({ type: "AdaptiveCard", version: "1.5", body: [], actions: [{ type: "Action.OpenUrl", title: "x" }] })).toEqual(['validate: Property "url" must be set.']);
  });

  it("is a clean Adaptive Card 1.5 for Microsoft's SDK, without Action.Submit, well under 28 KB", () => {
    const worst = summary({
      count: 123_456,
      totals: ["EUR", "USD", "GBP"].map((currency) => ({ currency, amount: "99999999999.99" })),
      topCustomers: Array.from({ length: 5 }, () => ({ name: "Ω".repeat(1000), currency: "EUR", amount: "99999999999.99", bookings: 99_999 })),
    });
    for (const card of [buildAwaitingCard(summary(), { deepLink }), buildAwaitingCard(worst, { deepLink, test: true })]) {
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(adaptiveCardVersion(card)).toBe("1.5");
      expect(typesIn(card)).not.toContain("Action.Submit");
      expect(messageBytes(toWorkflowsMessage(card))).toBeLessThan(MAX_MESSAGE_BYTES / 4);
    }
  });

  it("wraps the card as the Workflows webhook expects", () => {
    const card = buildAwaitingCard(summary(), { deepLink });
    expect(toWorkflowsMessage(card)).toEqual({
      type: "message",
      attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card }],
    });
  });
});

describe("the card in the tenant's language", () => {
  it("follows a customer-template language that starts with nl, English otherwise", () => {
    expect(["nl", "nl-NL", "nl-BE", "NL", "en", "en-GB", "de-DE", "", undefined, null].map(cardLanguageOf)).toEqual(["nl", "nl", "nl", "nl", "en", "en", "en", "en", "en", "en"]);
  });

  it("words the card in Dutch, with amounts and the date formatted for nl-NL", () => {
    const card = buildAwaitingCard(summary(), { deepLink, language: "nl" });
    expect(textsOf(card)).toEqual(["12 afgeronde boekingen wachten op facturering", "3 nieuwe sinds de vorige melding.", "Belangrijkste klanten"]);
    expect(factsOf(card).map((facts: string[][]) => facts.map(([title, value]) => [title, value!.replace(/\u00a0/g, " ")]))).toEqual([
      [["Boekingen", "12"], ["Totaal", "€ 8.430,50"], ["Oudste boeking", "1 juni 2026"]],
      [["Anna de Vries", "€ 1.250,00 · 5 boekingen"], ["Bram Jansen", "€ 62,50 · 1 boeking"]],
    ]);
    expect(card.actions).toEqual([{ type: "Action.OpenUrl", title: "Facturen openen", url: deepLink }]);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it("uses the Dutch singular, says when nothing is new, and names a nameless customer and a missing date in Dutch", () => {
    const card = buildAwaitingCard(summary({ count: 1, newCount: 0, oldestStart: null, topCustomers: [{ name: "  ", currency: "EUR", amount: "5", bookings: 1 }] }), { deepLink, language: "nl" });
    expect(textsOf(card)).toEqual(["1 afgeronde boeking wacht op facturering", "Nog steeds open sinds de vorige melding.", "Belangrijkste klanten"]);
    expect(factsOf(card)[0]![2]).toEqual(["Oudste boeking", "geen"]);
    expect(factsOf(card)[1]![0]![0]).toBe("(geen naam)");
    expect(headline(7, "nl")).toBe("7 afgeronde boekingen wachten op facturering");
    expect(headline(7)).toBe("7 completed bookings await invoicing");
  });

  it("marks a Dutch test card as such", () => {
    const card = buildAwaitingCard(summary(), { deepLink, test: true, language: "nl" });
    expect(textsOf(card).slice(0, 2)).toEqual([
      "Test: 12 afgeronde boekingen wachten op facturering",
      "Testkaart van Bookings Invoicing: zo zien meldingen er in dit kanaal uit.",
    ]);
  });

  it("keeps English when asked for it, whatever locale the amounts use", () => {
    const card = buildAwaitingCard(summary(), { deepLink, language: "en" });
    expect(factsOf(card)[0]).toEqual([["Bookings", "12"], ["Total", "€8,430.50"], ["Oldest booking", "2026-06-01"]]);
    expect(card.actions).toEqual([{ type: "Action.OpenUrl", title: "Open Invoices", url: deepLink }]);
  });
});

describe("invoicesDeepLink", () => {
  it("points at the personal tab with a percent-encoded context", () => {
    expect(deepLink).toBe(
      `https://teams.microsoft.com/l/entity/${APP_ID}/invoices?label=Invoices&context=%7B%22subEntityId%22%3A%22awaiting-invoice%22%7D`,
    );
    const withWeb = new URL(invoicesDeepLink(APP_ID, { webUrl: "https://app.example/index.html#/invoices" }));
    expect(withWeb.searchParams.get("webUrl")).toBe("https://app.example/index.html#/invoices");
    expect(JSON.parse(withWeb.searchParams.get("context")!)).toEqual({ subEntityId: "awaiting-invoice" });
  });
});
