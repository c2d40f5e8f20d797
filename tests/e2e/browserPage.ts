// The one setup of the browser tests: the real API with the Graph emulator, headless Chromium (the system's or
// @sparticuz/chromium's), pages sized like a Teams tab that report their uncaught errors, and the closing of it all.
import { afterAll, beforeAll } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../factories/browser";
import { startTestServer, type TestServer } from "../factories/testServer";

/** How a page differs from a light, 1280 × 900, en-GB Teams tab. */
export interface PageOptions {
  width?: number;
  height?: number;
  /** Sets the OS colour scheme to dark (the tab's own theme still comes from `?theme=`). */
  dark?: boolean;
  acceptDownloads?: boolean;
}

/** What a test file gets; the members are there from its first test on. */
export interface BrowserPage {
  readonly server: TestServer;
  /** A page opened before the first test, shared by the file's tests. */
  readonly page: Page;
  /** Uncaught errors of every page opened through this fixture. */
  readonly pageErrors: string[];
  /** A fresh page in its own browser context (page.context() closes with it). */
  newPage(options?: PageOptions): Promise<Page>;
}

/** Registers beforeAll/afterAll that start the server and Chromium, open the shared page, and close both again. */
export function withBrowserPage(options: { server?: Parameters<typeof startTestServer>[0]; page?: PageOptions } = {}): BrowserPage {
  const pageErrors: string[] = [];
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`withBrowserPage: ${name} is read before beforeAll has run`);
    return value;
  };

  const newPage = async ({ width = 1280, height = 900, dark = false, acceptDownloads }: PageOptions = {}): Promise<Page> => {
    // A context made apart from its page (not browser.newPage's owned one), so that axe can open pages in it too.
    const context = await started(browser, "browser").newContext({ viewport: { width, height }, locale: "en-GB", colorScheme: dark ? "dark" : "light", acceptDownloads });
    const opened = await context.newPage();
    opened.on("pageerror", (err) => pageErrors.push(err.message));
    return opened;
  };

  beforeAll(async () => {
    server = await startTestServer(options.server);
    browser = await launchBrowser();
    page = await newPage(options.page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      return started(server, "server");
    },
    get page() {
      return started(page, "page");
    },
    pageErrors,
    newPage,
  };
}
