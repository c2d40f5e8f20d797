// Covers the storable-text and storable-date rules that keep NUL, broken Unicode and year 0 out of the database.
import { describe, expect, it } from "vitest";
import type { Request } from "express";
import { z } from "zod";
import { isStorableDate, isStorableText, parseBody, parseQuery } from "./validate";

describe("isStorableText", () => {
  it.each([
    ["", true],
    ["plain", true],
    ["😀 emoji (a surrogate pair)", true],
    ["שלום RTL \u202E", true],
    ["a\u0000b", false],
    ["\u0000", false],
    ["lone high \uD800", false],
    ["\uDC00 lone low", false],
    ["reversed pair \uDC00\uD800", false],
  ])("%j → %s", (text, ok) => {
    expect(isStorableText(text)).toBe(ok);
  });
});

describe("isStorableDate", () => {
  it.each([
    ["0001-01-01", true],
    ["9999-12-31T23:59:59.999Z", true],
    ["2026-11-24T10:00:00+01:00", true],
    ["0000-01-01", false],
    ["0001-01-01T00:00:00+14:00", false], // year 0 in UTC
    ["9999-12-31T23:59:59-14:00", false], // year 10000 in UTC
    ["not a date", false],
  ])("%s → %s", (date, ok) => {
    expect(isStorableDate(date)).toBe(ok);
  });
});

describe("parseBody and parseQuery", () => {
  const schema = z.object({ name: z.string(), tags: z.array(z.string()).optional(), nested: z.object({ note: z.string() }).optional() });
  const req = (parts: Partial<Request>) => parts as Request;

  it("name the first field holding unstorable text, nested or in an array", () => {
    expect(() => parseBody(schema, req({ body: { name: "ok", tags: ["fine", "bad\u0000"] } }))).toThrow("tags.1: text cannot contain NUL characters or unpaired surrogates.");
    expect(() => parseBody(schema, req({ body: { name: "ok", nested: { note: "\uD800" } } }))).toThrow(/^nested\.note: /);
    expect(() => parseQuery(schema, req({ query: { name: "a\u0000" } }))).toThrow(/^name: text cannot contain/);
  });

  it("ignore unstorable text in fields the schema drops", () => {
    expect(parseBody(schema, req({ body: { name: "ok", extra: "\u0000" } }))).toEqual({ name: "ok" });
  });
});
