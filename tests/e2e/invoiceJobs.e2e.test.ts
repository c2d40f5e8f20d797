// Drives a create of more than 500 bookings in Chromium: the preview says it lists only the first drafts, "Create drafts" answers 202 and the dialog follows the job with a progress bar to its outcome, the page keeps a job in view once the dialog is closed, and a stopped job says why; in light, dark, Dutch and at phone width.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { client } from "../factories/http";
import { waitForJob } from "../factories/jobs";
import { RESULTS, bookingRows } from "../factories/browser";
import { seedBookings } from "../factories/seedBookings";
import { withBrowserPage } from "./browserPage";

const BOOKINGS = 1_200;
const CUSTOMERS = 30;

/** Labels the flow clicks, per UI language. */
const WORDS = {
  en: { selectAll: "Select all loaded bookings", perBooking: "booking", perCustomer: "customer" },
  nl: { selectAll: "Alle geladen boekingen selecteren", perBooking: "boeking", perCustomer: "klant" },
};

/** Saves test-results/jobs-<name>.png once finite animations have finished (an indeterminate bar never does). */
async function shot(page: Page, name: string) {
  await page.evaluate(
    "Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null)))",
  );
  await page.screenshot({ path: path.join(RESULTS, `jobs-${name}.png`) });
}

/**
 * Lets the test hold GET /api/jobs/:id answers at a state of its choosing: a job of 1,200 bookings is done before a
 * screenshot could catch it running. The request still reaches the server; only its answer is rewritten while held.
 */
async function controlJobs(page: Page) {
  let hold: ((real: any) => any) | null = null;
  const real: any[] = [];
  await page.route(/\/api\/jobs\/[^/?]+$/, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    real.push(body);
    await route.fulfill({ response, json: hold ? hold(body) : body });
  });
  return {
    hold: (rewrite: (real: any) => any) => void (hold = rewrite),
    release: () => void (hold = null),
    real,
  };
}

/** Closes a page whose job answers may still be in flight through the route. */
async function closePage(page: Page) {
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.close();
}

/** The job as it would look while running with `done` of its bookings handled. */
const runningAt = (done: number) => (job: any) => ({ ...job, status: "running", total: BOOKINGS, done, failed: 0, result: null, finishedAt: null });

