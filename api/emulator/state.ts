// The emulator's mutable state: resolved options, clock, data store, limiter, fault injector, stats and outbox.
import { FaultInjector } from "./faults";
import { Holds } from "./holds";
import { createRandom, type Random } from "./random";
import { buildStore } from "./seed";
import { StatsRecorder } from "./stats";
import { EmulatorStore } from "./store";
import { ConcurrencyLimiter } from "./throttle";
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
  readonly faults: FaultInjector;
  readonly holds: Holds;
  readonly stats: StatsRecorder;
  store: EmulatorStore;
  /** Continues the seed's sequence, so ids of created items are deterministic too. */
  random: Random;
  outbox: OutboxEvent[];
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
  };
}

/** Reloads the data for a seed relative to the clock's now; empties the outbox. */
export function resetData(state: EmulatorState, seed: SeedOption): void {
  state.random = createRandom(state.options.randomSeed);
  state.store = buildStore(seed, state.clock.nowMs(), state.random);
  state.outbox = [];
}

/** Creates the state and loads the configured seed. */
export function createState(opts: EmulatorOptions): EmulatorState {
  const options = resolveOptions(opts);
  const state: EmulatorState = {
    options,
    clock: new Clock(opts.now ?? (() => new Date())),
    limiter: new ConcurrencyLimiter(options.maxConcurrent),
    faults: new FaultInjector(options.randomSeed),
    holds: new Holds(),
    stats: new StatsRecorder(),
    store: new EmulatorStore(),
    random: createRandom(options.randomSeed),
    outbox: [],
  };
  resetData(state, options.seed);
  return state;
}
