// What a Graph handler receives, and helpers to answer with an entity or a business-scoped context URL.
import type { Request, Response } from "express";
import { businessFragment, contextUrl } from "./format";
import { requestBase, sendGraphJson } from "./http";
import type { EmulatorState } from "./state";
import type { BusinessData } from "./store";

/** A request to the businesses collection. */
export interface RootContext {
  req: Request;
  res: Response;
  state: EmulatorState;
}

/** A request under one (existing) business; itemId is the decoded id of the addressed item, if any. */
export interface BusinessContext extends RootContext {
  business: BusinessData;
  itemId: string;
}

/** The @odata.context of a business navigation, e.g. "appointments" or "appointments/$entity". */
export function navigationContext(ctx: BusinessContext, navigation: string): string {
  return contextUrl(requestBase(ctx.req), businessFragment(ctx.business.id, navigation));
}

/** Sends one entity with its @odata.context first. */
export function sendEntity(ctx: RootContext, status: number, context: string, entity: object): void {
  sendGraphJson(ctx.res, status, { "@odata.context": context, ...entity });
}
