// Headless Chromium for browser tests: the system's (Debian's /usr/bin/chromium, or CHROMIUM_PATH) when there is one,
// else the one shipped inside the @sparticuz/chromium npm package, so `npm ci && npm test` needs nothing but Node.
import fs from "node:fs";
import path from "node:path";
import sparticuz from "@sparticuz/chromium";
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

const SYSTEM_CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => !!p);

// The packaged build is made for serverless hosts; its one-process flags would make every page share a renderer, and
// playwright sets its own headless mode.
const PACKAGED_FLAGS_DROPPED = new Set(["--single-process", "--no-zygote", "--headless='shell'"]);

/** Which Chromium to start and with which flags. */
export async function chromiumToLaunch(): Promise<{ executablePath: string; args: string[]; source: "system" | "npm" }> {
  const system = SYSTEM_CHROMIUM.find((p) => fs.existsSync(p));
  if (system) return { executablePath: system, args: CHROMIUM_ARGS, source: "system" };
  // Unpacks once into the OS temp folder (about 2 s), then reuses it.
  const executablePath = await sparticuz.executablePath();
  const args = [...new Set([...sparticuz.args.filter((a) => !PACKAGED_FLAGS_DROPPED.has(a)), ...CHROMIUM_ARGS])];
  return { executablePath, args, source: "npm" };
}

/** Launches headless Chromium and makes sure the screenshot folder exists. */
export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const { executablePath, args } = await chromiumToLaunch();
  return chromium.launch({ executablePath, args });
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
