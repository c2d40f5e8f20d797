// Pure: the "bookings await invoicing" Adaptive Card (≤ 1.5, Action.OpenUrl only) and the Workflows message around it.
import { moneyString } from "../../shared/money";
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
  /** Locale of amounts; default "en". */
  locale?: string;
  /** A card sent from setup to check the channel. */
  test?: boolean;
}

/** An exact amount with its currency symbol, e.g. "€8,430.00"; formatted from the decimal string, never a float. */
export function formatMoney(amount: string, currency: string, locale = "en"): string {
  const exact = moneyString(amount, currency) as `${number}`;
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(exact);
  } catch {
    return `${currency} ${exact}`; // An unknown currency code still shows its amount.
  }
}

/** Totals of several currencies joined with " + "; none is "0". */
export function formatTotals(totals: MoneyTotal[], locale = "en"): string {
  return totals.length ? totals.map((t) => formatMoney(t.amount, t.currency, locale)).join(" + ") : "0";
}

/** "1 completed booking awaits invoicing" / "12 completed bookings await invoicing". */
export function headline(count: number): string {
  return count === 1 ? "1 completed booking awaits invoicing" : `${count} completed bookings await invoicing`;
}

// Names come from Bookings: keep them short and unable to form a markdown link in the card.
function displayName(name: string): string {
  const plain = name.replace(/[[\]]/g, (c) => (c === "[" ? "(" : ")")).replace(/\s+/g, " ").trim() || "(no name)";
  return plain.length > MAX_NAME ? `${plain.slice(0, MAX_NAME - 1)}…` : plain;
}

function subtitle(summary: AwaitingSummary, test: boolean): string {
  if (test) return "Test card from Bookings Invoicing: this is how notifications will look in this channel.";
  if (summary.newCount > 0) return summary.newCount === 1 ? "1 new since the last notice." : `${summary.newCount} new since the last notice.`;
  return "Still waiting since the last notice.";
}

/** The card for a summary. */
export function buildAwaitingCard(summary: AwaitingSummary, opts: CardOptions): AdaptiveCardJson {
  const locale = opts.locale ?? "en";
  const top = summary.topCustomers.slice(0, TOP_CUSTOMERS);
  const body: object[] = [
    { type: "TextBlock", text: (opts.test ? "Test: " : "") + headline(summary.count), size: "Large", weight: "Bolder", wrap: true },
    { type: "TextBlock", text: subtitle(summary, !!opts.test), isSubtle: true, wrap: true, spacing: "None" },
    {
      type: "FactSet",
      facts: [
        { title: "Bookings", value: String(summary.count) },
        { title: "Total", value: formatTotals(summary.totals, locale) },
        { title: "Oldest booking", value: summary.oldestStart ? summary.oldestStart.slice(0, 10) : "none" },
      ],
    },
  ];
  if (top.length) {
    body.push(
      { type: "TextBlock", text: "Top customers", weight: "Bolder", wrap: true, spacing: "Medium" },
      {
        type: "FactSet",
        facts: top.map((c) => ({
          title: displayName(c.name),
          value: `${formatMoney(c.amount, c.currency, locale)} · ${c.bookings === 1 ? "1 booking" : `${c.bookings} bookings`}`,
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
    actions: [{ type: "Action.OpenUrl", title: "Open Invoices", url: opts.deepLink }],
  };
}

/** The Workflows webhook body for a card (teams-platform.md §4.2). */
export function toWorkflowsMessage(card: AdaptiveCardJson): WorkflowsMessage {
  return { type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card }] };
}

/** Size of a message as posted (UTF-8 JSON). */
export const messageBytes = (message: unknown): number => Buffer.byteLength(JSON.stringify(message), "utf8");
