// Pure: the "bookings await invoicing" Adaptive Card (≤ 1.5, Action.OpenUrl only) and the Workflows message around it.
import { formatMoney } from "../../shared/money";
import { cardTexts, type CardLanguage, type CardTexts } from "./cardTexts";
import type { AwaitingSummary, MoneyTotal } from "./notification.types";

/** Teams renders Adaptive Cards up to 1.5 (teams-platform.md §4.6). */
export const CARD_VERSION = "1.5";
/** Workflows and Teams refuse messages over 28 KB (teams-platform.md §4.2). */
export const MAX_MESSAGE_BYTES = 28 * 1024;
/** How many customers the card lists. */
export const TOP_CUSTOMERS = 5;

const MAX_NAME = 60;

/** An Adaptive Card as JSON. */
export type AdaptiveCardJson = { type: "AdaptiveCard"; version: string; body: object[]; actions: object[]; $schema: string };

/** The body posted to a Workflows webhook: one message with the card as its only attachment. */
export interface WorkflowsMessage {
  type: "message";
  attachments: [{ contentType: "application/vnd.microsoft.card.adaptive"; contentUrl: null; content: AdaptiveCardJson }];
}

/** What the card needs besides the summary. */
export interface CardOptions {
  /** Target of the "Open Invoices" button. */
  deepLink: string;
  /** Language of the texts, amounts and dates; default English. */
  language?: CardLanguage;
  /** Locale of amounts; default the language's ("en", "nl-NL"). */
  locale?: string;
  /** A card sent from setup to check the channel. */
  test?: boolean;
}

/** Totals of several currencies joined with " + "; none is "0". */
export function formatTotals(totals: MoneyTotal[], locale = "en"): string {
  return totals.length ? totals.map((t) => formatMoney(t.amount, t.currency, locale)).join(" + ") : "0";
}

/** "1 completed booking awaits invoicing" / "12 completed bookings await invoicing" (or in Dutch). */
export function headline(count: number, language: CardLanguage = "en"): string {
  return cardTexts(language).headline(count);
}

// Names come from Bookings: keep them short and unable to form a markdown link in the card.
function displayName(name: string, words: CardTexts): string {
  const plain = name.replace(/[[\]]/g, (c) => (c === "[" ? "(" : ")")).replace(/\s+/g, " ").trim() || words.noName;
  return plain.length > MAX_NAME ? `${plain.slice(0, MAX_NAME - 1)}…` : plain;
}

function subtitle(summary: AwaitingSummary, test: boolean, words: CardTexts): string {
  if (test) return words.testSubtitle;
  return summary.newCount > 0 ? words.newSince(summary.newCount) : words.stillWaiting;
}

/** The card for a summary. */
export function buildAwaitingCard(summary: AwaitingSummary, opts: CardOptions): AdaptiveCardJson {
  const words = cardTexts(opts.language);
  const locale = opts.locale ?? words.locale;
  const top = summary.topCustomers.slice(0, TOP_CUSTOMERS);
  const body: object[] = [
    { type: "TextBlock", text: (opts.test ? words.testPrefix : "") + words.headline(summary.count), size: "Large", weight: "Bolder", wrap: true },
    { type: "TextBlock", text: subtitle(summary, !!opts.test, words), isSubtle: true, wrap: true, spacing: "None" },
    {
      type: "FactSet",
      facts: [
        { title: words.bookings, value: String(summary.count) },
        { title: words.total, value: formatTotals(summary.totals, locale) },
        { title: words.oldestBooking, value: summary.oldestStart ? words.date(summary.oldestStart.slice(0, 10)) : words.none },
      ],
    },
  ];
  if (top.length) {
    body.push(
      { type: "TextBlock", text: words.topCustomers, weight: "Bolder", wrap: true, spacing: "Medium" },
      {
        type: "FactSet",
        facts: top.map((c) => ({
          title: displayName(c.name, words),
          value: `${formatMoney(c.amount, c.currency, locale)} · ${words.bookingCount(c.bookings)}`,
        })),
      },
    );
  }
  return {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: CARD_VERSION,
    body,
    // Workflows webhooks do not support Action.Submit; the button only opens the tab.
    actions: [{ type: "Action.OpenUrl", title: words.openInvoices, url: opts.deepLink }],
  };
}

/** The Workflows webhook body for a card (teams-platform.md §4.2). */
export function toWorkflowsMessage(card: AdaptiveCardJson): WorkflowsMessage {
  return { type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card }] };
}

/** Size of a message as posted (UTF-8 JSON). */
export const messageBytes = (message: unknown): number => Buffer.byteLength(JSON.stringify(message), "utf8");
