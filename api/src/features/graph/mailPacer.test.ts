import { describe, expect, it } from "vitest";
import { createMailPacer } from "./mailPacer";

/** A clock that only moves when a sleeper sleeps: each sleep jumps the clock to its end. */
function fakeClock() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
    advance: (ms: number) => void (t += ms),
  };
}

describe("mail pacer", () => {
  it("starts 30 messages at once, the 31st a minute after the first, and 100 take 3 minutes", async () => {
    const clock = fakeClock();
    const pacer = createMailPacer({ perMinute: 30, concurrent: 4, now: clock.now, sleep: clock.sleep });
    const started: number[] = [];
    for (let i = 0; i < 100; i++) await pacer.run("Info@Contoso.example", true, async () => void started.push(clock.now()));
    expect(started.slice(0, 30).every((t) => t === 0)).toBe(true);
    expect(started[30]).toBe(60_000);
    expect(started[60]).toBe(120_000);
    expect(started[99]).toBe(180_000);
    // Never more than 30 in any minute.
    for (let i = 30; i < started.length; i++) expect(started[i]! - started[i - 30]!).toBeGreaterThanOrEqual(60_000);
  });

  it("keeps the limit per mailbox, whatever the address's case", async () => {
    const clock = fakeClock();
    const pacer = createMailPacer({ perMinute: 2, concurrent: 4, now: clock.now, sleep: clock.sleep });
    for (const m of ["a@x.example", "A@X.example", "b@x.example"]) await pacer.run(m, true, async () => undefined);
    expect(clock.now()).toBe(0);
    await pacer.run("a@x.example", true, async () => undefined);
    expect(clock.now()).toBe(60_000);
  });

  it("lets requests that send nothing (a lookup, an upload) through a full minute", async () => {
    const clock = fakeClock();
    const pacer = createMailPacer({ perMinute: 1, concurrent: 4, now: clock.now, sleep: clock.sleep });
    await pacer.run("a@x.example", true, async () => undefined);
    await pacer.run("a@x.example", false, async () => undefined);
    expect(clock.now()).toBe(0);
  });

  it("runs at most 4 requests of a mailbox at once", async () => {
    const pacer = createMailPacer({ perMinute: 1000, concurrent: 4 });
    let active = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const calls = Array.from({ length: 10 }, () =>
      pacer.run("a@x.example", true, async () => {
        most = Math.max(most, ++active);
        await new Promise<void>((r) => gates.push(r));
        active--;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(gates).toHaveLength(4);
    while (gates.length) {
      gates.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(calls);
    expect(most).toBe(4);
  });

  it("holds every request of a mailbox Graph paused until the pause is over", async () => {
    const clock = fakeClock();
    const pacer = createMailPacer({ perMinute: 30, concurrent: 4, now: clock.now, sleep: clock.sleep });
    pacer.pause("a@x.example", 7_000);
    await pacer.run("b@x.example", true, async () => undefined);
    expect(clock.now()).toBe(0);
    await pacer.run("a@x.example", false, async () => undefined);
    expect(clock.now()).toBe(7_000);
  });
});
