// Sending mail through Graph (PRODUCT.md §4.9): sendMail with the files attached, or for files over 3 MB a draft with
// upload sessions and then send; Sent Items looked up by the key each message carries; Exchange's pacing per mailbox.
// A send either surely happened ("sent"), surely did not ("refused": Graph said no), or may have ("unknown": a 5xx,
// a dropped connection, a timeout after the request left) — the caller looks the key up before sending again.
import { ResponseType, type Client } from "@microsoft/microsoft-graph-client";
import { z } from "zod";
import { createGraphSdkClient, graphError, GraphRequestError, networkError, SDK_ROOT } from "./graphClient";
import { createMailPacer, type MailPacer } from "./mailPacer";
import { parseRetryAfter } from "./retryPolicy";

/** The extended property every message carries: its delivery key, so Sent Items can be searched for it. */
export const KEY_PROPERTY_ID = "String {3c7a5e0a-8d1f-4b8e-9a43-6f1d2b7c9e15} Name BookingsInvoicingDeliveryKey";
// Files up to this size go inline in sendMail; Graph takes a request of at most 4 MB, and base64 adds a third.
export const INLINE_ATTACHMENT_LIMIT = 3 * 1024 * 1024;
// Upload session chunks: a multiple of 320 KiB, under Graph's 4 MB per request.
const CHUNK_BYTES = 10 * 320 * 1024;
// 429s on one message are waited out this many times before it counts as refused.
const MAX_THROTTLED = 20;

/** A file to attach. */
export interface MailAttachment {
  name: string;
  contentType: string;
  bytes: Buffer;
}

/** A message to send from a mailbox. */
export interface MailMessage {
  subject: string;
  html: string;
  to: { address: string; name?: string }[];
  replyTo?: string;
  attachments: MailAttachment[];
  /** Identifies the message in Sent Items; unique per document and send request. */
  key: string;
}

/** What became of a send. */
export type SendOutcome =
  | { status: "sent"; requestId: string | undefined }
  | { status: "refused"; error: GraphRequestError }
  | { status: "unknown"; error: GraphRequestError };

/** A message found by its key. */
export interface FoundMessage {
  id: string;
  folder: "sentitems" | "drafts";
  sentAt: string | null;
}

/** Mail through Graph. */
export interface MailGraph {
  send(mailbox: string, message: MailMessage): Promise<SendOutcome>;
  /** The message with this key in the mailbox's Sent Items, else in its Drafts, else null; throws when Graph cannot tell. */
  find(mailbox: string, key: string): Promise<FoundMessage | null>;
  /** Deletes a draft left by a send that stopped halfway, so that sending again leaves one message only. */
  deleteMessage(mailbox: string, id: string): Promise<void>;
}

/** How to reach Graph, and the pacing (Exchange's limits unless a test or benchmark lowers or raises them). */
export interface MailGraphOptions {
  baseUrl: string;
  getToken: () => Promise<string | undefined>;
  fetch?: typeof fetch;
  perMinute?: number;
  concurrent?: number;
  /** How long one request may take before its outcome counts as unknown. */
  timeoutMs?: number;
  pacer?: MailPacer;
}

const ZFound = z.object({ value: z.array(z.looseObject({ id: z.string(), sentDateTime: z.string().nullish() })) });
const ZCreated = z.looseObject({ id: z.string() });
const ZUploadSession = z.looseObject({ uploadUrl: z.string().url() });

type Answer = { response: Response; text: string } | { error: GraphRequestError };