describe("Large creates as jobs in the browser", () => {
  const app = withBrowserPage({ server: { demo: false } });
  let tenants = 0;

  /** A fresh tenant with BOOKINGS bookings of CUSTOMERS customers, and the tab signed in to it (`?tenant=`). */
  async function openSeeded(opts: { query?: string; width?: number; dark?: boolean } = {}) {
    const tenantId = `tab-jobs-${++tenants}`;
    await seedBookings(app.server.api.ctx.db, { tenantId, bookings: BOOKINGS, customers: CUSTOMERS, prefix: tenantId });
    const page = await app.newPage({ width: opts.width, dark: opts.dark });
    const jobs = await controlJobs(page);
    await page.goto(`${app.server.url}/index.html?tenant=${tenantId}${opts.query ?? ""}#/invoices`);
    await bookingRows(page).first().waitFor();
    return { page, jobs, tenantId };
  }

  /** Selects every matching booking and opens the preview; answers the dialog once its totals show. */
  async function previewAll(page: Page, words: (typeof WORDS)["en"]) {
    await page.getByRole("checkbox", { name: words.selectAll }).check();
    await page.getByTestId("select-all-banner").getByRole("button").click();
    await expect.poll(() => page.getByTestId("selection-summary").textContent()).toContain(String(BOOKINGS));
    await page.getByTestId("preview-invoices").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByTestId("preview-totals").waitFor();
    await expect.poll(() => dialog.locator('[data-stat="Drafts"]').textContent()).toBe(String(CUSTOMERS));
    return dialog;
  }

  /** Clicks Create and checks that the server answered 202 with a job. */
  async function createAsJob(page: Page) {
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/invoices"),
      page.getByRole("dialog").getByTestId("create-drafts").click(),
    ]);
    expect(answer.status()).toBe(202);
    const body = await answer.json();
    expect(body.job).toMatchObject({ kind: "createInvoices", total: BOOKINGS });
    return body.jobId as string;
  }

  it("says a large preview lists only the first drafts, then follows the job from queued to its outcome", async () => {
    const { page, jobs } = await openSeeded();
    const dialog = await previewAll(page, WORDS.en);
    expect(await dialog.getByTestId("preview-listed").count()).toBe(0);

    // One draft per booking: 1,200 drafts, of which the preview lists the first 200.
    await dialog.getByRole("radio", { name: WORDS.en.perBooking, exact: true }).check();
    await expect.poll(() => dialog.locator('[data-stat="Drafts"]').textContent()).toBe("1,200");
    expect(await dialog.getByTestId("preview-listed").textContent()).toBe("Showing the first 200 of 1,200 drafts; the totals cover all of them.");
    await shot(page, "preview-listed");
    await dialog.getByRole("radio", { name: WORDS.en.perCustomer, exact: true }).check();
    await expect.poll(() => dialog.locator('[data-stat="Drafts"]').textContent()).toBe(String(CUSTOMERS));
    expect(await dialog.getByTestId("preview-listed").count()).toBe(0);

    jobs.hold((job) => ({ ...job, status: "queued", done: 0, failed: 0, startedAt: null }));
    await createAsJob(page);
    const text = dialog.getByTestId("create-job-text");
    const bar = dialog.getByRole("progressbar", { name: "Progress of creating the drafts" });
    await expect.poll(() => text.textContent()).toBe("Creating drafts: waiting to start (1,200 bookings)");
    expect(await text.getAttribute("aria-live")).toBe("polite");
    expect(await bar.getAttribute("aria-valuenow")).toBeNull(); // indeterminate while queued
    await shot(page, "queued");

    jobs.hold(runningAt(480));
    await expect.poll(() => text.textContent()).toBe("Creating drafts: 480 of 1,200 bookings");
    expect(await bar.getAttribute("aria-valuenow")).toBe("0.4");
    expect(await bar.getAttribute("aria-valuetext")).toBe("40%, Creating drafts: 480 of 1,200 bookings");
    expect(await dialog.getByRole("button", { name: "Close" }).isEnabled()).toBe(true);
    await shot(page, "progress");

    jobs.release();
    const outcome = dialog.getByTestId("create-outcome");
    await outcome.getByText(`Created ${CUSTOMERS} draft invoices`).waitFor();
    expect(await outcome.textContent()).toContain("1,200 lines · total €");
    expect(jobs.real.at(-1)).toMatchObject({ status: "succeeded", total: BOOKINGS, done: BOOKINGS, failed: 0, result: { invoices: CUSTOMERS, lines: BOOKINGS } });
    await shot(page, "created");

    await dialog.getByRole("button", { name: "View drafts" }).click();
    await expect.poll(() => page.locator("[data-invoice-id]").count()).toBe(CUSTOMERS);
    expect(app.pageErrors).toEqual([]);
    await closePage(page);
  });

  it("keeps a running job on the page once the dialog is closed, and tells its outcome there (dark theme)", async () => {
    const { page, jobs } = await openSeeded({ query: "&theme=dark", dark: true });
    const dialog = await previewAll(page, WORDS.en);
    await shot(page, "dark-preview");
    jobs.hold(runningAt(720));
    await createAsJob(page);
    await expect.poll(() => dialog.getByTestId("create-job-text").textContent()).toBe("Creating drafts: 720 of 1,200 bookings");
    await shot(page, "dark-progress");

    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "detached" });
    const banner = page.getByTestId("create-job-banner");
    await expect.poll(() => banner.getByTestId("create-job-text").textContent()).toBe("Creating drafts: 720 of 1,200 bookings");
    expect(await banner.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.6");
    // The job took the selection: nothing stays selected behind it.
    await expect.poll(() => page.getByTestId("selection-summary").textContent()).not.toContain(String(BOOKINGS));
    await shot(page, "dark-banner");

    jobs.release();
    const notice = page.getByTestId("notice");
    await notice.getByText(`Created ${CUSTOMERS} draft invoices`).waitFor();
    await banner.waitFor({ state: "detached" });
    await shot(page, "dark-notice");
    await notice.getByRole("button", { name: "View drafts" }).click();
    await expect.poll(() => page.locator("[data-invoice-id]").count()).toBe(CUSTOMERS);
    expect(app.pageErrors).toEqual([]);
    await closePage(page);
  });

  it("speaks Dutch with Dutch numbers", async () => {
    const { page, jobs } = await openSeeded({ query: "&lang=nl" });
    const dialog = await previewAll(page, WORDS.nl);
    await dialog.getByRole("radio", { name: WORDS.nl.perBooking, exact: true }).check();
    await expect.poll(() => dialog.getByTestId("preview-listed").textContent()).toBe(
      "De eerste 200 van 1.200 concepten worden getoond; de totalen gelden voor alle concepten.",
    );
    await shot(page, "nl-preview-listed");
    await dialog.getByRole("radio", { name: WORDS.nl.perCustomer, exact: true }).check();
    await expect.poll(() => dialog.locator('[data-stat="Drafts"]').textContent()).toBe(String(CUSTOMERS));

    jobs.hold(runningAt(480));
    await createAsJob(page);
    // A loaded machine may start the job after the default 5 s of polling.
    await expect.poll(() => dialog.getByTestId("create-job-text").textContent(), { timeout: 15_000 }).toBe("Concepten maken: 480 van 1.200 boekingen");
    expect(await dialog.getByRole("progressbar", { name: "Voortgang van het maken van de concepten" }).count()).toBe(1);
    await shot(page, "nl-progress");
    jobs.release();
    const outcome = dialog.getByTestId("create-outcome");
    await outcome.getByText(`${CUSTOMERS} conceptfacturen gemaakt`).waitFor();
    expect(await outcome.textContent()).toContain("1.200 regels · totaal €");
    await shot(page, "nl-created");
    expect(app.pageErrors).toEqual([]);
    await closePage(page);
  });

  it("fits a phone-width tab (375 px)", async () => {
    const { page, jobs } = await openSeeded({ width: 375 });
    const dialog = await previewAll(page, WORDS.en);
    jobs.hold(runningAt(480));
    await createAsJob(page);
    await expect.poll(() => dialog.getByTestId("create-job-text").textContent()).toBe("Creating drafts: 480 of 1,200 bookings");
    // Nothing in the dialog is wider than the screen or cut off inside it (the groupings wrap).
    expect(await page.evaluate<number>("document.querySelector('[role=dialog]').scrollWidth")).toBeLessThanOrEqual(375);
    // (2 px of slack: Fluent's dialog body leaves room for focus outlines.)
    const overflow = await page.evaluate<string[]>(
      "[...document.querySelectorAll('[role=dialog] *')].filter((e) => e.scrollWidth - e.clientWidth > 2).map((e) => `${e.tagName} ${e.textContent.slice(0, 40)}`)",
    );
    expect(overflow).toEqual([]);
    await shot(page, "phone-progress");
    await dialog.getByRole("button", { name: "Close" }).click();
    await page.getByTestId("create-job-banner").waitFor();
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
    await shot(page, "phone-banner");
    jobs.release();
    await page.getByTestId("notice").getByText(`Created ${CUSTOMERS} draft invoices`).waitFor();
    await shot(page, "phone-notice");
    expect(app.pageErrors).toEqual([]);
    await closePage(page);
  });

  it("shows why a job stopped and how far it got, and tries again with a new key", async () => {
    const { page, jobs, tenantId } = await openSeeded();
    const api = client(app.server.url, await app.server.token({ tenantId }));
    const dialog = await previewAll(page, WORDS.en);
    // A real create cannot be made to fail on cue: its answers are rewritten to a failure the server can give.
    jobs.hold((job) => ({
      ...runningAt(480)(job),
      status: "failed",
      result: { invoices: 12, lines: 480, currency: "EUR", net: "0", tax: "0", total: "0", skipped: [], skippedCount: 0 },
      errors: [{ code: "INTERNAL", message: "The job stopped on an unexpected error; see the server log." }],
    }));
    const posts: { key: string | undefined; body: any }[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/api/invoices") posts.push({ key: r.headers()["idempotency-key"], body: r.postDataJSON() });
    });
    const first = await createAsJob(page);
    const outcome = dialog.getByTestId("create-outcome");
    await outcome.getByText("Creating the drafts stopped").waitFor();
    expect(await outcome.textContent()).toContain(
      "The job stopped on an unexpected error; see the server log. Before it stopped, 480 of 1,200 bookings were processed and 12 drafts were created.",
    );
    await page.getByTestId("notice").getByText("Creating the drafts stopped").waitFor();
    await shot(page, "failed");

    // The real job went on and ended on the server; a new try must not get that job back for the old key.
    expect((await waitForJob(api, first)).status).toBe("succeeded");
    jobs.release();
    const [again] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/invoices"),
      outcome.getByRole("button", { name: "Try again" }).click(),
    ]);
    expect(posts).toHaveLength(2);
    expect(posts[1]!.key).not.toBe(posts[0]!.key);
    expect(again.status()).toBe(201); // the first job invoiced everything: nothing is left, so no job
    expect(app.pageErrors).toEqual([]);
    await closePage(page);
  });

  it("words a conflict found while the job plans as the create answered at once does, and invoices the rest", async () => {
    const { page, jobs, tenantId } = await openSeeded();
    const dialog = await previewAll(page, WORDS.en);
    jobs.hold((job) => ({
      ...job,
      status: "failed",
      errors: [{ code: "ALREADY_INVOICED", message: "3 of the selected bookings are already on an invoice. Start again with skipConflicts to invoice the rest." }],
    }));
    const jobId = await createAsJob(page);
    const outcome = dialog.getByTestId("create-outcome");
    await outcome.getByText("Some bookings were invoiced in the meantime").waitFor();
    expect(await outcome.textContent()).not.toContain("skipConflicts");
    await shot(page, "conflict");
    jobs.release();
    // The real job invoiced them all meanwhile, so the rest is nothing and is answered at once.
    await waitForJob(client(app.server.url, await app.server.token({ tenantId })), jobId);
    const [rest] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/invoices"),
      outcome.getByRole("button", { name: "Invoice the rest" }).click(),
    ]);
    expect(rest.request().postDataJSON()).toMatchObject({ skipConflicts: true, groupBy: "customer" });
    expect(rest.status()).toBe(201);
    await dialog.getByTestId("create-outcome").getByText("Created 0 draft invoices").waitFor();
    expect(app.pageErrors).toEqual([]);
    await closePage(page);
  });
});
