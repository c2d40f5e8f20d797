// Pure: stored setup settings read forward to the current schema. Defaults fill fields added since the row was saved;
// values a later, stricter schema refuses are repaired (clamped, converted, or dropped for their default) instead of
// failing every request of the tenant. What was repaired is described for the log with the schema's own message, but
// never with a stored text value: a webhook URL is a secret (and none of the schema's messages quotes one).
import { z } from "zod";
import { LEGACY_TIME_ZONE, ZSetupInput, ZTimeZone } from "./setup.schema";
import { EMPTY_SUPPLIER, ZSupplier } from "./supplier.schema";
import { DEFAULT_DELIVERY_SETTINGS, ZDeliverySettings } from "./deliverySettings.schema";

/** The stored part of a setup: everything but the business id, which has a column of its own. */
export const ZStoredSettings = ZSetupInput.omit({ businessId: true }).extend({
  timeZone: ZTimeZone.default(LEGACY_TIME_ZONE),
  supplier: ZSupplier.default(EMPTY_SUPPLIER),
  delivery: ZDeliverySettings.default(DEFAULT_DELIVERY_SETTINGS),
  // Setups saved before the default became "included" added tax on top.
  pricesIncludeTax: z.boolean().default(false),
});
export type TStoredSettings = z.infer<typeof ZStoredSettings>;

/** Settings the current schema accepts, and one line per repair made to get there (empty when none was needed). */
export interface UpgradedSetup {
  settings: TStoredSettings;
  changes: string[];
}

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];
type Json = Record<PropertyKey, unknown>;

// Required values without a default whose only valid value is known: dropping them would drop their whole object.
const ONLY_VALUE: Record<string, unknown> = { "itemTemplate.type": "service" };
// Each repair removes one refusal; a stored row has far fewer fields than this.
const MAX_REPAIRS = 50;

/** Reads stored settings (the JSON column, any shape) forward; never throws. */
export function upgradeStoredSetup(raw: unknown): UpgradedSetup {
  const changes: string[] = [];
  let value: Json = {};
  if (isObject(raw)) value = structuredClone(raw);
  else changes.push("settings: not an object, defaults used");
  for (let i = 0; i < MAX_REPAIRS; i++) {
    const parsed = ZStoredSettings.safeParse(value);
    if (parsed.success) return { settings: parsed.data, changes };
    const change = repair(value, parsed.error.issues[0]!);
    if (!change) break;
    changes.push(change);
  }
  // Unreachable with the current schema; should a refusal resist repair, the tenant still gets a working setup.
  changes.push("settings: could not be repaired, defaults used");
  return { settings: ZStoredSettings.parse({}), changes };
}

// Repairs the value at the issue's path in place and describes what it did; null when nothing could be done.
function repair(root: Json, issue: Issue): string | null {
  const path = issue.path;
  const name = path.map(String).join(".") || "settings";
  const current = get(root, path);
  const why = `(${issue.message})`;
  const replaced = replacement(issue, current);
  if (replaced) {
    set(root, path, replaced.value);
    return `${name}: ${JSON.stringify(current)} → ${JSON.stringify(replaced.value)} ${replaced.reason ?? why}`;
  }
  if (name in ONLY_VALUE) {
    set(root, path, ONLY_VALUE[name]);
    return `${name}: ${describe(current)} → ${JSON.stringify(ONLY_VALUE[name])} ${why}`;
  }
  // Notifications on with no destination: off is the setting that still means something.
  const parent = get(root, path.slice(0, -1));
  if (name === "notifications.webhookUrl" && current == null && isObject(parent) && parent.enabled === true) {
    parent.enabled = false;
    return `notifications.enabled: true → false ${why}`;
  }
  if (current !== undefined && current !== null) {
    remove(root, path);
    return `${name}: ${describe(current)} dropped, default used ${why}`;
  }
  // Absent yet required: the object holding it falls back to its own default.
  if (!path.length) return null;
  const holder = path.slice(0, -1);
  if (!holder.length) return null;
  remove(root, holder);
  return `${holder.map(String).join(".")}: dropped, default used ${why}`;
}

// A value of the right kind for the same meaning: a clamped number, a rounded one, or a number or boolean stored as text.
function replacement(issue: Issue, current: unknown): { value: unknown; reason?: string } | undefined {
  if (issue.code === "too_small" && typeof current === "number" && typeof issue.minimum === "number") return { value: Math.max(current, issue.minimum) };
  if (issue.code === "too_big" && typeof current === "number" && typeof issue.maximum === "number") return { value: Math.min(current, issue.maximum) };
  if (issue.code !== "invalid_type") return undefined;
  if (issue.expected === "int" && typeof current === "number" && Number.isFinite(current)) return { value: Math.round(current), reason: "(a whole number)" };
  if ((issue.expected === "number" || issue.expected === "int") && typeof current === "string" && /^-?\d+(\.\d+)?$/.test(current.trim())) return { value: Number(current), reason: "(a number)" };
  if (issue.expected === "boolean" && (current === "true" || current === "false")) return { value: current === "true", reason: "(a boolean)" };
  return undefined;
}

// Numbers and booleans are shown; text never is, since a URL (a secret) or a customer's name may be it.
function describe(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "string") return "text";
  return Array.isArray(value) ? "a list" : value === null ? "null" : "an object";
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function get(root: Json, path: Path): unknown {
  let node: unknown = root;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}

function set(root: Json, path: Path, value: unknown): void {
  const parent = get(root, path.slice(0, -1));
  if (isObject(parent)) parent[path[path.length - 1]!] = value;
}

function remove(root: Json, path: Path): void {
  const parent = get(root, path.slice(0, -1));
  if (isObject(parent)) delete parent[path[path.length - 1]!];
}
