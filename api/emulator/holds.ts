// Latches for tests: requests whose path matches a hold wait, before they take a concurrency slot, until it is released.
import type { RequestHandler } from "express";
import { rawPath } from "./http";

/** One hold: `reached` resolves when the first matching request waits; release() lets every held request go on. */
export interface EmulatorHold {
  readonly reached: Promise<void>;
  release(): void;
}

class ActiveHold implements EmulatorHold {
  readonly reached: Promise<void>;
  readonly opened: Promise<void>;
  private arrived!: () => void;
  private open!: () => void;

  constructor(
    readonly pattern: RegExp,
    private readonly onRelease: (hold: ActiveHold) => void,
  ) {
    this.reached = new Promise((resolve) => (this.arrived = resolve));
    this.opened = new Promise((resolve) => (this.open = resolve));
  }

  /** A matching request waits here until release(). */
  wait(): Promise<void> {
    this.arrived();
    return this.opened;
  }

  release(): void {
    this.onRelease(this);
    this.open();
  }
}

/** The holds of one emulator. */
export class Holds {
  private active: ActiveHold[] = [];

  /** Holds every request whose raw path matches `match` (a regular expression) until release(). */
  add(match: string): EmulatorHold {
    const hold = new ActiveHold(new RegExp(match), (h) => (this.active = this.active.filter((a) => a !== h)));
    this.active.push(hold);
    return hold;
  }

  /** Middleware: waits on every active hold the request's path matches. */
  middleware(): RequestHandler {
    return async (req, _res, next) => {
      const path = rawPath(req);
      await Promise.all(this.active.filter((a) => a.pattern.test(path)).map((a) => a.wait()));
      next();
    };
  }
}