/** Builds the mail sender over the Graph SDK client the Bookings reader uses too. */
export function createMailGraph(options: MailGraphOptions): MailGraph {
  const client = createGraphSdkClient({ baseUrl: options.baseUrl, getToken: options.getToken, fetch: options.fetch, timeoutMs: options.timeoutMs });
  const pacer = options.pacer ?? createMailPacer({ perMinute: options.perMinute ?? 30, concurrent: options.concurrent ?? 4 });
  const user = (mailbox: string) => `${SDK_ROOT}/users/${encodeURIComponent(mailbox)}`;

  // One request in a slot of the mailbox; a 429 pauses the mailbox and is tried again, up to MAX_THROTTLED times.
  async function call(mailbox: string, sends: boolean, method: Method, url: string, body?: unknown): Promise<Answer> {
    for (let throttled = 0; ; throttled++) {
      const answer = await pacer.run(mailbox, sends, () => request(client, method, url, body));
      if ("error" in answer || answer.response.status !== 429 || throttled >= MAX_THROTTLED) return answer;
      pacer.pause(mailbox, parseRetryAfter(answer.response.headers.get("retry-after")) ?? 1_000);
    }
  }

  // The outcome of the request that sends: 2xx sent, 4xx refused, anything else unknown.
  const outcomeOf = (answer: Answer, url: string): SendOutcome => {
    if ("error" in answer) return { status: "unknown", error: answer.error };
    const { response, text } = answer;
    if (response.ok) return { status: "sent", requestId: response.headers.get("request-id") ?? undefined };
    return classify(graphError(response, text, url));
  };

  // A step before the send (a draft, an upload): its failure means nothing was sent.
  const beforeSend = async <T>(answer: Answer, url: string, schema: z.ZodType<T> | null): Promise<T | GraphRequestError> => {
    if ("error" in answer) return answer.error;
    if (!answer.response.ok) return graphError(answer.response, answer.text, url);
    if (!schema) return undefined as T;
    const parsed = schema.safeParse(answer.text ? JSON.parse(answer.text) : {});
    return parsed.success ? parsed.data : new GraphRequestError("Graph sent an unexpected response.", 502, "UnexpectedResponse", answer.response.headers.get("request-id") ?? undefined, url);
  };

  // The upload URL is Outlook's, outside Graph, and pre-authorised: it gets the bytes and no bearer token (Graph's
  // documentation asks for none), straight through fetch rather than the SDK, which would take it for a Graph path.
  const send = options.fetch ?? fetch;
  const upload = async (url: string, chunk: Buffer, range: string): Promise<Answer> => {
    try {
      const response = await send(url, { method: "PUT", headers: { "Content-Range": range, "Content-Type": "application/octet-stream" }, body: new Uint8Array(chunk), signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });
      return { response, text: await response.text() };
    } catch (err) {
      return { error: networkError(err, url) };
    }
  };

  return {
    async send(mailbox, message) {
      const small = message.attachments.filter((a) => a.bytes.length <= INLINE_ATTACHMENT_LIMIT);
      const large = message.attachments.filter((a) => a.bytes.length > INLINE_ATTACHMENT_LIMIT);
      const json = graphMessage(message, small);
      if (!large.length) {
        const url = `${user(mailbox)}/sendMail`;
        return outcomeOf(await call(mailbox, true, "POST", url, { message: json, saveToSentItems: true }), url);
      }
      // A draft, each large file through its upload session, then send. Until send is called nothing has gone out.
      const draftUrl = `${user(mailbox)}/messages`;
      const draft = await beforeSend(await call(mailbox, false, "POST", draftUrl, json), draftUrl, ZCreated);
      if (draft instanceof GraphRequestError) return classify(draft);
      const messageUrl = `${user(mailbox)}/messages/${encodeURIComponent(draft.id)}`;
      for (const file of large) {
        const sessionUrl = `${messageUrl}/attachments/createUploadSession`;
        const item = { AttachmentItem: { attachmentType: "file", name: file.name, size: file.bytes.length, contentType: file.contentType } };
        const session = await beforeSend(await call(mailbox, false, "POST", sessionUrl, item), sessionUrl, ZUploadSession);
        if (session instanceof GraphRequestError) return classify(session);
        for (let at = 0; at < file.bytes.length; at += CHUNK_BYTES) {
          const chunk = file.bytes.subarray(at, Math.min(at + CHUNK_BYTES, file.bytes.length));
          const range = `bytes ${at}-${at + chunk.length - 1}/${file.bytes.length}`;
          const put = await beforeSend(await pacer.run(mailbox, false, () => upload(session.uploadUrl, chunk, range)), session.uploadUrl, null);
          if (put instanceof GraphRequestError) return classify(put);
        }
      }
      const sendUrl = `${messageUrl}/send`;
      return outcomeOf(await call(mailbox, true, "POST", sendUrl), sendUrl);
    },

    async find(mailbox, key) {
      const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${KEY_PROPERTY_ID}' and ep/value eq '${key.replace(/'/g, "''")}')`;
      for (const folder of ["sentitems", "drafts"] as const) {
        const url = `${user(mailbox)}/mailFolders/${folder}/messages?$filter=${encodeURIComponent(filter)}&$select=id,sentDateTime`;
        const found = await beforeSend(await call(mailbox, false, "GET", url), url, ZFound);
        if (found instanceof GraphRequestError) throw found;
        const first = found.value[0];
        if (first) return { id: first.id, folder, sentAt: first.sentDateTime ?? null };
      }
      return null;
    },

    async deleteMessage(mailbox, id) {
      const url = `${user(mailbox)}/messages/${encodeURIComponent(id)}`;
      const answer = await call(mailbox, false, "DELETE", url);
      if ("error" in answer) throw answer.error;
      if (!answer.response.ok && answer.response.status !== 404) throw graphError(answer.response, answer.text, url);
    },
  };
}

// Graph's 4xx (but a request timeout) says the message did not go out; anything else leaves it open. A failure
// before the send call leaves at most a draft, which the caller finds and deletes by the key before sending again.
const classify = (error: GraphRequestError): SendOutcome => (error.status >= 400 && error.status < 500 && error.status !== 408 ? { status: "refused", error } : { status: "unknown", error });

function graphMessage(message: MailMessage, attachments: MailAttachment[]) {
  return {
    subject: message.subject,
    body: { contentType: "HTML", content: message.html },
    toRecipients: message.to.map((r) => ({ emailAddress: r.name ? { address: r.address, name: r.name } : { address: r.address } })),
    ...(message.replyTo ? { replyTo: [{ emailAddress: { address: message.replyTo } }] } : {}),
    attachments: attachments.map((a) => ({ "@odata.type": "#microsoft.graph.fileAttachment", name: a.name, contentType: a.contentType, contentBytes: a.bytes.toString("base64") })),
    singleValueExtendedProperties: [{ id: KEY_PROPERTY_ID, value: message.key }],
  };
}

type Method = "GET" | "POST" | "DELETE";

async function request(client: Client, method: Method, url: string, body?: unknown): Promise<Answer> {
  try {
    const req = client.api(url).responseType(ResponseType.RAW);
    const response = (await (method === "GET" ? req.get() : method === "POST" ? req.post(body ?? {}) : req.delete())) as Response;
    return { response, text: await response.text() };
  } catch (err) {
    return { error: networkError(err, url) };
  }
}
