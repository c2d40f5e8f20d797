// Covers concurrent creates over overlapping selections: 20 at once on PGlite and PostgreSQL, and split across two
// API processes on one PostgreSQL; each (booking, attendee) ends on exactly one invoice and every answer tells the truth.
import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { DEMO_BUSINESS_ID, startEmulator } from "../../api/emulator/index";
import { openDb } from "../../api/src/shared/db";
import { client } from "../factories/http";
import { expectInvoiceInvariants } from "../factories/invoiceInvariants";
import { startServerProcess, stopServerProcess, type ServerProcess } from "../factories/serverProcess";
import { startTestServer, testStores } from "../factories/testServer";

/** 20 overlapping selections of 25 from the first 60 bookings (deterministic). */
function selections(ids: string[]): string[][] {
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: 20 }, () => [...ids.slice(0, 60)].sort(() => next() - 0.5).slice(0, 25));
}

/** Fires the creates at once (alternating strict and skipConflicts) and checks what they answered against the store. */
async function raceCreates(targets: { url: string; token: string }[], picks: string[][], lineCount: () => Promise<number>) {
  const answers = await Promise.all(
    picks.map((bookingIds, i) => client(targets[i % targets.length]!.url, targets[i % targets.length]!.token).post("/api/invoices", { bookingIds, skipConflicts: i % 2 === 1 })),
  );
  for (const [i, a] of answers.entries()) expect(i % 2 === 1 ? [201] : [201, 409], `request ${i}`).toContain(a.status);
  const created = answers.filter((a) => a.status === 201);
  expect(created.length).toBeGreaterThanOrEqual(10);
  const answeredLines = created.flatMap((a) => a.body.invoices.flatMap((inv: any) => inv.lines.map((l: any) => l.id)));
  expect(new Set(answeredLines).size).toBe(answeredLines.length);
  expect(await lineCount()).toBe(answeredLines.length);
  for (const a of answers.filter((x) => x.status === 409)) {
    expect(a.body.error.code).toBe("ALREADY_INVOICED");
    expect(a.body.error.bookingIds.length).toBeGreaterThan(0);
  }
  const skippedAsInvoiced = answers.filter((a) => a.status === 201).flatMap((a) => a.body.skipped.filter((s: any) => s.reason === "alreadyInvoiced"));
  expect(skippedAsInvoiced.length).toBeGreaterThan(0);
}

describe.each(testStores())("20 concurrent creates on %s", (store) => {
  it("invoice each (booking, attendee) exactly once", async () => {
    const server = await startTestServer({ store });
    try {
      const token = await server.token();
      const items = (await client(server.url, token).get("/api/bookings/uninvoiced?limit=200&priceType=fixedPrice,hourly")).body.items;
      const ids = items.filter((b: any) => b.customers.every((c: any) => c.customerId)).map((b: any) => b.id);
      const db = server.api.ctx.db;
      await raceCreates([{ url: server.url, token }], selections(ids), async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM invoice_lines")).rows[0]!.n);
      await expectInvoiceInvariants(db);
    } finally {
      await server.close();
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("concurrent creates from two API processes on one PostgreSQL", () => {
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_conc_${randomUUID().slice(0, 8)}`;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => stopServerProcess(s)));
    const admin = await openDb({ kind: "postgres", url });
    await admin.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    // and the job queue's tables beside it (jobQueue.ts)
    await admin.exec(`DROP SCHEMA IF EXISTS "${schema}_pgboss" CASCADE`);
    await admin.close();
  });

  it("invoice each (booking, attendee) exactly once", async () => {
    const emulator = await startEmulator({ seed: "demo", port: 0 });
    const db = await openDb({ kind: "postgres", url, schema });
    const dbUrl = `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    servers.push(...(await Promise.all([0, 1].map(() => startServerProcess({ DATABASE_URL: dbUrl, GRAPH_BASE_URL: emulator.url, GRAPH_TOKEN: "t" })))));
    const tenant = "tenant-conc";
    const targets = await Promise.all(servers.map(async (s) => ({ url: s.url, token: await s.token(tenant) })));
    const first = client(targets[0]!.url, targets[0]!.token);
    expect((await first.put("/api/setup", { businessId: DEMO_BUSINESS_ID })).status).toBe(200);
    expect((await first.post("/api/sync")).body.status).toBe("succeeded");
    const items = (await first.get("/api/bookings/uninvoiced?limit=200&priceType=fixedPrice,hourly")).body.items;
    const ids = items.filter((b: any) => b.customers.every((c: any) => c.customerId)).map((b: any) => b.id);
    await raceCreates(targets, selections(ids), async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM invoice_lines")).rows[0]!.n);
    await expectInvoiceInvariants(db);
    await db.close();
    await emulator.close();
  });
});
