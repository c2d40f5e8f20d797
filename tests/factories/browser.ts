// Debian's Chromium for browser tests, started the way this machine allows (no sandbox, no background networking).
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

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
