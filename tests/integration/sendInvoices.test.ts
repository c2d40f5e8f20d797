// Covers sending final documents by e-mail (PRODUCT.md §4.9) through the HTTP API and the Graph emulator's outbox:
// each document goes once with its PDF to its customer's address, in the customer's language; sent ones are skipped
// unless resent; a 4xx fails one document with Graph's request id while the rest go on; and a send whose success
// Graph hid (a 500 or a dropped connection after the message went out) is found in Sent Items, not sent twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { KEY_PROPERTY_ID } from "../../api/src/features/graph/mailClient";
import { client } from "../factories/http";
import { waitForJob } from "../factories/jobs";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

describe.each(testStores())("sending invoices by e-mail on %s", (store) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  const finals: any[] = [];

  beforeAll(async () => {
    // Look Sent Items up at once after an unknown outcome (the emulator files sent messages at once), and give up on a
    // request after a second, so a held-back answer counts as no answer.
    server = await startTestServer({ store, env: { MAIL_RECONCILE_SECONDS: "0", MAIL_TIMEOUT_SECONDS: "1" }, emulator: { retryAfterSeconds: 1 } });
    admin = client(server.url, await server.token());
    const setup = (await admin.get("/api/setup")).body;
    const saved = await admin.put("/api/setup", { ...setup, delivery: { enabled: true, replyTo: "balie@contosophysio.example" } });
    expect(saved.status).toBe(200);
    // One final invoice per customer with an e-mail address, for ten customers.
    const items = (await admin.get("/api/bookings/uninvoiced?limit=500")).body.items.filter((b: any) => b.customers.length === 1 && b.customers[0].customerId && b.customers[0].email && b.flags.length === 0);
    const seen = new Set<string>();
    const picks = items.filter((b: any) => !seen.has(b.customers[0].customerId) && seen.add(b.customers[0].customerId)).slice(0, 10);
    expect(picks).toHaveLength(10);
    const created = await admin.post("/api/invoices", { bookingIds: picks.map((b: any) => b.id), groupBy: "booking" });
    expect(created.status).toBe(201);
    for (const draft of created.body.invoices) {
      const final = await admin.post(`/api/invoices/${draft.id}/finalize`);
      expect(final.status).toBe(200);
      finals.push(final.body);
    }
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server.emulator.controls.clearMail();
    server.emulator.controls.setFaults([]);
  });

  const mail = () => server.emulator.controls.mail();
  const keyOf = (m: any) => m.extendedProperties[Object.keys(m.extendedProperties).find((k) => k.toLowerCase() === KEY_PROPERTY_ID.toLowerCase())!];
  const send = async (body: object) => {
    const res = await admin.post("/api/invoices/send", body);
    expect(res.status).toBe(202);
    expect(res.headers.get("location")).toBe(`/api/jobs/${res.body.jobId}`);
    return { ...res.body, job: await waitForJob(admin, res.body.jobId) };
  };
  const send0 = async (path: string, body: object) => {
    const res = await admin.post(path, body);
    expect(res.status).toBe(202);
    return { ...res.body, job: await waitForJob(admin, res.body.jobId) };
  };
  const delivery = async (id: string) => (await admin.get(`/api/invoices/${id}`)).body.delivery;

  it("sends each document once, with its PDF, to its customer, and says so on the document", async () => {
    const docs = finals.slice(0, 4);
    const { job, queued, skipped } = await send({ invoiceIds: docs.map((d) => d.id) });
    expect({ queued, skipped }).toEqual({ queued: 4, skipped: [] });
    expect(job).toMatchObject({ kind: "sendInvoices", status: "succeeded", total: 4, done: 4, failed: 0, errors: [] });
    const sent = mail();
    expect(sent).toHaveLength(4);
    for (const d of docs) {
      const m = sent.find((x: any) => keyOf(x) === `${d.id}.1`)!;
      expect(m).toMatchObject({ mailbox: "ContosoPhysio@contoso.onmicrosoft.com", to: [d.customer.email], replyTo: ["balie@contosophysio.example"], bodyContentType: "html" });
      expect(m.subject).toMatch(new RegExp(`^(Invoice|Factuur) ${d.number} (from|van) `));
      expect(m.attachments).toEqual([expect.objectContaining({ name: `${d.number}.pdf`, contentType: "application/pdf" })]);
      expect(m.attachments[0]!.size).toBeGreaterThan(1000);
      expect(await delivery(d.id)).toMatchObject({ status: "sent", to: d.customer.email, attempts: 1, error: null });
    }
    // The list filters by delivery: these four are sent, the other six not sent yet.
    const ids = async (q: string) => new Set((await admin.get(`/api/invoices?limit=200&${q}`)).body.items.map((i: any) => i.id));
    const sentIds = await ids("delivery=sent");
    const notSent = await ids("delivery=notSent,failed");
    for (const d of docs) expect([sentIds.has(d.id), notSent.has(d.id)]).toEqual([true, false]);
    for (const d of finals.slice(4)) expect([sentIds.has(d.id), notSent.has(d.id)]).toEqual([false, true]);
    expect((await admin.get("/api/invoices?delivery=posted")).body.error.message).toContain("delivery: use notSent, queued, sending, sent, failed, separated by commas");
  });

  it("skips what was sent and what is no final document, and sends again only when asked", async () => {
    const [doc] = finals.slice(0, 1);
    const draft = (await admin.get("/api/invoices?status=draft&limit=1")).body.items[0];
    const again = await send({ invoiceIds: [doc.id, ...(draft ? [draft.id] : []), "00000000-0000-4000-8000-000000000000"] });
    expect(again.skipped).toEqual([{ invoiceId: doc.id, reason: "alreadySent" }, ...(draft ? [{ invoiceId: draft.id, reason: "notFinal" }] : []), { invoiceId: "00000000-0000-4000-8000-000000000000", reason: "notFound" }]);
    expect(again.job).toMatchObject({ status: "succeeded", total: 0, done: 0 });
    expect(mail()).toHaveLength(0);
    const resent = await send({ invoiceIds: [doc.id], resend: true });
    expect(resent.job).toMatchObject({ status: "succeeded", done: 1 });
    expect(mail().map(keyOf)).toEqual([`${doc.id}.2`]);
  });

  it("fails the document Graph refuses, with Graph's code and request id, and sends the others", async () => {
    const docs = finals.slice(4, 7);
    server.emulator.controls.setFaults([{ match: "sendMail", method: "POST", kind: "403", count: 1 }]);
    const { job } = await send({ invoiceIds: docs.map((d) => d.id) });
    expect(job).toMatchObject({ status: "succeeded", total: 3, done: 2, failed: 1 });
    expect(job.errors).toEqual([expect.objectContaining({ code: expect.any(String), invoiceId: expect.any(String) })]);
    const failed = await delivery(job.errors[0].invoiceId);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.error.message).toMatch(/^Microsoft Graph refused the message: .+ \(request id [\w-]+\)$/);
    expect(failed.error.requestId).toMatch(/^[\w-]+$/);
    expect(mail()).toHaveLength(2);
    // Sending the failed one again (a person asked) sends it once.
    const retry = await send({ invoiceIds: [job.errors[0].invoiceId] });
    expect(retry.job).toMatchObject({ done: 1, failed: 0 });
    expect(mail()).toHaveLength(3);
    expect(await delivery(job.errors[0].invoiceId)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it.each([
    ["a 500 after the message went out", { kind: "afterSend", status: 500 }],
    ["a connection dropped after the message went out", { kind: "dropAfterSend" }],
    ["an answer held back past the timeout", { kind: "delayAfterSend", delayMs: 2500 }],
  ])("finds the message in Sent Items after %s, and does not send it again", async (_what, fault) => {
    const doc = finals[7 + ["afterSend", "dropAfterSend", "delayAfterSend"].indexOf(fault.kind)];
    server.emulator.controls.setFaults([{ match: "sendMail", method: "POST", count: 1, ...fault } as any]);
    const { job } = await send({ invoiceIds: [doc.id] });
    expect(job).toMatchObject({ status: "succeeded", done: 1, failed: 0 });
    expect(mail().map(keyOf)).toEqual([`${doc.id}.1`]);
    expect(await delivery(doc.id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("sends again a message that did not go out (a 503 before the send), after looking for it first", async () => {
    const doc = finals[0];
    server.emulator.controls.setFaults([{ match: "sendMail", method: "POST", kind: "503", count: 1 }]);
    const before = server.emulator.controls.stats().byKind.listMessages ?? 0;
    const { job } = await send({ invoiceIds: [doc.id], resend: true });
    expect(job).toMatchObject({ status: "succeeded", done: 1 });
    expect(mail()).toHaveLength(1);
    expect((server.emulator.controls.stats().byKind.listMessages ?? 0) - before).toBeGreaterThanOrEqual(1);
    expect(await delivery(doc.id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("waits out 429s and sends each message once", async () => {
    const doc = finals[1];
    server.emulator.controls.setFaults([{ match: "sendMail", method: "POST", kind: "429", count: 2 }]);
    const { job } = await send({ invoiceIds: [doc.id], resend: true });
    expect(job).toMatchObject({ status: "succeeded", done: 1 });
    expect(mail()).toHaveLength(1);
    expect(await delivery(doc.id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("reminds overdue invoices only, each reminder a message of its own recorded on the invoice", async () => {
    const [overdue, paid] = [finals[2], finals[3]];
    const notYet = await admin.post("/api/invoices/remind", { invoiceIds: [overdue.id] });
    expect(notYet.body).toMatchObject({ queued: 0, skipped: [{ invoiceId: overdue.id, reason: "notOverdue" }] });
    expect((await admin.post(`/api/invoices/${paid.id}/payments`, { amount: paid.outstanding, date: paid.issueDate })).status).toBe(200);
    // Forty days on, both are past their due date; only the unpaid one is overdue.
    const realNow = server.api.ctx.now;
    server.api.ctx.now = () => new Date(realNow().getTime() + 40 * 86_400_000);
    try {
      const first = await send0("/api/invoices/remind", { invoiceIds: [overdue.id, paid.id] });
      expect(first.skipped).toEqual([{ invoiceId: paid.id, reason: "notOverdue" }]);
      expect(first.job).toMatchObject({ status: "succeeded", total: 1, done: 1, failed: 0 });
      const [m] = mail();
      expect(keyOf(m)).toBe(`${overdue.id}.r1`);
      expect(m!.subject).toMatch(new RegExp(`^(Reminder: invoice|Herinnering: factuur) ${overdue.number} `));
      expect(m!.to).toEqual([overdue.customer.email]);
      expect(m!.attachments.map((a: any) => a.name)).toEqual([`${overdue.number}.pdf`]);
      // Every overdue invoice when none is named; a second reminder is the next one.
      const all = await send0("/api/invoices/remind", {});
      expect(all.queued).toBeGreaterThanOrEqual(1);
      const reminders = (await admin.get(`/api/invoices/${overdue.id}`)).body.reminders;
      expect(reminders.map((r: any) => [r.seq, r.status, r.to])).toEqual([[1, "sent", overdue.customer.email], [2, "sent", overdue.customer.email]]);
      expect(mail().filter((x: any) => keyOf(x).startsWith(`${overdue.id}.r`)).map(keyOf)).toEqual([`${overdue.id}.r1`, `${overdue.id}.r2`]);
      // The document's own delivery is untouched by its reminders.
      expect((await delivery(overdue.id)).status).toBe("sent");
      expect((await admin.get(`/api/invoices/${paid.id}`)).body.reminders).toEqual([]);
    } finally {
      server.api.ctx.now = realNow;
    }
  });

  it("takes over a document a job that ended left unsent, looking its message up first, but not one a live job has", async () => {
    const doc = finals[9];
    const db = server.api.ctx.db;
    const { insertJob } = await import("../../api/src/features/jobs/job.repository");
    const tenantId = (await db.query<{ tenant_id: string }>("SELECT tenant_id FROM invoices WHERE id = $1", [doc.id])).rows[0]!.tenant_id;
    const stuck = async (status: "failed" | "running") => {
      const job = await insertJob(db, tenantId, { kind: "sendInvoices", createdBy: "someone", input: {}, total: 1 });
      await db.query("UPDATE jobs SET status = $2 WHERE id = $1", [job.id, status]);
      await db.query("UPDATE invoice_deliveries SET status = 'sending', attempts = 1, job_id = $2 WHERE invoice_id = $1 AND kind = 'document'", [doc.id, job.id]);
    };
    await stuck("running");
    expect((await admin.post("/api/invoices/send", { invoiceIds: [doc.id] })).body.skipped).toEqual([{ invoiceId: doc.id, reason: "inProgress" }]);
    await stuck("failed");
    const before = server.emulator.controls.stats().byKind.listMessages ?? 0;
    const { job, skipped } = await send({ invoiceIds: [doc.id] });
    expect(skipped).toEqual([]);
    expect(job).toMatchObject({ status: "succeeded", done: 1 });
    // Looked up (not there: the outbox was cleared), then sent once under the same key.
    expect((server.emulator.controls.stats().byKind.listMessages ?? 0) - before).toBeGreaterThanOrEqual(1);
    expect(mail().map(keyOf)).toEqual([`${doc.id}.1`]);
    expect(await delivery(doc.id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("refuses while sending is turned off, and refuses bad requests clearly", async () => {
    expect((await admin.post("/api/invoices/send", {})).body.error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("give either invoiceIds or filter") });
    expect((await admin.post("/api/invoices/send", { invoiceIds: ["x"] })).status).toBe(400);
    expect((await admin.post("/api/invoices/send", { invoiceIds: [] })).body.error.message).toContain("invoiceIds is empty");
    const setup = (await admin.get("/api/setup")).body;
    await admin.put("/api/setup", { ...setup, delivery: { ...setup.delivery, enabled: false } });
    const off = await admin.post("/api/invoices/send", { invoiceIds: [finals[0].id] });
    expect(off).toMatchObject({ status: 409, body: { error: { code: "DELIVERY_DISABLED" } } });
    await admin.put("/api/setup", { ...setup, delivery: { ...setup.delivery, enabled: true } });
  });

  it("sends an admin a test message from the sender mailbox, and only an admin", async () => {
    const res = await admin.post("/api/setup/delivery/test", { to: "admin@contoso.example", language: "nl" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ to: "admin@contoso.example", mailbox: "ContosoPhysio@contoso.onmicrosoft.com", subject: expect.stringMatching(/^\[Test\] Factuur TEST-0001 van /) });
    expect(mail()).toEqual([expect.objectContaining({ to: ["admin@contoso.example"], attachments: [] })]);
    const staff = client(server.url, await server.token({ admin: false }));
    expect((await staff.post("/api/setup/delivery/test", { to: "x@contoso.example" })).status).toBe(403);
    // Without an address in the token or the request, it says what to do.
    expect((await admin.post("/api/setup/delivery/test", {})).body.error.message).toMatch(/^to: your sign-in names no e-mail address/);
    server.emulator.controls.setMissingMailboxes(["ContosoPhysio@contoso.onmicrosoft.com"]);
    const refused = await admin.post("/api/setup/delivery/test", { to: "admin@contoso.example" });
    server.emulator.controls.setMissingMailboxes([]);
    expect(refused).toMatchObject({ status: 502, body: { error: { code: "GRAPH_ERROR" } } });
    expect(refused.body.error.message).toMatch(/^Microsoft Graph refused the test message from ContosoPhysio@contoso.onmicrosoft.com: .*\(request id /);
  });
});
