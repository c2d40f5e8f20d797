// The Overview tab (#/overview) on known data — invoices finalized 40 days ago (overdue, last month's), today's, and a
// credit note: its KPI cards and every chart's table alternative show exactly what GET /api/insights answers, in
// English and Dutch, light, dark and high contrast, at 1280 and 375 px without spilling sideways; axe finds nothing
// serious; the table toggle, one tab stop per chart, the empty state of a tenant with nothing yet, and the error bar's
// retry work.
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { RESULTS } from "../factories/browser";
import { client } from "../factories/http";
import { seriousViolations } from "./axe";
import { sidewaysOverflow } from "./layout";
import { withBrowserPage } from "./browserPage";

type Lang = "en" | "nl";
type Theme = "light" | "dark" | "contrast";

/** The texts of a table's body rows, cell by cell. */
async function tableRows(page: Page, testId: string): Promise<string[][]> {
  return page.getByTestId(testId).evaluate((table) => [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
}

/** The words the page uses, per language: KPI details, age buckets. */
const WORDS = {
  en: { bookings: (n: string, c: number) => `${n} booking${c === 1 ? "" : "s"}`, invoices: (n: string, c: number) => `${n} invoice${c === 1 ? "" : "s"}`, ages: ["0–7 days", "8–30 days", "31–60 days", "> 60 days"] },
  nl: { bookings: (n: string, c: number) => `${n} boeking${c === 1 ? "" : "en"}`, invoices: (n: string, c: number) => `${n} factu${c === 1 ? "ur" : "ren"}`, ages: ["0–7 dagen", "8–30 dagen", "31–60 dagen", "> 60 dagen"] },
};

describe("The Overview page", () => {
  const app = withBrowserPage();
  let insights: any;

  beforeAll(async () => {
    const api = client(app.server.url, await app.server.token());
    const open = (await api.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.filter(
      (b: any) => b.customers.length === 1 && b.customers[0].customerId && Number(b.amount) > 0,
    );
    const realNow = app.server.api.ctx.now;
    const past = new Date(realNow().getTime() - 40 * 86_400_000);
    // Two invoices issued 40 days ago, for bookings that had ended by then: overdue today, and in an earlier month.
    const old = open.filter((b: any) => Date.parse(b.end) < past.getTime()).slice(0, 2);
    expect(old).toHaveLength(2);
    app.server.api.ctx.now = () => past;
    try {
      const drafts = (await api.post("/api/invoices", { bookingIds: old.map((b: any) => b.id), groupBy: "booking" })).body.invoices;
      for (const d of drafts) expect((await api.post(`/api/invoices/${d.id}/finalize`)).status).toBe(200);
    } finally {
      app.server.api.ctx.now = realNow;
    }
    // Three of today: two final, one of them partly credited, and a draft that counts nowhere.
    const recent = open.filter((b: any) => !old.includes(b)).slice(0, 3);
    const drafts = (await api.post("/api/invoices", { bookingIds: recent.map((b: any) => b.id), groupBy: "booking" })).body.invoices;
    const finals = [];
    for (const d of drafts.slice(0, 2)) finals.push((await api.post(`/api/invoices/${d.id}/finalize`)).body);
    const credit = await api.post(`/api/invoices/${finals[0].id}/credit-notes`, { reason: "Goodwill", lines: [{ lineId: finals[0].lines[0].id, amount: "5.00" }] });
    expect(credit.status, JSON.stringify(credit.body)).toBe(201);

    insights = (await api.get("/api/insights")).body;
    expect(insights.outstanding[0].count).toBe(4);
    expect(insights.outstanding[0].overdue.count).toBeGreaterThanOrEqual(2);
    expect(insights.invoiced.filter((m: any) => m.invoices > 0).length).toBeGreaterThanOrEqual(1);
  });

  /** What the page must show, formatted by the page's own Intl for `locale`. */
  async function expected(page: Page, lang: Lang, locale: string) {
    const format = await page.evaluate(
      ({ insights, locale }) => {
        const money = (amount: string, currency: string) => new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount as `${number}`);
        const count = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
        const month = (ym: string) => new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${ym}-01T00:00:00Z`));
        const ranked = (rows: any[]) => rows.map((r) => [r.name, count(r.count), money(r.amount, r.currency)]);
        return {
          awaiting: [money(insights.awaiting.totals[0].amount, insights.currency), count(insights.awaiting.totals[0].count), insights.awaiting.totals[0].count],
          outstanding: [money(insights.outstanding[0].amount, insights.currency), count(insights.outstanding[0].count), insights.outstanding[0].count],
          overdue: [money(insights.outstanding[0].overdue.amount, insights.currency), count(insights.outstanding[0].overdue.count), insights.outstanding[0].overdue.count],
          age: insights.awaiting.byAge.map((r: any) => [count(r.count), money(r.amount, r.currency)]),
          service: ranked(insights.awaiting.byService),
          staff: ranked(insights.awaiting.byStaff),
          invoiced: insights.invoiced.map((m: any) => [month(m.month), count(m.invoices), count(m.creditNotes), money(m.net, m.currency)]),
        };
      },
      { insights, locale },
    );
    const w = WORDS[lang];
    return {
      kpis: {
        awaiting: [format.awaiting[0], w.bookings(format.awaiting[1] as string, format.awaiting[2] as number)],
        outstanding: [format.outstanding[0], w.invoices(format.outstanding[1] as string, format.outstanding[2] as number)],
        overdue: [format.overdue[0], w.invoices(format.overdue[1] as string, format.overdue[2] as number)],
      },
      tables: {
        "chart-age-table": format.age.map((cells: string[], i: number) => [w.ages[i], ...cells]),
        "chart-service-table": format.service,
        "chart-staff-table": format.staff,
        "chart-invoiced-table": format.invoiced,
      },
    };
  }

  /** What the page shows: the KPI cards' amount and detail, and each chart's table rows. */
  async function shown(page: Page) {
    const kpi = async (id: string) => [await page.getByTestId(`kpi-${id}`).getByTestId("kpi-amount").textContent(), await page.getByTestId(`kpi-${id}`).getByTestId("kpi-count").textContent()];
    return {
      kpis: { awaiting: await kpi("awaiting"), outstanding: await kpi("outstanding"), overdue: await kpi("overdue") },
      tables: Object.fromEntries(await Promise.all(["chart-age-table", "chart-service-table", "chart-staff-table", "chart-invoiced-table"].map(async (id) => [id, await tableRows(page, id)]))),
    };
  }

  const combos: [Lang, Theme, number, boolean][] = [
    ["en", "light", 1280, true],
    ["en", "dark", 375, true],
    ["nl", "dark", 1280, true],
    ["nl", "light", 375, true],
    ["en", "dark", 1280, false],
    ["nl", "light", 1280, false],
    ["en", "light", 375, false],
    ["nl", "dark", 375, false],
    ["en", "contrast", 1280, false],
  ];
  for (const [lang, theme, width, axe] of combos) {
    it(`shows the API's figures in ${lang === "en" ? "English" : "Dutch"}, ${theme}, at ${width} px, spilling nowhere${axe ? ", and axe finds nothing serious" : ""}`, async () => {
      const page = await app.newPage({ width, height: 900, dark: theme === "dark" });
      try {
        const query = [lang === "nl" ? "lang=nl" : "", theme === "light" ? "" : `theme=${theme}`].filter(Boolean).join("&");
        await page.goto(`${app.server.url}/index.html${query ? `?${query}` : ""}#/overview`);
        await page.getByRole("heading", { level: 1, name: lang === "en" ? "Overview" : "Overzicht" }).waitFor();
        await page.getByTestId("kpi-awaiting").waitFor();
        await page.waitForLoadState("networkidle");
        // Every chart is drawn, and named.
        const charts = lang === "en" ? ["Awaiting invoicing by age", "Invoiced per month", "Awaiting invoicing by service", "Awaiting invoicing by staff member"] : ["Wacht op facturering, naar ouderdom", "Gefactureerd per maand", "Wacht op facturering, per dienst", "Wacht op facturering, per medewerker"];
        for (const name of charts) await page.getByLabel(`${name}, ${lang === "en" ? "bar chart" : "staafdiagram"}`, { exact: true }).waitFor();
        expect(await shown(page)).toEqual(await expected(page, lang, lang === "en" ? "en-GB" : "nl"));
        await page.screenshot({ path: path.join(RESULTS, `overview-${lang}-${theme}-${width}.png`), fullPage: true });
        expect(await sidewaysOverflow(page)).toEqual([]);
        if (axe) expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await page.context().close();
      }
      expect(app.pageErrors).toEqual([]);
    });
  }

  it("shows a chart's table instead of the chart on request, and is reached from the app bar", async () => {
    const page = await app.newPage();
    try {
      await page.goto(`${app.server.url}/index.html#/invoices`);
      await page.getByRole("navigation").getByRole("tab", { name: "Overview" }).click();
      const card = page.getByTestId("chart-age");
      await card.getByLabel("Awaiting invoicing by age, bar chart").waitFor();
      expect(new URL(page.url()).hash).toBe("#/overview");
      const table = card.getByRole("table", { name: "Awaiting invoicing by age" });
      // Out of sight (in a 1 px clipped box) but in the page while the chart shows.
      const box = table.locator("xpath=..");
      expect((await box.boundingBox())?.width).toBe(1);
      await card.getByRole("button", { name: "Show as table" }).click();
      await expect.poll(async () => (await box.boundingBox())?.width ?? 0).toBeGreaterThan(200);
      expect(await card.getByLabel("Awaiting invoicing by age, bar chart").count()).toBe(0);
      expect(await card.getByRole("button", { name: "Show as table" }).getAttribute("aria-pressed")).toBe("true");
      await card.getByRole("button", { name: "Show as table" }).click();
      await card.getByLabel("Awaiting invoicing by age, bar chart").waitFor();
    } finally {
      await page.context().close();
    }
  });

  it("takes one tab stop per chart, with arrow keys between its bars", async () => {
    const page = await app.newPage();
    try {
      await page.goto(`${app.server.url}/index.html#/overview`);
      const service = page.getByTestId("chart-service");
      await service.getByLabel("Awaiting invoicing by service, bar chart").waitFor();
      const names = insights.awaiting.byService.map((r: any) => r.name);
      const focused = () => page.evaluate<string>('document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? ""');
      await service.getByRole("button", { name: "Show as table" }).focus();
      await page.keyboard.press("Tab");
      expect((await focused()).startsWith(`${names[0]}: `)).toBe(true);
      await page.keyboard.press("ArrowDown");
      expect((await focused()).startsWith(`${names[1]}: `)).toBe(true);
      await page.keyboard.press("Tab");
      expect(await focused()).toBe("Show as table");
      expect(await page.getByTestId("chart-staff").getByRole("button", { name: "Show as table" }).evaluate((b) => b === b.ownerDocument.activeElement)).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it("tells a tenant with nothing yet that there is nothing to show, in Dutch too", async () => {
    const page = await app.newPage({ width: 375 });
    try {
      await page.goto(`${app.server.url}/index.html?tenant=tenant-overview-empty&lang=nl#/overview`);
      const empty = page.getByTestId("overview-empty");
      await empty.getByText("Nog niets te zien").waitFor();
      expect(await page.getByTestId("kpi-awaiting").count()).toBe(0);
      await empty.getByRole("button", { name: "Naar Facturen" }).click();
      await expect.poll(() => new URL(page.url()).hash).toBe("#/invoices");
    } finally {
      await page.context().close();
    }
  });

  it("shows why the figures could not be loaded, and loads them on Retry", async () => {
    const page = await app.newPage();
    try {
      await page.route("**/api/insights*", (route) => route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "UNAVAILABLE", message: "The database is busy." } }) }));
      await page.goto(`${app.server.url}/index.html#/overview`);
      await page.getByText("The overview could not be loaded").waitFor();
      await page.getByText("The database is busy.").waitFor();
      await page.unroute("**/api/insights*");
      await page.getByRole("button", { name: "Retry" }).click();
      await page.getByTestId("kpi-awaiting").waitFor();
      expect(await page.getByText("The overview could not be loaded").count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });
});
