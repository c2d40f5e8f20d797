// The emulator's mutable state: resolved options, clock, data store, limiters, fault injector, stats and outboxes.
import { FaultInjector } from "./faults";
import { Holds } from "./holds";
import { MailStore } from "./mail";
import { createRandom, type Random } from "./random";
import { buildStore } from "./seed";
import { StatsRecorder } from "./stats";
import { EmulatorStore } from "./store";
import { ConcurrencyLimiter, SlidingWindow } from "./throttle";
import type { EmulatorOptions, OutboxEvent, SeedOption } from "./types";

/** Options with their defaults applied. */
export type ResolvedOptions = Required<Omit<EmulatorOptions, "now">>;

/** A clock that follows a source until it is frozen at a date. */
export class Clock {
  private fixed: Date | null = null;

  constructor(private readonly source: () => Date) {}

  now(): Date {
    return new Date((this.fixed ?? this.source()).getTime());
  }

  nowMs(): number {
    return this.now().getTime();
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  set(date: Date | null): void {
    this.fixed = date ? new Date(date.getTime()) : null;
  }
}

/** Everything a request handler or a control may read or change. */
export interface EmulatorState {
  readonly options: ResolvedOptions;
  readonly clock: Clock;
  readonly limiter: ConcurrencyLimiter;
  /** In-flight mail requests per (app × mailbox). */
  readonly mailLimiter: ConcurrencyLimiter;
  /** Accepted messages per sender mailbox in the last 60 s of the emulator clock. */
  readonly mailRate: SlidingWindow;
  readonly faults: FaultInjector;
  readonly holds: Holds;
  readonly stats: StatsRecorder;
  store: EmulatorStore;
  /** Continues the seed's sequence, so ids of created items are deterministic too. */
  random: Random;
  outbox: OutboxEvent[];
  /** Drafts, Sent Items, sent mail and upload sessions of every mailbox. */
  readonly mail: MailStore;
  /** Lower-cased mailboxes that answer 404 ErrorInvalidUser (setMissingMailboxes); kept across reset, like faults. */
  missingMailboxes: Set<string>;
}

function resolveOptions(opts: EmulatorOptions): ResolvedOptions {
  return {
    seed: opts.seed ?? "demo",
    pageSize: Math.max(1, opts.pageSize ?? 100),
    maxConcurrent: Math.max(1, opts.maxConcurrent ?? 4),
    retryAfterSeconds: opts.retryAfterSeconds ?? 1,
    latencyMs: Math.max(0, opts.latencyMs ?? 0),
    randomSeed: opts.randomSeed ?? 42,
    cancelMode: opts.cancelMode ?? "remove",
    mailPerMinute: Math.max(1, Math.floor(opts.mailPerMinute ?? 30)),
    mailMaxConcurrent: Math.max(1, Math.floor(opts.mailMaxConcurrent ?? 4)),
  };
}

/** Reloads the data for a seed relative to the clock's now; empties the outboxes and mailboxes, forgets mail rates. */
export function resetData(state: EmulatorState, seed: SeedOption): void {
  state.random = createRandom(state.options.randomSeed);
  state.store = buildStore(seed, state.clock.nowMs(), state.random);
  state.outbox = [];
  state.mail.reset();
  state.mailRate.clear();
}

/** Creates the state and loads the configured seed. */
export function createState(opts: EmulatorOptions): EmulatorState {
  const options = resolveOptions(opts);
  const state: EmulatorState = {
    options,
    clock: new Clock(opts.now ?? (() => new Date())),
    limiter: new ConcurrencyLimiter(options.maxConcurrent),
    mailLimiter: new ConcurrencyLimiter(options.mailMaxConcurrent),
    mailRate: new SlidingWindow(options.mailPerMinute, 60_000),
    faults: new FaultInjector(options.randomSeed),
    holds: new Holds(),
    stats: new StatsRecorder(),
    store: new EmulatorStore(),
    random: createRandom(options.randomSeed),
    outbox: [],
    mail: new MailStore(options.randomSeed ^ 0x3a11),
    missingMailboxes: new Set(),
  };
  resetData(state, options.seed);
  return state;
}
