// Latches for tests: requests whose path matches a hold wait at one phase of the pipeline until it is released.
import type { RequestHandler } from "express";
import { interceptAnswer, rawPath } from "./http";

/**
 * Where a held request waits: "arrival" (default) before it takes a concurrency slot; "admitted" holding its slot,
 * before faults and the handler (so other requests see it in flight); "beforeAnswer" after the handler took effect
 * (the mail is in the outbox, the write is stored) while its answer is kept back.
 */
export type HoldPhase = "arrival" | "admitted" | "beforeAnswer";

export interface HoldOptions {
  phase?: HoldPhase;
}

/** One hold: `reached` resolves when the first matching request waits; release() lets every held request go on. */
export interface EmulatorHold {
  readonly reached: Promise<void>;
  /** Resolves once `count` requests have reached the hold (since it was added). */
  untilWaiting(count: number): Promise<void>;
  release(): void;
}

class ActiveHold implements EmulatorHold {
  readonly reached: Promise<void>;
  readonly opened: Promise<void>;
  private arrivals = 0;
  private watchers: { count: number; resolve: () => void }[] = [];
  private arrived!: () => void;
  private open!: () => void;

  constructor(
    readonly pattern: RegExp,
    readonly phase: HoldPhase,
    private readonly onRelease: (hold: ActiveHold) => void,
  ) {
    this.reached = new Promise((resolve) => (this.arrived = resolve));
    this.opened = new Promise((resolve) => (this.open = resolve));
  }

  /** A matching request waits here until release(). */
  wait(): Promise<void> {
    this.arrivals += 1;
    this.arrived();
    for (const w of this.watchers.filter((w) => w.count <= this.arrivals)) w.resolve();
    this.watchers = this.watchers.filter((w) => w.count > this.arrivals);
    return this.opened;
  }

  untilWaiting(count: number): Promise<void> {
    if (this.arrivals >= count) return Promise.resolve();
    return new Promise((resolve) => this.watchers.push({ count, resolve }));
  }

  release(): void {
    this.onRelease(this);
    this.open();
  }
}

/** The holds of one emulator. */
export class Holds {
  private active: ActiveHold[] = [];

  /** Holds every request whose raw path matches `match` (a regular expression) at a phase until release(). */
  add(match: string, options: HoldOptions = {}): EmulatorHold {
    const hold = new ActiveHold(new RegExp(match), options.phase ?? "arrival", (h) => (this.active = this.active.filter((a) => a !== h)));
    this.active.push(hold);
    return hold;
  }

  /** Middleware of one phase: waits on every active hold of that phase the request's path matches. */
  middleware(phase: HoldPhase = "arrival"): RequestHandler {
    return async (req, res, next) => {
      const path = rawPath(req);
      const matching = this.active.filter((a) => a.phase === phase && a.pattern.test(path));
      if (phase === "beforeAnswer") {
        // Decided on arrival, waited on when the handler answers.
        for (const hold of matching) interceptAnswer(res, (answer) => void hold.wait().then(answer));
        return next();
      }
      await Promise.all(matching.map((a) => a.wait()));
      next();
    };
  }
}
