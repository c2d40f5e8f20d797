// Use case: an admin picks the Bookings business and sync options; the business is checked in Graph first.
import { AppError } from "../../shared/errors";
import type { Db } from "../../shared/db";
import { GraphRequestError, type BookingsGraph } from "../graph/graphClient";
import { resolveNotificationSettings } from "./notificationSettings";
import { isMaskedWebhookUrl } from "./webhookUrl";
import { findSetup, writeSetup } from "./setup.repository";
import { LEGACY_TIME_ZONE, type TSetup, type TSetupInput } from "./setup.schema";
import { EMPTY_SUPPLIER } from "./supplier.schema";
import { DEFAULT_DELIVERY_SETTINGS } from "./deliverySettings.schema";
import { completeItemTemplate } from "./itemTemplate";

/** Validates the business against Graph, stores the setup and returns it. */
export async function saveSetup(
  deps: { db: Db; graph: BookingsGraph },
  tenantId: string,
  userId: string,
  input: TSetupInput,
): Promise<TSetup> {
  // A masked webhook URL sent back stands for the stored one; an omitted notifications object keeps it all. Only then
  // is the stored URL needed: a save that replaces it also mends one sealed with a lost SECRETS_KEY.
  const keepsStoredUrl = !input.notifications || (!!input.notifications.webhookUrl && isMaskedWebhookUrl(input.notifications.webhookUrl));
  const stored = await findSetup(deps.db, tenantId, { unreadableSecrets: keepsStoredUrl ? "fail" : "skip" });
  const notifications = resolveNotificationSettings(input.notifications, stored?.notifications);
  let business;
  try {
    business = await deps.graph.getBusiness(input.businessId);
  } catch (err) {
    if (err instanceof GraphRequestError && err.status === 404) {
      throw new AppError("BAD_REQUEST", `businessId: no Bookings business "${input.businessId}" is visible to this app.`);
    }
    throw toGraphAppError(err);
  }
  const currency = (business.defaultCurrencyIso ?? "").toUpperCase() || "EUR";
  const withTemplateCurrency = {
    ...input,
    customerTemplate: { ...input.customerTemplate, currency: input.customerTemplate.currency ?? currency },
    notifications,
    itemTemplate: completeItemTemplate(input.itemTemplate, input.customerTemplate.taxRate),
    // Bookings shows customers consumer prices: a new setup takes them as including tax; a stored one keeps its choice.
    pricesIncludeTax: input.pricesIncludeTax ?? stored?.pricesIncludeTax ?? true,
    timeZone: input.timeZone ?? stored?.timeZone ?? LEGACY_TIME_ZONE,
    supplier: input.supplier ?? stored?.supplier ?? EMPTY_SUPPLIER,
    delivery: input.delivery ?? stored?.delivery ?? DEFAULT_DELIVERY_SETTINGS,
  };
  await writeSetup(deps.db, tenantId, withTemplateCurrency, { name: business.displayName ?? null, currency }, userId);
  return (await findSetup(deps.db, tenantId))!;
}

/** Wraps a failed Graph call as a 502 that names the Graph request id; AppErrors (e.g. CONSENT_REQUIRED) pass as they are. */
export function toGraphAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof GraphRequestError) {
    const id = err.requestId ? ` (Graph request id ${err.requestId})` : "";
    return new AppError("GRAPH_ERROR", `Microsoft Graph could not answer: ${err.message}${id}`, { graphStatus: err.status });
  }
  return new AppError("GRAPH_ERROR", "Microsoft Graph could not be reached.");
}
