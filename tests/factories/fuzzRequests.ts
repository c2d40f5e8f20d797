// Deterministic malformed HTTP requests for the fuzz test: a seeded PRNG, hostile values, and requests built per
// OpenAPI operation (bad bodies, queries, ids, headers, methods, content types) plus unknown paths.

/** mulberry32: a tiny seeded PRNG, so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks and coin flips over one PRNG. */
export class Dice {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** One request to send: the raw path (not normalised), headers and body bytes. */
export interface FuzzRequest {
  /** The OpenAPI operation it targets ("METHOD /path/{id}"), or "unknown". */
  route: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Which generator made it, for the failure report. */
  kind: string;
}

/** Ids and tokens the generator mixes in, so some requests get past validation into the use cases. */
export interface FuzzContext {
  token: string;
  userToken: string;
  foreignToken: string;
  /** Ids of the fuzzed tenant (valid) and of the protected tenant (must stay untouched). */
  invoiceIds: string[];
  /** A draft of the fuzzed tenant whose lines are `lineIds`' first entries; left out of invoiceIds so it stays a draft. */
  editableId: string;
  lineIds: string[];
  bookingIds: string[];
  customerIds: string[];
  attendees: string[];
  serviceIds: string[];
  businessId: string;
}

const KB100 = "x".repeat(100 * 1024);

/** Percent-encodes like encodeURIComponent, but a lone surrogate becomes its (invalid) UTF-8 bytes instead of throwing. */
export function pct(s: string): string {
  let out = "";
  for (const ch of s) {
    if (/^[A-Za-z0-9\-_.~]$/.test(ch)) {
      out += ch;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    const bytes = cp >= 0xd800 && cp <= 0xdfff ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)] : [...Buffer.from(ch, "utf8")];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
  }
  return out;
}
const cursorOf = (values: unknown) => Buffer.from(JSON.stringify(values)).toString("base64url");

/** Strings that have broken servers before: unicode edge cases, NUL, lone surrogates, injections, huge sizes. */
export const HOSTILE_STRINGS: readonly string[] = [
  "", " ", "\t\r\n", "\u0000", "a\u0000b", "😀🇳🇱👩‍👩‍👧", "שלום עולם مرحبا", "\u202Eevil\u202C", "\uD800", "\uDC00x", "a\uDBFF",
  "\uFEFF", "\u200B", "Ω≈ç√∫", "'; DROP TABLE invoices; --", "\" OR 1=1 --", "%00", "%", "../../etc/passwd", "<script>alert(1)</script>",
  "null", "undefined", "NaN", "Infinity", "-1", "0", "1e309", "-0", "0x1F", "9".repeat(400), "true", "{}", "[]", "__proto__", "constructor",
  "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "2026-02-30", "0000-01-01", "9999-12-31T23:59:59.999Z",
  "2026-13-01T00:00:00Z", "1970-01-01T00:00:00+25:00", "9999999999999.9999", "-9999999999999.9999", "0.00001", "1,5", "1e3",
  "a".repeat(513), "é".repeat(3000), KB100, "😀".repeat(30_000),
];

/** Any JSON value of a wrong shape: scalars, empty and deep containers, big arrays, hostile strings. */
export function hostileValue(d: Dice, ctx: FuzzContext, depth = 0): unknown {
  switch (d.int(depth > 1 ? 8 : 11)) {
    case 0: return null;
    case 1: return d.pick([true, false]);
    case 2: return d.pick([0, -1, 1.5, -0.0001, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, Number.MIN_VALUE]);
    case 3: case 4: case 5: return d.pick(HOSTILE_STRINGS);
    case 6: return d.pick([...ctx.invoiceIds, ...ctx.bookingIds, ...ctx.customerIds, ...ctx.lineIds]);
    case 7: return d.pick([[], {}, [[]], { "": null }]);
    case 8: return Array.from({ length: d.pick([2, 50, 10_001]) }, () => d.pick(HOSTILE_STRINGS.slice(0, 40)));
    case 9: return Object.fromEntries(Array.from({ length: 1 + d.int(4) }, () => [d.pick(["a", "__proto__", "constructor", "id", "😀", ""]), hostileValue(d, ctx, depth + 1)]));
    default: return Array.from({ length: 1 + d.int(3) }, () => hostileValue(d, ctx, depth + 1));
  }
}

type Schema = Record<string, any>;

/** A plausible value for a JSON schema of the OpenAPI document (first branch of unions, minimums, formats). */
export function sampleOf(schema: Schema | undefined, d: Dice, ctx: FuzzContext, depth = 0): unknown {
  if (!schema || depth > 6) return undefined;
  if (schema.enum) return d.pick(schema.enum);
  if (schema.const !== undefined) return schema.const;
  const branch = schema.anyOf ?? schema.oneOf;
  if (branch) return sampleOf(d.pick(branch as Schema[]), d, ctx, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) out[key] = sampleOf(sub, d, ctx, depth + 1);
      return out;
    }
    case "array": return [sampleOf(schema.items, d, ctx, depth + 1)];
    case "integer": case "number": return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean": return d.chance(0.5);
    case "string":
      if (schema.format === "uuid") return d.pick([...ctx.invoiceIds, ...ctx.customerIds, ...ctx.lineIds]);
      if (schema.format === "date") return "2026-12-31";
      if (schema.format === "date-time") return "2026-01-01T00:00:00Z";
      return "x";
    default: return undefined;
  }
}

