// Covers the mail client against the Graph emulator: a small file goes inline in sendMail, a file over 3 MB through a
// draft, an upload session in chunks and send; the message is found again by its key (Sent Items before Drafts);
// Graph's 4xx is a refusal with its request id, a 5xx an unknown outcome; the token goes to Graph only.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../../emulator/index";
import { createMailGraph, INLINE_ATTACHMENT_LIMIT } from "./mailClient";

const MAILBOX = "facturen@contoso.example";
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("Graph mail client", () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: "empty" });
  });
  afterAll(() => emulator?.close());
  beforeEach(() => {
    emulator.controls.clearMail();
    emulator.controls.setFaults([]);
  });
  const mail = () => createMailGraph({ baseUrl: emulator.url, getToken: async () => "t", timeoutMs: 5_000 });
  const message = (key: string, files: Buffer[]) => ({
    subject: "Factuur INV-2026-00001",
    html: "<p>Beste klant</p>",
    to: [{ address: "klant@example.nl", name: "Klant" }],
    replyTo: "balie@contoso.example",
    attachments: files.map((bytes, i) => ({ name: `file-${i}.pdf`, contentType: "application/pdf", bytes })),
    key,
  });

  it("sends small files inline and finds the message in Sent Items by its key", async () => {
    const pdf = randomBytes(50_000);
    const outcome = await mail().send(MAILBOX, message("doc-1.1", [pdf]));
    expect(outcome).toMatchObject({ status: "sent", requestId: expect.any(String) });
    const [sent] = emulator.controls.mail();
    expect(sent).toMatchObject({ mailbox: MAILBOX, to: ["klant@example.nl"], replyTo: ["balie@contoso.example"], via: "sendMail" });
    expect(sent!.attachments).toEqual([expect.objectContaining({ name: "file-0.pdf", size: pdf.length, sha256: sha256(pdf) })]);
    expect(await mail().find(MAILBOX, "doc-1.1")).toMatchObject({ folder: "sentitems" });
    expect(await mail().find(MAILBOX, "doc-1.2")).toBeNull();
  });

  it("sends a file over 3 MB through an upload session, byte for byte, beside a small one", async () => {
    const big = randomBytes(INLINE_ATTACHMENT_LIMIT + 1_500_000);
    const small = randomBytes(10_000);
    const outcome = await mail().send(MAILBOX, message("doc-2.1", [small, big]));
    if (outcome.status !== "sent") throw outcome.error;
    const [sent] = emulator.controls.mail();
    expect(sent!.via).toBe("uploadSession");
    expect(sent!.attachments.map((a) => [a.size, a.sha256]).sort()).toEqual([[small.length, sha256(small)], [big.length, sha256(big)]].sort());
    expect(await mail().find(MAILBOX, "doc-2.1")).toMatchObject({ folder: "sentitems" });
  });

  it("calls a refusal a refusal and a 5xx unknown, with Graph's request id", async () => {
    emulator.controls.setFaults([{ match: "sendMail", method: "POST", kind: "403", count: 1 }]);
    const refused = await mail().send(MAILBOX, message("doc-3.1", [randomBytes(100)]));
    expect(refused.status).toBe("refused");
    if (refused.status === "refused") expect(refused.error).toMatchObject({ status: 403, requestId: expect.any(String) });
    emulator.controls.setFaults([{ match: "sendMail", method: "POST", kind: "afterSend", status: 502, count: 1 }]);
    const unknown = await mail().send(MAILBOX, message("doc-3.2", [randomBytes(100)]));
    expect(unknown.status).toBe("unknown");
    // The message went out all the same: the lookup finds it.
    expect(await mail().find(MAILBOX, "doc-3.2")).toMatchObject({ folder: "sentitems" });
    expect(emulator.controls.mail()).toHaveLength(1);
  });
});
