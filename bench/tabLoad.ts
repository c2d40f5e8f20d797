// Benchmark: the Invoices tab's first screen as a user gets it — the server as `npm start` runs it (built tab, built-in
// Graph emulator with the demo data, PGlite), headless Chromium at 4× CPU slowdown (CDP), time from navigation until
// the first booking row is in the page; and the JavaScript requested before it, raw and gzipped. Code the tab fetches
// once the list is there (the filter bar, tooltips) is not the first screen's: the page's own clock tells them apart
// (a row seen by a MutationObserver; each script's request start from Resource Timing), where timing the responses
// from outside raced with the chunks requested in the same frame as the rows.
// Usage: npm run build:tab && npm run bench:tab. Prints JSON.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "../tests/factories/browser";
import { startServerProcess } from "./harness";

const RUNS = 15;
const dist = path.resolve("tabs/dist");
if (!fs.existsSync(path.join(dist, "index.html"))) throw new Error("build the tab first: npm run build:tab");

const server = await startServerProcess({ graphUrl: undefined, store: { kind: "pglite" } });
const browser = await launchBrowser();
try {
  const times: number[] = [];
  let scripts: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    // When the first booking row enters the page, on the page's clock (0 = navigation start).
    await page.addInitScript(`new MutationObserver((_, observer) => {
      if (document.querySelector("[data-booking-id]")) { window.__listAt = performance.now(); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });`);
    await page.goto(`${server.url}/index.html#/invoices`);
    await page.locator("[data-booking-id]").first().waitFor({ timeout: 60_000 });
    const { listAt, before } = await page.evaluate<{ listAt: number; before: string[] }>(`(() => {
      const at = window.__listAt;
      const js = performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname.endsWith(".js") && e.startTime < at);
      return { listAt: at, before: js.map((e) => new URL(e.name).pathname) };
    })()`);
    times.push(Math.round(listAt));
    scripts = before;
    await context.close();
  }
  const sizes = scripts.map((p) => fs.readFileSync(path.join(dist, p.replace(/^\//, ""))));
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        benchmark: "tabLoad",
        cpuSlowdown: 4,
        runs: RUNS,
        listVisibleMs: { median: sorted[Math.floor(RUNS / 2)], min: sorted[0], max: sorted.at(-1) },
        firstScreenScripts: scripts.length,
        firstScreenJsKB: Math.round(sizes.reduce((n, b) => n + b.length, 0) / 1024),
        firstScreenJsGzipKB: Math.round(sizes.reduce((n, b) => n + gzipSync(b).length, 0) / 1024),
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await server.close();
}
