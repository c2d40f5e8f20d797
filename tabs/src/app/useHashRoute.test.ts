// Covers the tab's hash routes: #/invoices by default, #/setup and #/config.
import { describe, expect, it } from "vitest";
import { parseRoute } from "./useHashRoute";

describe("parseRoute", () => {
  it.each([
    ["", "invoices"],
    ["#/", "invoices"],
    ["#/invoices", "invoices"],
    ["#/setup", "setup"],
    ["#/config", "config"],
    ["#/config?x=1", "config"],
    ["#setup", "setup"],
    ["#/unknown", "invoices"],
  ])("%j → %s", (hash, route) => {
    expect(parseRoute(hash)).toBe(route);
  });
});
