// Covers the error middleware's mapping of store failures: a database that is away or a lock wait that ran out answer
// 503 with Retry-After and a code the tab can branch on, never a 500 that reads like a bug.
import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { handleErrors } from "./errors";
import { StoreUnavailableError } from "./storeErrors";

// An app whose one route fails with `err`, rendered by the real middleware.
function failingWith(err: unknown) {
  const app = express();
  app.get("/x", () => {
    throw err;
  });
  app.use(handleErrors);
  return request(app).get("/x");
}

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });

describe("handleErrors on store failures", () => {
  it.each([
    ["the embedded store stopped", new StoreUnavailableError("The embedded database stopped: its thread exited (1)")],
    ["a server shutdown (57P01)", pgError("57P01", "terminating connection due to administrator command")],
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["a dropped connection", new Error("Connection terminated unexpectedly")],
    ["a pool that could not connect in time", new Error("timeout exceeded when trying to connect")],
  ])("answers %s with 503 STORE_UNAVAILABLE and Retry-After: 5", async (_what, err) => {
    const res = await failingWith(err);
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.body).toEqual({
      error: { code: "STORE_UNAVAILABLE", message: "The database cannot be reached right now. Please try again in a few seconds.", retryAfterSeconds: 5 },
    });
  });

  it("answers a lock wait past lock_timeout (55P03) with 503 STORE_BUSY and Retry-After: 5", async () => {
    const res = await failingWith(pgError("55P03", "canceling statement due to lock timeout"));
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.body).toEqual({
      error: { code: "STORE_BUSY", message: "The data is busy with another change right now. Please try again in a few seconds.", retryAfterSeconds: 5 },
    });
  });

  it("still answers a failing statement with a 500 and no Retry-After", async () => {
    const res = await failingWith(pgError("42P01", 'relation "nope" does not exist'));
    expect(res.status).toBe(500);
    expect(res.headers["retry-after"]).toBeUndefined();
    expect(res.body.error.code).toBe("INTERNAL");
  });
});
