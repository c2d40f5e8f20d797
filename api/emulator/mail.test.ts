// Covers mail: sendMail and its outbox entry, Sent Items/Drafts lookups by extended property, the per-minute and
// per-mailbox concurrency limits, the after-send faults, upload sessions for large attachments, 413 and Graph's 400s.
import { createHash } from "node:crypto";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { parsePropertyFilter } from "./mailQuery";
import { localPath, makeEmulator, NOW } from "./testSupport";
import { SlidingWindow } from "./throttle";

const MAILBOX = "Billing@contoso.onmicrosoft.com";
const USER = `/v1.0/users/${encodeURIComponent(MAILBOX)}`;
const PROP = "String {8ecc8b7c-1f5a-4c2b-9d67-6c1d3b8a0f11} Name InvoiceKey";
const MiB = 1024 * 1024;

type App = ReturnType<typeof makeEmulator>["app"];

function post(app: App, path: string, body?: object): request.Test {
  const req = request(app).post(path).set("Authorization", "Bearer test-token");
  return body === undefined ? req : req.send(body);
}

function get(app: App, path: string): request.Test {
  return request(app).get(path).set("Authorization", "Bearer test-token");
}

function invoiceMessage(key: string, overrides: object = {}): Record<string, unknown> {
  return {
    subject: `Invoice ${key}`,
    body: { contentType: "HTML", content: "<p>Please find your invoice attached.</p>" },
    toRecipients: [{ emailAddress: { address: "jane@example.com", name: "Jane Doe" } }],
    singleValueExtendedProperties: [{ id: PROP, value: key }],
    ...overrides,
  };
}

function sendMail(app: App, message: object, extra: object = {}): request.Test {
  return post(app, `${USER}/sendMail`, { message, ...extra });
}

