// Checks Adaptive Cards with Microsoft's own SDK (adaptivecards, loaded as its UMD bundle: the ESM build does not run in Node).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AC = require("adaptivecards/dist/adaptivecards.js");

/** Every parse event and validation failure the SDK reports for a card, targeting schema 1.5 (Teams' limit); [] when clean. */
export function adaptiveCardProblems(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents as { message: string }[]) problems.push(`validate: ${e.message}`);
  return problems;
}

/** The card version as the SDK read it, e.g. "1.5". */
export function adaptiveCardVersion(card: unknown): string {
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, new AC.SerializationContext(AC.Versions.v1_5));
  return parsed.version.toString();
}

/** Every `type` value anywhere in a JSON tree (elements and actions), to look for Action.Submit. */
export function typesIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(typesIn);
  if (!node || typeof node !== "object") return [];
  const own = typeof (node as { type?: unknown }).type === "string" ? [(node as { type: string }).type] : [];
  return [...own, ...Object.values(node).flatMap(typesIn)];
}