// Values aimed at what a field of that name turns into: a date column, an exact decimal, an id.
const FIELD_POOLS: [RegExp, readonly string[]][] = [
  [/date|^from$|^to$/i, ["0000-01-01", "0001-01-01", "0001-01-01T00:00:00+14:00", "9999-12-31", "9999-12-31T23:59:59-14:00", "2026-02-29", "2024-02-29", "2026-04-31", "1969-12-31T23:59:59.999999Z", "2026-1-1"]],
  [/quantity|price|amount|rate/i, ["9999999999999.9999", "-9999999999999.9999", "9999999999999", "0.0000", "0.00001", "1e3", "00001.5", "-0", "+1", " 1", "1."]],
  [/ids?$/i, ["00000000-0000-0000-0000-000000000000", "AAMkAD=", "a".repeat(512), "a".repeat(513), "\u0000"]],
];

/** A hostile value for a named field: often aimed at its type (see FIELD_POOLS), otherwise any hostile value. */
export function hostileFor(key: string, d: Dice, ctx: FuzzContext): unknown {
  const pool = FIELD_POOLS.find(([re]) => re.test(key))?.[1];
  return pool && d.chance(0.6) ? d.pick(pool) : hostileValue(d, ctx);
}

/** Replaces, removes or adds fields at random places of a valid-ish value. */
export function mutate(value: unknown, d: Dice, ctx: FuzzContext, depth = 0): unknown {
  if (Array.isArray(value)) {
    if (d.chance(0.2)) return hostileValue(d, ctx);
    return value.map((v) => (d.chance(0.5) ? mutate(v, d, ctx, depth + 1) : v)).concat(d.chance(0.2) ? [hostileValue(d, ctx)] : []);
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const key of Object.keys(out)) {
      const roll = d.next();
      if (roll < 0.2) delete out[key];
      else if (roll < 0.55) out[key] = hostileFor(key, d, ctx);
      else if (roll < 0.75) out[key] = mutate(out[key], d, ctx, depth + 1);
    }
    if (d.chance(0.3)) out[d.pick(["extra", "tenantId", "id", "status", "number", "__proto__", "😀"])] = hostileValue(d, ctx);
    return out;
  }
  return d.chance(0.7) ? hostileValue(d, ctx) : value;
}

/** Query parameter values: bad numbers, cursors (garbage and well-formed with bad content), dates, arrays by repetition. */
export function hostileQueryValue(d: Dice, ctx: FuzzContext, name: string): string {
  const cursors = [
    "x", "%%%", cursorOf(null), cursorOf(["date"]), cursorOf(["date", "not-a-date", "id"]), cursorOf(["amount", "abc", "x"]),
    cursorOf(["customer", "\u0000", "\uD800"]), cursorOf(["-date", "9999-12-31T23:59:59Z", "x"]), cursorOf(["2026-01-01T00:00:00Z", "nope"]),
    cursorOf(["0001-01-01T00:00:00Z", ctx.invoiceIds[0]]), cursorOf(["0000-12-31T23:59:59Z", ctx.invoiceIds[0]]), cursorOf(["service", "a".repeat(1500), "b"]), cursorOf(["amount", "1e999", "z"]), cursorOf(["date", "0000-01-01T00:00:00Z", "x"]),
    cursorOf(["amount", "1".repeat(39), "x"]), cursorOf(["-customer", "b", "\u0000"]), cursorOf(["date", "2026-01-01T00:00:00.123456789Z", "x"]),
  ];
  const byName: Record<string, readonly string[]> = {
    limit: ["-1", "0", "1.5", "1e9", "abc", "", " ", "0x10", "99999999999999999999", "Infinity", "NaN", "500", "201"],
    cursor: cursors,
    from: ["2026-02-30", "0000-01-01", "0001-01-01T00:00:00+14:00", "99999-01-01", "2026-01-01T25:00:00Z", "yesterday", "", "2026-01-01T00:00:00+14:00", "1970-01-01"],
    to: ["2026-02-31", "0001-01-01T00:00:00Z", "0000-06-01", "9999-12-31", "-2026-01-01", "2026-W01", "now"],
    sort: ["amount", "-amount", "nope", "", "date,amount", "--date"],
    priceType: ["fixedPrice,,hourly", "free", ",", "hourly," + "x".repeat(300), "FIXEDPRICE"],
    status: ["draft", "DRAFT", "final ", "deleted", ""],
    ids: ["", ",,,", ctx.invoiceIds.join(","), Array.from({ length: 301 }, () => ctx.invoiceIds[0]).join(","), "not-a-uuid", `${ctx.invoiceIds[0]},x`],
  };
  const pool = byName[name] ?? [];
  if (pool.length && d.chance(0.6)) return pct(d.pick(pool));
  const raw = d.pick(HOSTILE_STRINGS.filter((s) => s.length < 20_000));
  // Unencoded only where an HTTP client can send it at all (visible ASCII).
  return d.chance(0.15) && /^[\x21-\x7e]+$/.test(raw) ? raw : pct(raw);
}
