// Covers the bulk runner: bounded concurrency, order kept at one at a time, failures kept beside the successes.
import { describe, expect, it } from "vitest";
import { runBulk } from "./bulkRun";
import type { BulkProgress } from "./bulkRun";

/** A promise and its resolver, to hold an action until the test lets it go. */
function latch() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("runBulk", () => {
  it("runs at most `concurrency` actions at once and reports progress after each", async () => {
    const gates = [latch(), latch(), latch(), latch()];
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const progress: BulkProgress[] = [];
    const run = runBulk(
      [0, 1, 2, 3],
      async (i) => {
        started.push(i);
        running += 1;
        most = Math.max(most, running);
        await gates[i]!.opened;
        running -= 1;
        return i * 10;
      },
      { concurrency: 2, onProgress: (p) => progress.push(p) },
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]!.open();
    gates[0]!.open();
    gates[2]!.open();
    gates[3]!.open();
    const outcomes = await run;
    expect(most).toBe(2);
    expect(outcomes).toEqual([0, 1, 2, 3].map((i) => ({ item: i, ok: true, result: i * 10 })));
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(progress.at(-1)).toEqual({ total: 4, done: 4, failed: 0 });
  });

  it("keeps going after a failure and returns it with its error, in the items' order", async () => {
    const order: string[] = [];
    const outcomes = await runBulk(
      ["a", "b", "c"],
      async (item) => {
        order.push(item);
        if (item === "b") throw new Error("Not a draft");
        return item.toUpperCase();
      },
      { concurrency: 1 },
    );
    expect(order).toEqual(["a", "b", "c"]);
    expect(outcomes.map((o) => (o.ok ? o.result : (o.error as Error).message))).toEqual(["A", "Not a draft", "C"]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
  });

  it("ends at once with nothing to do", async () => {
    const progress: BulkProgress[] = [];
    await expect(runBulk([], async () => 1, { concurrency: 4, onProgress: (p) => progress.push(p) })).resolves.toEqual([]);
    expect(progress).toEqual([{ total: 0, done: 0, failed: 0 }]);
  });
});
