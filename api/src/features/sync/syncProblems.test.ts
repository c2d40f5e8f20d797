// Covers the codes of sync problems and skipped records: from Graph's answers and our own errors, and on entries stored before codes existed.
import { describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import { GraphRequestError } from "../graph/graphClient";
import { ABANDONED_MESSAGE, customerWithoutEmail, syncErrorCode, syncErrorEntry, withErrorCode, withReasonCode } from "./syncProblems";

const graph = (status: number) => new GraphRequestError(`Graph said ${status}`, status, "Code", "req-1", "https://graph.microsoft.com/v1.0/x");

describe("syncErrorCode", () => {
  it.each([
    [graph(0), "graphUnreachable"],
    [graph(429), "graphThrottled"],
    [graph(404), "graphNotFound"],
    [graph(403), "graphDenied"],
    [graph(401), "graphDenied"],
    [graph(500), "graphFailed"],
    [graph(502), "graphFailed"],
    [new AppError("CONSENT_REQUIRED", "consent"), "consentRequired"],
    [new AppError("GRAPH_ERROR", "no token"), "graphToken"],
    [new AppError("CONFLICT", "other"), "unexpected"],
    [new Error("boom"), "unexpected"],
    ["a string", "unexpected"],
  ])("%s → %s", (err, code) => {
    expect(syncErrorCode(err)).toBe(code);
  });
});

describe("entries", () => {
  it("records Graph's status and request id next to the code", () => {
    expect(syncErrorEntry("appointment", graph(404), "A1")).toEqual({ kind: "appointment", code: "graphNotFound", itemId: "A1", message: "Graph said 404", status: 404, requestId: "req-1" });
    expect(syncErrorEntry("run", new Error("boom"))).toEqual({ kind: "run", code: "unexpected", itemId: undefined, message: "boom" });
  });

  it("says why a customer was skipped in English and as a code", () => {
    expect(customerWithoutEmail("C1", "Anna")).toEqual({ kind: "customer", itemId: "C1", name: "Anna", reason: "no e-mail address in Bookings", reasonCode: "noEmail" });
  });

  it("gives entries stored without codes the code of what they say, and keeps stored codes", () => {
    expect(withErrorCode({ kind: "run", message: ABANDONED_MESSAGE }).code).toBe("abandoned");
    expect(withErrorCode({ kind: "appointment", message: "gone", status: 404 }).code).toBe("graphNotFound");
    expect(withErrorCode({ kind: "run", message: "boom" }).code).toBe("unexpected");
    expect(withErrorCode({ kind: "run", code: "consentRequired", message: "x" }).code).toBe("consentRequired");
    expect(withReasonCode({ kind: "customer", itemId: "C1", reason: "no e-mail address in Bookings" })).toMatchObject({ reasonCode: "noEmail" });
  });
});
