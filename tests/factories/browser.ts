// Debian's Chromium for browser tests, started the way this machine allows (no sandbox, no background networking).
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** Where screenshots go. */
export const RESULTS = path.resolve("test-results");

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches headless Chromium from /usr/bin/chromium and makes sure the screenshot folder exists. */
export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(RESULTS, { recursive: true });
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** A page sized like a Teams tab on a laptop, collecting uncaught page errors into `errors`. */
export async function openPage(browser: Browser, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
  page.on("pageerror", (err) => errors.push(err.message));
  return page;
}

/** Reads N from the Invoices header "N bookings awaiting invoicing · €X". */
export async function awaitingCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("totals").textContent()) ?? "";
  const match = /^(\d+) bookings? awaiting invoicing/.exec(text.trim());
  if (!match) throw new Error(`unexpected totals text: ${text}`);
  return Number(match[1]);
}

/** Booking rows the (windowed) grid has rendered. */
export function bookingRows(page: Page) {
  return page.getByRole("row").and(page.locator("[data-booking-id]"));
}
