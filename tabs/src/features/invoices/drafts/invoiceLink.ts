// Deep links to one invoice: the Teams link to the Invoices tab (sub-page "invoice:<id>") and the standalone `#/invoices?invoice=<id>`.

/** The personal tab's `staticTabs[].entityId` in appPackage/manifest.json. */
export const INVOICES_ENTITY_ID = "invoices";

const PREFIX = "invoice:";
// Invoice ids are UUIDs; anything else in a sub-page id is not ours to open.
const ID = /^[A-Za-z0-9-]{1,100}$/;

/** The Teams sub-page id ("subEntityId") that opens an invoice. */
export function invoiceSubPageId(invoiceId: string): string {
  return `${PREFIX}${invoiceId}`;
}

/** The invoice id of a sub-page id such as "invoice:8f0c…", or null for anything else. */
export function invoiceIdFromSubPage(subPageId: string | null | undefined): string | null {
  const value = subPageId?.trim() ?? "";
  if (!value.startsWith(PREFIX)) return null;
  const id = value.slice(PREFIX.length);
  return ID.test(id) ? id : null;
}

/** `https://teams.microsoft.com/l/entity/<appId>/invoices?context={"subEntityId":"invoice:<id>"}`, URL-encoded. */
export function teamsInvoiceLink(appId: string, invoiceId: string): string {
  const context = JSON.stringify({ subEntityId: invoiceSubPageId(invoiceId) });
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${INVOICES_ENTITY_ID}?context=${encodeURIComponent(context)}`;
}

/** The standalone link: the tab's page (`origin + path + query`) with `#/invoices?invoice=<id>`. */
export function standaloneInvoiceLink(page: string, invoiceId: string): string {
  return `${page.split("#")[0]}#/invoices?invoice=${encodeURIComponent(invoiceId)}`;
}

/** The link to share for an invoice: the Teams deep link inside Teams (when the app id is known), else the standalone one. */
export function invoiceLink(invoiceId: string, where: { inTeams: boolean; appId: string; page: string }): string {
  return where.inTeams && where.appId ? teamsInvoiceLink(where.appId, invoiceId) : standaloneInvoiceLink(where.page, invoiceId);
}