function sentItemsWith(value: string, folder = "SentItems"): string {
  const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${PROP}' and ep/value eq '${value.replace(/'/g, "''")}')`;
  const expand = `singleValueExtendedProperties($filter=id eq '${PROP}')`;
  const query = new URLSearchParams({ $filter: filter, $select: "id,subject,sentDateTime,toRecipients", $expand: expand });
  return `${USER}/mailFolders/${folder}/messages?${query.toString()}`;
}

function bytes(size: number, salt = 7): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + salt + (i >> 12)) & 0xff;
  return out;
}

function sha256(buffer: Buffer): string {
  return createHash("sha256").update(buffer).digest("hex");
}

describe("sendMail", () => {
  it("answers 202 with an empty body and a request-id, and puts the message in the outbox", async () => {
    const { app, controls } = makeEmulator();
    const pdf = bytes(50_000);
    const res = await sendMail(
      app,
      invoiceMessage("INV-1", {
        ccRecipients: [{ emailAddress: { address: "accounts@example.com" } }],
        bccRecipients: [{ emailAddress: { address: "archive@contoso.com" } }],
        replyTo: [{ emailAddress: { address: "billing-replies@contoso.com" } }],
        attachments: [{ "@odata.type": "#microsoft.graph.fileAttachment", name: "INV-1.pdf", contentType: "application/pdf", contentBytes: pdf.toString("base64") }],
        internetMessageHeaders: [{ name: "X-Invoice-Id", value: "INV-1" }],
      }),
    ).expect(202);
    expect(res.text).toBe("");
    expect(res.headers["request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const [mail, ...more] = controls.mail();
    expect(more).toEqual([]);
    expect(mail).toEqual({
      id: expect.any(String),
      mailbox: MAILBOX,
      from: MAILBOX,
      to: ["jane@example.com"],
      cc: ["accounts@example.com"],
      bcc: ["archive@contoso.com"],
      replyTo: ["billing-replies@contoso.com"],
      subject: "Invoice INV-1",
      bodyContentType: "html",
      body: "<p>Please find your invoice attached.</p>",
      attachments: [{ name: "INV-1.pdf", contentType: "application/pdf", size: 50_000, sha256: sha256(pdf) }],
      extendedProperties: { [PROP]: "INV-1" },
      headers: { "X-Invoice-Id": "INV-1" },
      internetMessageId: expect.stringMatching(/^<[0-9A-F]{32}@.+>$/),
      sentAt: NOW.toISOString(),
      requestId: res.headers["request-id"],
      via: "sendMail",
      savedToSentItems: true,
    });
    expect(controls.stats()).toMatchObject({ byKind: expect.objectContaining({ sendMail: 1 }) });
  });

  it("serves the outbox over HTTP, per mailbox (any case), and clears it with DELETE and reset", async () => {
    const { app, controls } = makeEmulator();
    await sendMail(app, invoiceMessage("A")).expect(202);
    await post(app, "/v1.0/users/other%40contoso.com/sendMail", { message: invoiceMessage("B") }).expect(202);
    const all = await request(app).get("/_emulator/mail").expect(200);
    expect(all.body.map((m: { subject: string }) => m.subject)).toEqual(["Invoice A", "Invoice B"]);
    const mine = await request(app).get(`/_emulator/mail?mailbox=${encodeURIComponent(MAILBOX.toLowerCase())}`).expect(200);
    expect(mine.body.map((m: { subject: string }) => m.subject)).toEqual(["Invoice A"]);
    await request(app).delete("/_emulator/mail").expect(200);
    expect(controls.mail()).toEqual([]);
    expect((await get(app, sentItemsWith("A"))).body.value).toEqual([]);
    await sendMail(app, invoiceMessage("C")).expect(202);
    await request(app).post("/_emulator/reset").send({}).expect(200);
    expect((await request(app).get("/_emulator/mail")).body).toEqual([]);
    // The cancellation-notice outbox is a separate list and stays as it was.
    expect((await request(app).get("/_emulator/outbox")).body).toEqual([]);
  });

  it("keeps saveToSentItems: false out of Sent Items but in the outbox; true is the default", async () => {
    const { app, controls } = makeEmulator();
    await sendMail(app, invoiceMessage("NOSAVE"), { saveToSentItems: false }).expect(202);
    await sendMail(app, invoiceMessage("SAVED")).expect(202);
    expect((await get(app, sentItemsWith("NOSAVE")).expect(200)).body.value).toEqual([]);
    expect((await get(app, sentItemsWith("SAVED")).expect(200)).body.value).toHaveLength(1);
    expect(controls.mail().map((m) => [m.subject, m.savedToSentItems])).toEqual([
      ["Invoice NOSAVE", false],
      ["Invoice SAVED", true],
    ]);
  });
});

describe("finding sent messages", () => {
  it("filters Sent Items by extended property: exactly the one message, selected and expanded", async () => {
    const { app } = makeEmulator();
    for (const key of ["INV-1", "INV-2", "INV-3"]) await sendMail(app, invoiceMessage(key)).expect(202);
    // An equal value under another property id must not match.
    const otherProp = "String {8ecc8b7c-1f5a-4c2b-9d67-6c1d3b8a0f11} Name OtherKey";
    await sendMail(app, invoiceMessage("x", { singleValueExtendedProperties: [{ id: otherProp, value: "INV-2" }] })).expect(202);
    const res = await get(app, sentItemsWith("INV-2", "sentitems")).expect(200);
    expect(res.body.value).toEqual([
      {
        "@odata.etag": expect.stringMatching(/^W\/"/),
        id: expect.any(String),
        subject: "Invoice INV-2",
        sentDateTime: "2026-05-20T10:00:00Z",
        toRecipients: [{ emailAddress: { name: "Jane Doe", address: "jane@example.com" } }],
        singleValueExtendedProperties: [{ id: PROP, value: "INV-2" }],
      },
    ]);
    const full = await get(app, `${USER}/messages/${res.body.value[0].id}`).expect(200);
    expect(full.body).toMatchObject({ subject: "Invoice INV-2", isDraft: false, internetMessageId: expect.stringMatching(/^</) });
    expect(full.body.singleValueExtendedProperties).toBeUndefined();
  });

  it("reads the documented filter form leniently (Any/any, spacing, doubled quotes, GUID case)", () => {
    const expected = { key: parsePropertyFilter(`singleValueExtendedProperties/Any(ep: ep/id eq '${PROP}' and ep/value eq 'a')`).key, value: "O'Neil" };
    for (const text of [
      `singleValueExtendedProperties/any(ep:ep/id eq '${PROP}' and ep/value eq 'O''Neil')`,
      `  singleValueExtendedProperties / Any ( x : x/id  eq  '${PROP.toUpperCase().replace("NAME INVOICEKEY", "Name InvoiceKey")}'  and  x/value eq 'O''Neil' ) `,
    ]) {
      expect(parsePropertyFilter(text)).toEqual(expected);
    }
  });

  it.each([
    "subject eq 'Invoice 1'",
    `singleValueExtendedProperties/Any(ep: ep/value eq 'a' and ep/id eq '${PROP}')`,
    `singleValueExtendedProperties/Any(ep: ep/id eq '${PROP}' and ep/value eq 'a') and subject eq 'x'`,
    `singleValueExtendedProperties/Any(ep: ep/id eq "${PROP}" and ep/value eq "a")`,
    `singleValueExtendedProperties/Any(ep: e/id eq '${PROP}' and ep/value eq 'a')`,
  ])("answers 400 ErrorInvalidUrlQueryFilter for %s", async (filter) => {
    const { app } = makeEmulator();
    const res = await get(app, `${USER}/mailFolders/SentItems/messages?$filter=${encodeURIComponent(filter)}`).expect(400);
    expect(res.body.error).toMatchObject({ code: "ErrorInvalidUrlQueryFilter", innerError: { "request-id": res.headers["request-id"] } });
  });

  it("answers 400 for a malformed property id, an unknown $select property and other $expand", async () => {
    const { app } = makeEmulator();
    const badId = `singleValueExtendedProperties/Any(ep: ep/id eq 'String InvoiceKey' and ep/value eq 'a')`;
    expect((await get(app, `${USER}/mailFolders/SentItems/messages?$filter=${encodeURIComponent(badId)}`).expect(400)).body.error.code).toBe("ErrorInvalidProperty");
    expect((await get(app, `${USER}/mailFolders/SentItems/messages?$select=id,nope`).expect(400)).body.error.message).toMatch(/'nope'/);
    await get(app, `${USER}/mailFolders/SentItems/messages?$expand=attachments`).expect(400);
    await get(app, `${USER}/mailFolders/SentItems/messages?$orderby=sentDateTime`).expect(400);
    await get(app, `${USER}/mailFolders/nonsense/messages`).expect(400);
    expect((await get(app, `${USER}/mailFolders/Inbox/messages`).expect(200)).body.value).toEqual([]);
  });

  it("finds drafts the same way, and pages lists with $top and a $skip nextLink", async () => {
    const { app } = makeEmulator();
    const draft = await post(app, `${USER}/messages`, invoiceMessage("DRAFT-1")).expect(201);
    expect(draft.body).toMatchObject({ id: expect.any(String), isDraft: true, subject: "Invoice DRAFT-1" });
    const found = await get(app, sentItemsWith("DRAFT-1", "drafts")).expect(200);
    expect(found.body.value.map((m: { id: string }) => m.id)).toEqual([draft.body.id]);
    expect((await get(app, sentItemsWith("DRAFT-1")).expect(200)).body.value).toEqual([]);

    for (const key of ["P1", "P2", "P3"]) await sendMail(app, invoiceMessage(key)).expect(202);
    const first = await get(app, `${USER}/mailFolders/SentItems/messages?$top=2&$select=subject`).expect(200);
    expect(first.body.value.map((m: { subject: string }) => m.subject)).toEqual(["Invoice P3", "Invoice P2"]);
    const second = await get(app, localPath(first.body["@odata.nextLink"])).expect(200);
    expect(second.body.value.map((m: { subject: string }) => m.subject)).toEqual(["Invoice P1"]);
    expect(second.body["@odata.nextLink"]).toBeUndefined();
  });
});

describe("mail limits", () => {
  it("refuses the 31st message within 60 s with 429 ApplicationThrottled until the first leaves the window", async () => {
    const { app, controls } = makeEmulator();
    for (let i = 1; i <= 30; i++) await sendMail(app, invoiceMessage(`N${i}`)).expect(202);
    controls.setClock(new Date(NOW.getTime() + 10_000));
    const refused = await sendMail(app, invoiceMessage("N31")).expect(429);
    expect(refused.headers["retry-after"]).toBe("50");
    expect(refused.body.error).toMatchObject({
      code: "ApplicationThrottled",
      message: expect.stringContaining("30 messages per minute"),
      innerError: { "request-id": refused.headers["request-id"], date: "2026-05-20T10:00:10" },
    });
    controls.setClock(new Date(NOW.getTime() + 59_500));
    expect((await sendMail(app, invoiceMessage("N31")).expect(429)).headers["retry-after"]).toBe("1");
    controls.setClock(new Date(NOW.getTime() + 60_000));
    await sendMail(app, invoiceMessage("N31")).expect(202);
    // Another mailbox has its own window.
    await post(app, "/v1.0/users/other%40contoso.com/sendMail", { message: invoiceMessage("O1") }).expect(202);
    expect(controls.mail()).toHaveLength(32);
    expect(controls.stats()).toMatchObject({ mailThrottled: 2, throttled: 0 });
  });

  it("takes mailPerMinute as an option and counts draft sends too", async () => {
    const { app, controls } = makeEmulator({ mailPerMinute: 2 });
    await sendMail(app, invoiceMessage("A")).expect(202);
    const draft = await post(app, `${USER}/messages`, invoiceMessage("B")).expect(201);
    await post(app, `${USER}/messages/${draft.body.id}/send`).expect(202);
    const refused = await sendMail(app, invoiceMessage("C")).expect(429);
    expect(refused.headers["retry-after"]).toBe("60");
    const second = await post(app, `${USER}/messages`, invoiceMessage("D")).expect(201);
    expect((await post(app, `${USER}/messages/${second.body.id}/send`).expect(429)).body.error.code).toBe("ApplicationThrottled");
    controls.setClock(new Date(NOW.getTime() + 60_000));
    await post(app, `${USER}/messages/${second.body.id}/send`).expect(202);
  });

  it("answers the 5th concurrent request of an app on a mailbox with 429 MailboxConcurrency", async () => {
    const { app, controls } = makeEmulator({ retryAfterSeconds: 2 });
    const hold = controls.hold("/sendMail$", { phase: "admitted" });
    const inFlight = Array.from({ length: 4 }, (_, i) => sendMail(app, invoiceMessage(`C${i}`)).then((r) => r));
    await hold.untilWaiting(4);
    const fifth = await get(app, `${USER}/mailFolders/SentItems/messages`).expect(429);
    expect(fifth.headers["retry-after"]).toBe("2");
    expect(fifth.body.error).toMatchObject({ code: "MailboxConcurrency", innerError: { "request-id": fifth.headers["request-id"], date: expect.any(String) } });
    // Other apps and other mailboxes have their own slots.
    await get(app, `${USER}/mailFolders/SentItems/messages`).set("X-Emulator-App", "other-app").expect(200);
    await get(app, "/v1.0/users/other%40contoso.com/mailFolders/SentItems/messages").expect(200);
    expect(controls.mail()).toEqual([]);
    hold.release();
    expect((await Promise.all(inFlight)).map((r) => r.status)).toEqual([202, 202, 202, 202]);
    expect(controls.stats()).toMatchObject({ throttled: 1, maxMailInFlight: 4, mailThrottled: 0 });
  });

  it("takes mailMaxConcurrent as an option", async () => {
    const { app, controls } = makeEmulator({ mailMaxConcurrent: 1 });
    const hold = controls.hold("/sendMail$", { phase: "admitted" });
    const first = sendMail(app, invoiceMessage("A")).then((r) => r);
    await hold.reached;
    expect((await sendMail(app, invoiceMessage("B"))).status).toBe(429);
    hold.release();
    expect((await first).status).toBe(202);
  });

  it("computes sliding-window waits from the oldest event that must leave", () => {
    const window = new SlidingWindow(2, 60_000);
    window.add("m", 0);
    window.add("m", 30_000);
    expect(window.waitMs("m", 40_000)).toBe(20_000);
    expect(window.waitMs("m", 60_000)).toBe(0);
    window.add("m", 60_000);
    expect(window.waitMs("m", 60_000)).toBe(30_000);
    expect(window.waitMs("other", 60_000)).toBe(0);
  });
});

describe("faults on mail", () => {
  it("afterSend: the message is sent (outbox, Sent Items) but the client gets the 500", async () => {
    const { app, controls } = makeEmulator();
    await request(app).put("/_emulator/faults").send({ rules: [{ match: "/sendMail$", kind: "afterSend", status: 500, count: 1 }] }).expect(200);
    const res = await sendMail(app, invoiceMessage("LOST-1")).expect(500);
    expect(res.body.error).toMatchObject({ code: "UnknownError", innerError: { "request-id": res.headers["request-id"] } });
    expect(controls.mail().map((m) => [m.subject, m.requestId])).toEqual([["Invoice LOST-1", res.headers["request-id"]]]);
    expect((await get(app, sentItemsWith("LOST-1")).expect(200)).body.value).toHaveLength(1);
    await sendMail(app, invoiceMessage("OK")).expect(202);
    expect(controls.stats().faulted).toBe(1);
  });

  it("afterSend lets a failing call through unchanged and keeps its count for the next success", async () => {
    const { app, controls } = makeEmulator();
    controls.setFaults([{ match: "/send(Mail)?$", kind: "afterSend", status: 429, count: 1 }]);
    expect((await sendMail(app, invoiceMessage("X", { toRecipients: [] })).expect(400)).body.error.code).toBe("ErrorInvalidRecipients");
    const hidden = await sendMail(app, invoiceMessage("Y")).expect(429);
    expect(hidden.headers["retry-after"]).toBe("1");
    expect(controls.mail().map((m) => m.subject)).toEqual(["Invoice Y"]);
    expect(() => controls.setFaults([{ kind: "afterSend", status: 200 }])).toThrow(/status/);
  });

  it("dropAfterSend destroys the socket after the send; plain faults keep the message unsent", async () => {
    const { app, controls } = makeEmulator();
    controls.setFaults([
      { match: "/sendMail$", kind: "503", count: 1 },
      { match: "/sendMail$", kind: "dropAfterSend", count: 1 },
    ]);
    await sendMail(app, invoiceMessage("UNSENT")).expect(503);
    expect(controls.mail()).toEqual([]);
    await expect(sendMail(app, invoiceMessage("DROPPED")).then((r) => r)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(controls.mail().map((m) => m.subject)).toEqual(["Invoice DROPPED"]);
  });

  it("delayAfterSend holds the answer back, so a client timeout fires after the send", async () => {
    const { app, controls } = makeEmulator();
    controls.setFaults([{ match: "/sendMail$", kind: "delayAfterSend", delayMs: 60_000, count: 1 }]);
    await expect(sendMail(app, invoiceMessage("SLOW")).timeout(200).then((r) => r)).rejects.toThrow(/timeout/i);
    expect(controls.mail().map((m) => m.subject)).toEqual(["Invoice SLOW"]);
  });

  it("a beforeAnswer hold pauses after the send took effect, until released", async () => {
    const { app, controls } = makeEmulator();
    const hold = controls.hold("/sendMail$", { phase: "beforeAnswer" });
    const pending = sendMail(app, invoiceMessage("ORDERED")).then((r) => r);
    await hold.reached;
    expect(controls.mail().map((m) => m.subject)).toEqual(["Invoice ORDERED"]);
    hold.release();
    expect((await pending).status).toBe(202);
  });
});

describe("large attachments", () => {
  it("uploads a 7 MB attachment in two chunks, then sends the draft", async () => {
    const { app, controls } = makeEmulator();
    const file = bytes(7 * MiB, 3);
    const draft = await post(app, `${USER}/messages`, invoiceMessage("BIG")).expect(201);
    const session = await post(app, `${USER}/messages/${draft.body.id}/attachments/createUploadSession`, {
      AttachmentItem: { attachmentType: "file", name: "statement.pdf", size: file.length, contentType: "application/pdf" },
    }).expect(201);
    expect(session.body).toMatchObject({ uploadUrl: expect.stringContaining("/AttachmentSessions('"), nextExpectedRanges: ["0-"], expirationDateTime: expect.any(String) });
    const url = localPath(session.body.uploadUrl);
    const put = (first: number, last: number) =>
      request(app)
        .put(url)
        .set("Content-Type", "application/octet-stream")
        .set("Content-Range", `bytes ${first}-${last}/${file.length}`)
        .send(file.subarray(first, last + 1));

    // No Authorization header: the upload URL carries its own token. A wrong start or an oversized chunk is refused.
    await put(1, 4 * MiB).expect(416);
    expect((await put(0, 4 * MiB).expect(413)).body.error.code).toBe("ErrorRequestEntityTooLarge");
    const partial = await put(0, 4 * MiB - 1).expect(200);
    expect(partial.body.nextExpectedRanges).toEqual([`${4 * MiB}-`]);
    const done = await put(4 * MiB, file.length - 1).expect(201);
    expect(done.headers.location).toMatch(/\/Attachments\('/);
    expect(controls.mail()).toEqual([]);

    await post(app, `${USER}/messages/${draft.body.id}/send`).expect(202);
    const [mail] = controls.mail();
    expect(mail).toMatchObject({
      subject: "Invoice BIG",
      via: "uploadSession",
      attachments: [{ name: "statement.pdf", contentType: "application/pdf", size: 7 * MiB, sha256: sha256(file) }],
    });
    expect((await get(app, sentItemsWith("BIG")).expect(200)).body.value).toHaveLength(1);
    expect((await get(app, sentItemsWith("BIG", "Drafts")).expect(200)).body.value).toEqual([]);
    // Sent, the draft moved to Sent Items under a new id: sending it again is a 404.
    expect((await post(app, `${USER}/messages/${draft.body.id}/send`).expect(404)).body.error.code).toBe("ErrorItemNotFound");
    expect(controls.stats().byKind).toMatchObject({ createMessage: 1, createUploadSession: 1, uploadChunk: 4, sendMessage: 2 });
  });

  it("refuses upload sessions below 2 MiB, a bad authtoken, and non-file attachment types", async () => {
    const { app } = makeEmulator();
    const draft = await post(app, `${USER}/messages`, invoiceMessage("S")).expect(201);
    const path = `${USER}/messages/${draft.body.id}/attachments/createUploadSession`;
    const small = await post(app, path, { AttachmentItem: { attachmentType: "file", name: "a.pdf", size: 1000 } }).expect(400);
    expect(small.body.error.code).toBe("ErrorAttachmentSizeShouldNotBeLessThanMinimumSize");
    await post(app, path, { AttachmentItem: { attachmentType: "item", name: "a", size: 3 * MiB } }).expect(400);
    const session = await post(app, path, { AttachmentItem: { attachmentType: "file", name: "a.pdf", size: 3 * MiB } }).expect(201);
    const forged = localPath(session.body.uploadUrl).replace(/authtoken=[^&]+/, "authtoken=forged");
    await request(app).put(forged).set("Content-Range", `bytes 0-9/${3 * MiB}`).send(Buffer.alloc(10)).expect(401);
  });

  it("answers 413 for an inline sendMail body over 4 MB and accepts one just under", async () => {
    const { app, controls } = makeEmulator();
    const attach = (size: number) => ({
      attachments: [{ "@odata.type": "#microsoft.graph.fileAttachment", name: "a.pdf", contentType: "application/pdf", contentBytes: bytes(size).toString("base64") }],
    });
    const res = await sendMail(app, invoiceMessage("HUGE", attach(Math.round(3.1 * MiB)))).expect(413);
    expect(res.body.error).toMatchObject({ code: "ErrorRequestEntityTooLarge", innerError: { "request-id": res.headers["request-id"] } });
    await sendMail(app, invoiceMessage("FITS", attach(3 * MiB - 1000))).expect(202);
    expect(controls.mail().map((m) => m.subject)).toEqual(["Invoice FITS"]);
  });
});

describe("validation", () => {
  it.each([
    ["no recipients", { toRecipients: [] }, "ErrorInvalidRecipients"],
    ["an invalid address", { toRecipients: [{ emailAddress: { address: "jane at example" } }] }, "ErrorInvalidRecipients"],
    ["an address-less recipient in cc", { ccRecipients: [{ emailAddress: { name: "No Address" } }] }, "ErrorInvalidRecipients"],
    ["over 500 recipients", { toRecipients: Array.from({ length: 501 }, (_, i) => ({ emailAddress: { address: `r${i}@example.com` } })) }, "ErrorInvalidRecipients"],
    ["a fileAttachment without contentBytes", { attachments: [{ "@odata.type": "#microsoft.graph.fileAttachment", name: "a.pdf" }] }, "ErrorRequiredPropertyMissing"],
    ["an attachment without @odata.type", { attachments: [{ name: "a.pdf", contentBytes: "AAAA" }] }, "RequestBodyRead"],
    ["contentBytes that are not base64", { attachments: [{ "@odata.type": "#microsoft.graph.fileAttachment", name: "a", contentBytes: "%%%" }] }, "RequestBodyRead"],
    ["a header that is not X-", { internetMessageHeaders: [{ name: "Subject", value: "x" }] }, "InvalidInternetMessageHeader"],
    ["an unknown body type", { body: { contentType: "markdown", content: "x" } }, "RequestBodyRead"],
    ["an unknown property", { to: ["jane@example.com"] }, "BadRequest"],
    ["a malformed extended property id", { singleValueExtendedProperties: [{ id: "InvoiceKey", value: "1" }] }, "ErrorInvalidProperty"],
  ])("answers 400 for %s", async (_name, overrides, code) => {
    const { app, controls } = makeEmulator();
    const res = await sendMail(app, invoiceMessage("V", overrides)).expect(400);
    expect(res.body.error.code).toBe(code);
    expect(controls.mail()).toEqual([]);
  });

  it("allows a missing subject and exactly 500 recipients; rejects a missing message", async () => {
    const { app, controls } = makeEmulator();
    const message = invoiceMessage("500", {
      toRecipients: Array.from({ length: 500 }, (_, i) => ({ emailAddress: { address: `r${i}@example.com` } })),
    });
    delete message.subject;
    await sendMail(app, message).expect(202);
    expect(controls.mail()[0]).toMatchObject({ subject: "", bodyContentType: "html" });
    expect(controls.mail()[0]?.to).toHaveLength(500);
    expect((await post(app, `${USER}/sendMail`, { saveToSentItems: true }).expect(400)).body.error.code).toBe("ErrorInvalidParameter");
    await post(app, `${USER}/sendMail`, { message: invoiceMessage("x"), saveToSentItems: "no" }).expect(400);
  });

  it("answers 404 ErrorInvalidUser for a mailbox that is no address or is on the missing list, 401 without a token", async () => {
    const { app, controls } = makeEmulator();
    const res = await post(app, "/v1.0/users/not-an-address/sendMail", { message: invoiceMessage("A") }).expect(404);
    expect(res.body.error).toMatchObject({ code: "ErrorInvalidUser", message: "The requested user 'not-an-address' is invalid." });
    await request(app).put("/_emulator/mail/missingMailboxes").send({ mailboxes: [MAILBOX.toUpperCase()] }).expect(200);
    expect((await sendMail(app, invoiceMessage("A")).expect(404)).body.error.code).toBe("ErrorInvalidUser");
    controls.setMissingMailboxes([]);
    await sendMail(app, invoiceMessage("A")).expect(202);
    await request(app).post(`${USER}/sendMail`).send({ message: invoiceMessage("A") }).expect(401);
    await request(app).put(`${USER}/sendMail`).set("Authorization", "Bearer t").send({}).expect(405);
  });
});
