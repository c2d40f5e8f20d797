// Covers holds, the emulator's latch for tests: matching requests wait until released at their phase, others pass.
import { describe, expect, it } from "vitest";
import { BUSINESS_PATH, graphGet, makeEmulator } from "./testSupport";

describe("holds", () => {
  it("keeps matching requests waiting until release, lets the others through", async () => {
    const { app, controls } = makeEmulator();
    const hold = controls.hold("/services$");
    let answered = false;
    const held = graphGet(app, `${BUSINESS_PATH}/services`).then((r) => {
      answered = true;
      return r;
    });
    await hold.reached;
    // Not held: another path answers while the services request still waits.
    expect((await graphGet(app, `${BUSINESS_PATH}/staffMembers`)).status).toBe(200);
    expect(answered).toBe(false);
    hold.release();
    expect((await held).status).toBe(200);
    expect(answered).toBe(true);
  });

  it("holds before admission, so held requests take none of the concurrency slots", async () => {
    const { app, controls } = makeEmulator({ maxConcurrent: 1, latencyMs: 50 });
    const hold = controls.hold("/services$");
    const held = Promise.all([graphGet(app, `${BUSINESS_PATH}/services`), graphGet(app, `${BUSINESS_PATH}/services`)]);
    await hold.reached;
    expect((await graphGet(app, `${BUSINESS_PATH}/customers`)).status).toBe(200);
    hold.release();
    // Released together, one of the two gets the single slot and the other a 429: they were waiting outside it.
    expect((await held).map((r) => r.status).sort()).toEqual([200, 429]);
    // Released holds no longer apply.
    expect((await graphGet(app, `${BUSINESS_PATH}/services`)).status).toBe(200);
  });

  it("holds admitted requests inside their slots and counts arrivals with untilWaiting", async () => {
    const { app, controls } = makeEmulator({ maxConcurrent: 2 });
    const hold = controls.hold("/services$", { phase: "admitted" });
    const held = [graphGet(app, `${BUSINESS_PATH}/services`).then((r) => r), graphGet(app, `${BUSINESS_PATH}/services`).then((r) => r)];
    await hold.untilWaiting(2);
    // Both slots of the (app × business) are taken by the held requests.
    expect((await graphGet(app, `${BUSINESS_PATH}/customers`)).status).toBe(429);
    hold.release();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
    expect(controls.stats()).toMatchObject({ throttled: 1, maxInFlight: 2 });
  });
});
