// Fault injection: rules on path regex, method, probability and "next N calls", decided by a seeded PRNG; the error
// answers of the fault kinds, including those that hide a success after the request took effect.
import type { Response } from "express";
import { GraphError, tooManyRequests } from "./errors";
import { GRAPH_JSON } from "./http";
import { createRandom, type Random } from "./random";
import type { FaultKind, FaultRule } from "./types";

/** Kinds that let the handler take effect and only then hide its success answer. */
const AFTER_EFFECT_KINDS: ReadonlySet<FaultKind> = new Set(["afterSend", "dropAfterSend", "delayAfterSend"]);

/** True for "afterSend", "dropAfterSend" and "delayAfterSend". */
export function isAfterEffectKind(kind: FaultKind): boolean {
  return AFTER_EFFECT_KINDS.has(kind);
}

function checkRule(rule: FaultRule): void {
  if (rule.status !== undefined && !(Number.isInteger(rule.status) && rule.status >= 400 && rule.status <= 599)) {
    throw new Error(`fault rule: status must be an integer from 400 to 599, not ${String(rule.status)}`);
  }
  if (rule.delayMs !== undefined && !(Number.isFinite(rule.delayMs) && rule.delayMs >= 0)) {
    throw new Error(`fault rule: delayMs must be a number >= 0, not ${String(rule.delayMs)}`);
  }
}

interface ActiveRule {
  rule: FaultRule;
  pattern: RegExp | null;
  remaining: number;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Holds the fault rules and decides, call by call, which one fires. */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private random: Random;

  constructor(private readonly seed: number) {
    this.random = createRandom(seed);
  }

  /** Replaces the rules and restarts the PRNG, so the same rules give the same sequence. */
  set(rules: FaultRule[]): void {
    rules.forEach(checkRule);
    this.random = createRandom(this.seed ^ 0x5eed);
    this.rules = rules.map((rule) => ({
      rule: { ...rule },
      pattern: rule.match ? new RegExp(rule.match) : null,
      remaining: rule.count ?? Number.POSITIVE_INFINITY,
    }));
  }

  /** The rule that fires for this call, if any (consumes one of its count). */
  pick(method: string, path: string): FaultRule | undefined {
    const decoded = safeDecode(path);
    for (const active of this.rules) {
      if (active.remaining <= 0) continue;
      if (active.rule.method && active.rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (active.pattern && !active.pattern.test(path) && !active.pattern.test(decoded)) continue;
      const probability = active.rule.probability ?? 1;
      if (probability < 1 && !(this.random.next() < probability)) continue;
      active.remaining -= 1;
      return active.rule;
    }
    return undefined;
  }

  /** Gives back the call a picked rule used, when it ended up not firing (an "…AfterSend" rule on a failed call). */
  refund(rule: FaultRule): void {
    const active = this.rules.find((a) => a.rule === rule);
    if (active) active.remaining += 1;
  }
}

/** The error answer of an error-kind fault (429 variants, 503, 504, 500, 404, 403). */
export function faultError(kind: FaultRule["kind"], retryAfterSeconds: number): GraphError {
  const retryAfter = String(retryAfterSeconds);
  switch (kind) {
    case "429-no-retry-after":
      return tooManyRequests(null);
    case "429-http-date":
      // An HTTP-date is read against the client's real clock, so it uses wall time, not the emulator clock.
      return tooManyRequests(new Date(Date.now() + retryAfterSeconds * 1000).toUTCString());
    case "503":
      return new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable. Please retry later.", {
        "Retry-After": retryAfter,
      });
    case "504":
      return new GraphError(504, "GatewayTimeout", "The gateway did not receive a timely response from the service.");
    case "500":
      return new GraphError(500, "UnknownError", "An error has occurred.");
    case "404":
      return new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    case "403":
      return new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    default:
      return tooManyRequests(retryAfter);
  }
}

const STATUS_KINDS: Partial<Record<number, FaultKind>> = { 429: "429", 503: "503", 504: "504", 500: "500", 404: "404", 403: "403" };

/** The error answer of an "afterSend" fault: the kind's answer for the statuses that have one, else a generic error. */
export function statusError(status: number, retryAfterSeconds: number): GraphError {
  const kind = STATUS_KINDS[status];
  if (kind) return faultError(kind, retryAfterSeconds);
  if (status === 502) return new GraphError(502, "BadGateway", "The gateway received an invalid response from the service.");
  return new GraphError(status, status >= 500 ? "UnknownError" : "BadRequest", "An error has occurred.");
}

/** Removes what the handler set on the response (Location, Content-Type…) except the request ids. */
export function clearAnswerHeaders(res: Response): void {
  for (const name of res.getHeaderNames()) {
    if (name !== "request-id" && name !== "client-request-id") res.removeHeader(name);
  }
}

/** Makes the response a 200 whose JSON body is cut in half, whatever the handler sends. */
export function truncateJsonResponses(res: Response): void {
  res.json = ((body: unknown) => {
    const text = JSON.stringify(body) ?? "";
    res.status(200).setHeader("Content-Type", GRAPH_JSON);
    return res.send(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
  }) as Response["json"];
}
