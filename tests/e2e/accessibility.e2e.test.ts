// axe-core (WCAG 2.1 A and AA) on every page and dialog of the tab, in light and dark and in Dutch: no serious or
// critical violation. One known false positive is left out: Fluent UI's focus sentinels (Tabster's
// `<i data-tabster-dummy tabindex="0" aria-hidden="true">`) trip aria-hidden-focus by design — they only pass focus
// on, and a screen reader must not announce them (microsoft/tabster#288; Accessibility Insights suppresses them too).
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { seriousViolations } from "./axe";
import { withBrowserPage } from "./browserPage";

describe("Accessibility of every page (axe-core)", () => {
  const app = withBrowserPage();
  let finalId: string;

  beforeAll(async () => {
    const api = client(app.server.url, await app.server.token());
    const open = (await api.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.filter((b: any) => b.customers.length === 1 && b.customers[0].customerId);
    const drafts = (await api.post("/api/invoices", { bookingIds: open.slice(0, 3).map((b: any) => b.id), groupBy: "booking" })).body.invoices;
    finalId = (await api.post(`/api/invoices/${drafts[0].id}/finalize`)).body.id;
  });

  /** Each page as a hash route (and query), with what to open on it before the scan. */
  const pages: [string, string, ((page: Page) => Promise<void>)?][] = [
    ["the bookings to invoice", "#/invoices"],
    ["the drafts, one opened", "#/invoices?view=drafts", (p) => p.getByRole("button", { name: "Show lines" }).first().click()],
    ["the final invoices", "#/invoices?view=drafts&status=final"],
    ["the review queue", "#/invoices?view=review"],
    ["the setup", "#/setup"],
    ["an invoice's dialog", "#/invoices?invoice={final}"],
    [
      "the preview of all loaded bookings",
      "#/invoices",
      async (p) => {
        await p.getByRole("checkbox", { name: "Select all loaded bookings" }).check();
        await p.getByTestId("preview-invoices").click();
        await p.getByRole("dialog").getByTestId("preview-totals").waitFor();
      },
    ],
    [
      "the edit dialog of a draft",
      "#/invoices?view=drafts",
      async (p) => {
        await p.getByRole("button", { name: /^Edit draft for / }).first().click();
        await p.getByRole("dialog").waitFor();
      },
    ],
  ];

  for (const theme of ["light", "dark"] as const) {
    it(`has no serious or critical violation in ${theme}`, async () => {
      const found: Record<string, string[]> = {};
      for (const [name, hash, open] of pages) {
        const page = await app.newPage({ dark: theme === "dark" });
        try {
          await page.goto(`${app.server.url}/index.html${theme === "dark" ? "?theme=dark" : ""}${hash.replace("{final}", finalId)}`);
          await page.getByRole("heading", { level: 1 }).first().waitFor();
          await open?.(page);
          found[name] = await seriousViolations(page);
        } finally {
          await page.context().close();
        }
      }
      expect(found).toEqual(Object.fromEntries(pages.map(([name]) => [name, []])));
    });
  }

  it("has no serious or critical violation in Dutch, nor on the first-run page", async () => {
    const found: Record<string, string[]> = {};
    for (const [name, query] of [
      ["Facturen", "?lang=nl#/invoices"],
      ["Concepten", "?lang=nl#/invoices?view=drafts"],
      ["Definitief", "?lang=nl#/invoices?view=drafts&status=final"],
      ["Instellingen", "?lang=nl#/setup"],
      ["first run", "?tenant=tenant-axe-first-run#/invoices"],
    ]) {
      const page = await app.newPage();
      try {
        await page.goto(`${app.server.url}/index.html${query}`);
        await page.getByRole("heading", { level: 1 }).first().waitFor();
        found[name!] = await seriousViolations(page);
        // Fluent's own button names ("Open", "Clear selection", "clear") in Dutch too.
        if (name !== "first run") {
          const english = await page.evaluate<string[]>(
            "[...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')).filter((l) => /^(Open|Clear selection|clear)\\b/.test(l))",
          );
          found[name!]!.push(...english.map((l) => `English label: ${l}`));
        }
      } finally {
        await page.context().close();
      }
    }
    expect(found).toEqual({ Facturen: [], Concepten: [], Definitief: [], Instellingen: [], "first run": [] });
  });
});
