// Covers the per-business request slots: the bound holds, and waiting list pages go before waiting item fetches.
import { describe, expect, it } from "vitest";
import { createRequestSlots } from "./requestSlots";

// A call that runs until its latch is opened, recording when it started.
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const fn = async () => {
    log.push(name);
    await opened;
  };
  return { open, fn };
}

describe("createRequestSlots", () => {
  it("never runs more than max calls at once and runs every call", async () => {
    const slots = createRequestSlots(3);
    let peak = 0;
    const done = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        slots.run(i % 2 ? "list" : "item", async () => {
          peak = Math.max(peak, slots.active);
          await Promise.resolve();
          return i;
        }),
      ),
    );
    expect(done).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(peak).toBe(3);
    expect(slots.active).toBe(0);
  });

  it("starts a waiting list page before item fetches that queued earlier", async () => {
    const slots = createRequestSlots(1);
    const log: string[] = [];
    const first = gate(log, "item-1");
    const running = slots.run("item", first.fn);
    const queued = [slots.run("item", async () => void log.push("item-2")), slots.run("item", async () => void log.push("item-3")), slots.run("list", async () => void log.push("page"))];
    expect(log).toEqual(["item-1"]);
    first.open();
    await Promise.all([running, ...queued]);
    expect(log).toEqual(["item-1", "page", "item-2", "item-3"]);
  });

  it("frees the slot when a call throws", async () => {
    const slots = createRequestSlots(1);
    await expect(slots.run("item", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await slots.run("list", async () => "next")).toBe("next");
    expect(slots.active).toBe(0);
  });
});
