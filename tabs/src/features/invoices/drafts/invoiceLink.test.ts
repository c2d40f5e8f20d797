// Covers deep links to one invoice: building the Teams and standalone links and reading them back (sub-page id and hash).
import { describe, expect, it } from "vitest";
import { invoiceIdFromSubPage, invoiceLink, standaloneInvoiceLink, teamsInvoiceLink } from "./invoiceLink";
import { formatInvoicesRoute, parseInvoicesRoute } from "../invoiceQuery";

const APP_ID = "3f9c2a51-8d0e-4b7a-9c11-2e5d6f708192";
const INVOICE = "0b6f1c2e-5a4d-4e8f-9a7b-1c2d3e4f5a6b";

describe("teamsInvoiceLink", () => {
  it("points at the Invoices tab with the invoice as sub-entity", () => {
    const link = teamsInvoiceLink(APP_ID, INVOICE);
    expect(link).toBe(
      `https://teams.microsoft.com/l/entity/${APP_ID}/invoices?context=%7B%22subEntityId%22%3A%22invoice%3A${INVOICE}%22%7D`,
    );
    const context = JSON.parse(new URL(link).searchParams.get("context") ?? "{}") as { subEntityId: string };
    expect(invoiceIdFromSubPage(context.subEntityId)).toBe(INVOICE);
  });
});

describe("invoiceIdFromSubPage", () => {
  it.each([
    [`invoice:${INVOICE}`, INVOICE],
    [` invoice:${INVOICE} `, INVOICE],
    ["invoice:", null],
    ["invoice:../../x", null],
    ["drafts", null],
    ["", null],
    [undefined, null],
  ])("%j → %j", (subPageId, id) => {
    expect(invoiceIdFromSubPage(subPageId)).toBe(id);
  });
});

describe("standalone links", () => {
  it("keeps the page and its query, replaces the hash, and parses back to the same invoice", () => {
    const link = standaloneInvoiceLink("https://tab.example/index.html?tenant=t1#/invoices?view=drafts", INVOICE);
    expect(link).toBe(`https://tab.example/index.html?tenant=t1#/invoices?invoice=${INVOICE}`);
    expect(parseInvoicesRoute(new URL(link).hash).invoiceId).toBe(INVOICE);
  });

  it("keeps the invoice in the route hash until it is closed", () => {
    const route = parseInvoicesRoute(`#/invoices?view=drafts&invoice=${INVOICE}`);
    expect(route).toMatchObject({ view: "drafts", invoiceId: INVOICE });
    expect(formatInvoicesRoute(route)).toBe(`#/invoices?view=drafts&invoice=${INVOICE}`);
    expect(formatInvoicesRoute({ ...route, invoiceId: undefined })).toBe("#/invoices?view=drafts");
  });
});

describe("invoiceLink", () => {
  it("shares the Teams link inside Teams and the standalone link elsewhere", () => {
    expect(invoiceLink(INVOICE, { inTeams: true, appId: APP_ID, page: "https://tab.example/index.html" })).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
    expect(invoiceLink(INVOICE, { inTeams: false, appId: APP_ID, page: "https://tab.example/index.html" })).toBe(`https://tab.example/index.html#/invoices?invoice=${INVOICE}`);
    expect(invoiceLink(INVOICE, { inTeams: true, appId: "", page: "https://tab.example/" })).toBe(`https://tab.example/#/invoices?invoice=${INVOICE}`);
  });
});
