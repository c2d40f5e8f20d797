// Deep links into the personal tab "Invoices" (teams-platform.md §4.6).

/** The personal tab's entityId in appPackage/manifest.json. */
export const INVOICES_ENTITY_ID = "invoices";

/** Sub-page the tab is opened on from a notification. */
export const AWAITING_SUB_ENTITY = "awaiting-invoice";

/** https://teams.microsoft.com/l/entity/<appId>/invoices?label=Invoices&context={"subEntityId":…} (webUrl when known). */
export function invoicesDeepLink(appId: string, opts: { webUrl?: string; subEntityId?: string } = {}): string {
  const params = new URLSearchParams();
  if (opts.webUrl) params.set("webUrl", opts.webUrl);
  params.set("label", "Invoices");
  params.set("context", JSON.stringify({ subEntityId: opts.subEntityId ?? AWAITING_SUB_ENTITY }));
  // URLSearchParams encodes spaces as "+": Teams expects percent-encoding, as TeamsJS builds it.
  const query = params.toString().replace(/\+/g, "%20");
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${INVOICES_ENTITY_ID}?${query}`;
}
