// Covers the tab's hash routes: #/invoices by default, #/overview, #/setup and #/config.
import { describe, expect, it } from "vitest";
import { parseRoute } from "./useHashRoute";

describe("parseRoute", () => {
  it.each([
    ["", "invoices"],
    ["#/", "invoices"],
    ["#/invoices", "invoices"],
    ["#/overview", "overview"],
    ["#/overview?x=1", "overview"],
    ["#/setup", "setup"],
    ["#/config", "config"],
    ["#/config?x=1", "config"],
    ["#setup", "setup"],
    ["#/unknown", "invoices"],
  ])("%j → %s", (hash, route) => {
    expect(parseRoute(hash)).toBe(route);
  });
});
