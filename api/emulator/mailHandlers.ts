// Mail endpoints: sendMail (202), drafts with attachments and upload sessions, draft send (202), message lists with the
// extended-property $filter. Every accepted message counts against its sender mailbox's per-minute submission limit.
import { createHash } from "node:crypto";
import type { Request, Response } from "express";
import { isJsonObject } from "./customerWrite";
import { GraphError, applicationThrottled, badRequest, invalidUser, itemNotFound, methodNotAllowed, requestBodyRead } from "./errors";
import { queryParam, requestBase, requestIdOf, retainedParams, sendGraphJson } from "./http";
import { mailboxKey, toSentMail, type MailFolder, type StoredMessage, type UploadSession } from "./mail";
import { checkSendable, isSmtpAddress, readFileAttachment, readMessage, type MessageContent } from "./mailModel";
import type { MailAction, MailTarget } from "./mailPath";
import { folderId, matchesFilter, parsePropertyFilter, presentMessage, readView } from "./mailQuery";
import { selfLink } from "./paging";
import { exchangeItemId } from "./random";
import type { EmulatorState } from "./state";
import { appIdOf } from "./throttle";
import { MS } from "./time";
import type { SentMail } from "./types";

/** A mail request with its parsed target. */
export interface MailContext {
  req: Request;
  res: Response;
  state: EmulatorState;
  target: MailTarget;
}

type MailHandler = (ctx: MailContext) => void;

/** Exchange refuses upload sessions for small files (observed: under 2 MiB) and for attachments over 150 MB. */
const MIN_UPLOAD_BYTES = 2 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 150 * 1024 * 1024;
const UPLOAD_SESSION_MS = 6 * MS.HOUR;
const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;
const LIST_OPTIONS = new Set(["$filter", "$select", "$expand", "$top", "$skip", "$count"]);
const WELL_KNOWN_FOLDERS: Record<string, MailFolder | null> = {
  sentitems: "sentitems",
  drafts: "drafts",
  // Well-known folders that exist in every mailbox but that the emulator never fills.
  inbox: null,
  outbox: null,
  deleteditems: null,
  junkemail: null,
  archive: null,
};

/** Exchange ids in Graph use the URL-safe base64 alphabet, so they fit in a path unescaped. */
function newItemId(state: EmulatorState): string {
  let id: string;
  do id = exchangeItemId(state.mail.random).replace(/\+/g, "-").replace(/\//g, "_");
  while (state.mail.has(id));
  return id;
}

function randomHex(state: EmulatorState, bytes: number): string {
  return Buffer.from(state.mail.random.bytes(bytes)).toString("hex");
}

function newChangeKey(state: EmulatorState): string {
  return Buffer.from(state.mail.random.bytes(12)).toString("base64");
}

function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}

function bodyObject(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined) throw badRequest("Empty Payload. JSON content expected.");
  if (!isJsonObject(body)) throw requestBodyRead("The request body must be a JSON object.");
  return body;
}

function newMessage(ctx: MailContext, content: MessageContent, folder: MailFolder): StoredMessage {
  const { state } = ctx;
  const now = state.clock.nowMs();
  return {
    ...content,
    id: newItemId(state),
    mailbox: ctx.target.mailbox,
    folder,
    createdMs: now,
    modifiedMs: now,
    sentMs: null,
    internetMessageId: `<${randomHex(state, 16).toUpperCase()}@emulator.prod.outlook.com>`,
    conversationId: newItemId(state),
    changeKey: newChangeKey(state),
  };
}

function findMessage(ctx: MailContext): StoredMessage {
  const message = ctx.state.mail.find(ctx.target.mailbox, ctx.target.messageId ?? "");
  if (!message) throw itemNotFound();
  return message;
}

function findDraft(ctx: MailContext): StoredMessage {
  const message = findMessage(ctx);
  // Sending moves a draft to Sent Items under a new id, so a sent one is no longer addressable as the draft.
  if (message.folder !== "drafts") throw new GraphError(400, "ErrorInvalidOperation", "The message is not a draft.");
  return message;
}

/** Throws 429 ApplicationThrottled while the mailbox has sent its per-minute quota (emulator clock). */
function admitSubmission(ctx: MailContext): void {
  const { state } = ctx;
  const waitMs = state.mailRate.waitMs(mailboxKey(ctx.target.mailbox), state.clock.nowMs());
  if (waitMs <= 0) return;
  state.stats.recordMailThrottled();
  throw applicationThrottled(Math.ceil(waitMs / 1000), state.mailRate.limit);
}

/** Accepts a message for delivery: counts it, keeps a Sent Items copy under `id` if asked, adds it to the outbox. */
function accept(ctx: MailContext, message: StoredMessage, id: string, via: SentMail["via"], saved: boolean): void {
  const { state } = ctx;
  const now = state.clock.nowMs();
  state.mailRate.add(mailboxKey(ctx.target.mailbox), now);
  const sent: StoredMessage = { ...message, id, folder: "sentitems", sentMs: now, modifiedMs: now, changeKey: newChangeKey(state) };
  if (saved) state.mail.put(sent);
  state.mail.record(toSentMail(sent, { id, sentAt: isoAt(now), requestId: requestIdOf(ctx.res), via, saved }));
}

/** POST /users/{m}/sendMail {message, saveToSentItems}: validates, sends; 202 with an empty body. */
function handleSendMail(ctx: MailContext): void {
  const body = bodyObject(ctx.req);
  for (const key of Object.keys(body)) {
    if (key !== "message" && key !== "saveToSentItems" && !key.includes("@")) {
      throw requestBodyRead(`The parameter '${key}' in the request payload is not a valid parameter for the operation 'sendMail'.`);
    }
  }
  if (body.message === undefined || body.message === null) throw new GraphError(400, "ErrorInvalidParameter", "The value of the parameter 'Message' is empty.");
  const save = body.saveToSentItems ?? true;
  if (typeof save !== "boolean") throw requestBodyRead(`Cannot convert the literal '${String(save)}' to the expected type 'Edm.Boolean'.`);
  const content = readMessage(body.message, () => newItemId(ctx.state));
  checkSendable(content);
  admitSubmission(ctx);
  const message = newMessage(ctx, content, "sentitems");
  accept(ctx, message, message.id, "sendMail", save);
  ctx.res.status(202).end();
}

function messageContext(ctx: MailContext, tail: string): string {
  return `${requestBase(ctx.req)}/v1.0/$metadata#users('${encodeURIComponent(ctx.target.mailbox)}')/${tail}`;
}

/** POST /users/{m}/messages: creates a draft from message JSON (recipients are checked only on send); 201. */
function handleCreateDraft(ctx: MailContext): void {
  const content = readMessage(bodyObject(ctx.req), () => newItemId(ctx.state));
  const draft = newMessage(ctx, content, "drafts");
  ctx.state.mail.put(draft);
  sendGraphJson(ctx.res, 201, { "@odata.context": messageContext(ctx, "messages/$entity"), ...presentMessage(draft, { select: null, expand: null }) });
}

/** POST /users/{m}/messages/{id}/send: sends a draft, which moves to Sent Items under a new id; 202. */
function handleSendDraft(ctx: MailContext): void {
  const draft = findDraft(ctx);
  checkSendable(draft);
  admitSubmission(ctx);
  ctx.state.mail.remove(draft.id);
  accept(ctx, draft, newItemId(ctx.state), "uploadSession", true);
  ctx.res.status(202).end();
}

/** GET /users/{m}/messages/{id}[?$select&$expand]. */
function handleGetMessage(ctx: MailContext): void {
  const message = findMessage(ctx);
  const view = readView(ctx.req);
  sendGraphJson(ctx.res, 200, { "@odata.context": messageContext(ctx, "messages/$entity"), ...presentMessage(message, view) });
}

/** DELETE /users/{m}/messages/{id}: removes a draft or a Sent Items copy (the outbox keeps what was sent); 204. */
function handleDeleteMessage(ctx: MailContext): void {
  ctx.state.mail.remove(findMessage(ctx).id);
  ctx.res.status(204).end();
}

function presentAttachment(ctx: MailContext, draft: StoredMessage, attachment: StoredMessage["attachments"][number]): unknown {
  return {
    "@odata.context": messageContext(ctx, `messages('${encodeURIComponent(draft.id)}')/attachments/$entity`),
    "@odata.type": "#microsoft.graph.fileAttachment",
    id: attachment.id,
    lastModifiedDateTime: isoAt(draft.modifiedMs).replace(/\.\d{3}Z$/, "Z"),
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.size,
    isInline: attachment.isInline,
    contentId: null,
    contentLocation: null,
  };
}

/** POST /users/{m}/messages/{id}/attachments: adds a fileAttachment (base64 contentBytes) to a draft; 201. */
function handleAddAttachment(ctx: MailContext): void {
  const draft = findDraft(ctx);
  const attachment = readFileAttachment(bodyObject(ctx.req), () => newItemId(ctx.state));
  draft.attachments.push(attachment);
  draft.modifiedMs = ctx.state.clock.nowMs();
  sendGraphJson(ctx.res, 201, presentAttachment(ctx, draft, attachment));
}

function readUploadItem(body: Record<string, unknown>): Record<string, unknown> {
  const key = Object.keys(body).find((k) => k.toLowerCase() === "attachmentitem");
  const item = key === undefined ? undefined : body[key];
  if (!isJsonObject(item)) throw new GraphError(400, "ErrorInvalidParameter", "The value of the parameter 'AttachmentItem' is empty.");
  const type = typeof item.attachmentType === "string" ? item.attachmentType.toLowerCase() : item.attachmentType;
  if (type !== "file") {
    throw new GraphError(400, "ErrorInvalidRequest", `The emulator supports upload sessions of attachmentType 'file' only, not '${String(item.attachmentType)}'.`);
  }
  return item;
}

function uploadBase(ctx: MailContext, draft: StoredMessage): string {
  return `${requestBase(ctx.req)}/api/v2.0/Users('${encodeURIComponent(draft.mailbox)}')/Messages('${encodeURIComponent(draft.id)}')`;
}

/** POST /users/{m}/messages/{id}/attachments/createUploadSession {AttachmentItem}: 201 with the upload URL. */
function handleCreateUploadSession(ctx: MailContext): void {
  const { state } = ctx;
  const draft = findDraft(ctx);
  const item = readUploadItem(bodyObject(ctx.req));
  if (typeof item.name !== "string" || item.name.trim() === "") throw new GraphError(400, "ErrorInvalidParameter", "The AttachmentItem needs a name.");
  const size = item.size;
  if (typeof size !== "number" || !Number.isInteger(size) || size < 0) throw requestBodyRead("The AttachmentItem size must be a whole number of bytes.");
  if (size < MIN_UPLOAD_BYTES) {
    throw new GraphError(400, "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize", "Attachment size must be greater than the minimum size; POST a smaller file to …/attachments.");
  }
  if (size > MAX_UPLOAD_BYTES) throw new GraphError(400, "ErrorAttachmentSizeLimitExceeded", "The attachment exceeds the maximum size of 150 MB.");
  const now = state.clock.nowMs();
  const session: UploadSession = {
    id: `AAMkAD${Buffer.from(state.mail.random.bytes(24)).toString("base64url")}`,
    token: Buffer.from(state.mail.random.bytes(24)).toString("base64url"),
    mailbox: draft.mailbox,
    messageId: draft.id,
    app: appIdOf(ctx.req),
    name: item.name,
    contentType: typeof item.contentType === "string" && item.contentType ? item.contentType : "application/octet-stream",
    isInline: item.isInline === true,
    size,
    received: 0,
    hash: createHash("sha256"),
    expiresMs: now + UPLOAD_SESSION_MS,
  };
  state.mail.sessions.set(session.id, session);
  sendGraphJson(ctx.res, 201, {
    "@odata.context": `${requestBase(ctx.req)}/v1.0/$metadata#microsoft.graph.uploadSession`,
    uploadUrl: `${uploadBase(ctx, draft)}/AttachmentSessions('${session.id}')?authtoken=${session.token}`,
    expirationDateTime: isoAt(session.expiresMs),
    nextExpectedRanges: ["0-"],
  });
}

function uploadSessionOf(ctx: MailContext): UploadSession {
  const { state, target } = ctx;
  const session = state.mail.sessions.get(target.sessionId ?? "");
  if (!session || mailboxKey(session.mailbox) !== mailboxKey(target.mailbox) || session.messageId !== target.messageId) throw itemNotFound();
  if (queryParam(ctx.req, "authtoken") !== session.token) {
    throw new GraphError(401, "InvalidAuthenticationToken", "The authtoken of the upload URL is missing or invalid.");
  }
  if (state.clock.nowMs() > session.expiresMs) {
    state.mail.sessions.delete(session.id);
    throw new GraphError(404, "ErrorItemNotFound", "The upload session has expired.");
  }
  return session;
}

function readContentRange(ctx: MailContext, session: UploadSession, length: number): number {
  const m = /^bytes\s+(\d+)-(\d+)\/(\d+)$/i.exec(ctx.req.get("content-range")?.trim() ?? "");
  if (!m) throw new GraphError(400, "ErrorInvalidRequest", "The Content-Range header must read 'bytes {first}-{last}/{size}'.");
  const [first, last, total] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  if (total !== session.size) throw new GraphError(400, "ErrorInvalidRequest", `The Content-Range size ${total} is not the attachment's size ${session.size}.`);
  if (last < first || last >= total) throw new GraphError(400, "ErrorInvalidRequest", `The Content-Range bytes ${first}-${last} are outside the attachment.`);
  if (first !== session.received) {
    throw new GraphError(416, "ErrorInvalidRange", `The range must start at the next expected byte, ${session.received}.`);
  }
  if (length !== last - first + 1) throw new GraphError(400, "ErrorInvalidRequest", `The body has ${length} bytes but the Content-Range names ${last - first + 1}.`);
  return first;
}

/** PUT {uploadUrl} with Content-Range: 200 and nextExpectedRanges until the last byte, then 201 (attached). */
function handleUploadChunk(ctx: MailContext): void {
  const { state } = ctx;
  const session = uploadSessionOf(ctx);
  const draft = state.mail.find(session.mailbox, session.messageId);
  if (!draft || draft.folder !== "drafts") {
    state.mail.sessions.delete(session.id);
    throw itemNotFound();
  }
  const body: unknown = ctx.req.body;
  const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  readContentRange(ctx, session, bytes.length);
  session.hash.update(bytes);
  session.received += bytes.length;
  if (session.received < session.size) {
    sendGraphJson(ctx.res, 200, {
      "@odata.context": `${requestBase(ctx.req)}/api/v2.0/$metadata#Users('${encodeURIComponent(draft.mailbox)}')/Messages('${encodeURIComponent(draft.id)}')/AttachmentSessions/$entity`,
      expirationDateTime: isoAt(session.expiresMs),
      nextExpectedRanges: [`${session.received}-`],
    });
    return;
  }
  const id = newItemId(state);
  draft.attachments.push({ id, name: session.name, contentType: session.contentType, size: session.size, sha256: session.hash.digest("hex"), isInline: session.isInline });
  draft.modifiedMs = state.clock.nowMs();
  state.mail.sessions.delete(session.id);
  ctx.res.setHeader("Location", `${uploadBase(ctx, draft)}/Attachments('${encodeURIComponent(id)}')`);
  ctx.res.status(201).end();
}

function readPaging(req: Request): { top: number; skip: number } {
  const read = (name: string, fallback: number, min: number): number => {
    const text = queryParam(req, name);
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text) || Number(text) < min) throw badRequest(`Invalid ${name} query option value '${text}'.`);
    return Number(text);
  };
  return { top: Math.min(read("$top", DEFAULT_PAGE, 1), MAX_PAGE), skip: read("$skip", 0, 0) };
}

function resolveFolder(ctx: MailContext, name: string): { folder: MailFolder | null; label: string } {
  const known = WELL_KNOWN_FOLDERS[name.toLowerCase()];
  if (known !== undefined) return { folder: known, label: name };
  for (const folder of ["sentitems", "drafts"] as const) {
    if (name === folderId(ctx.target.mailbox, folder)) return { folder, label: name };
  }
  throw new GraphError(400, "ErrorInvalidIdMalformed", "Id is malformed.");
}

/** Sends a page of a mailbox's messages (newest first), filtered, selected and expanded as asked; $skip pages. */
function sendMessageList(ctx: MailContext, messages: StoredMessage[], context: string): void {
  const { req } = ctx;
  for (const key of Object.keys(req.query)) {
    if (key.startsWith("$") && !LIST_OPTIONS.has(key)) throw badRequest(`The query option '${key}' is not supported by the emulator.`);
  }
  const filterText = queryParam(req, "$filter");
  const filter = filterText === undefined ? null : parsePropertyFilter(filterText);
  const view = readView(req);
  const { top, skip } = readPaging(req);
  const matching = filter ? messages.filter((m) => matchesFilter(m, filter)) : messages;
  const page = matching.slice(skip, skip + top);
  const withCount = queryParam(req, "$count")?.toLowerCase() === "true";
  const more = skip + top < matching.length;
  sendGraphJson(ctx.res, 200, {
    "@odata.context": `${context}${view.select ? `(${view.select.join(",")})` : ""}`,
    ...(withCount ? { "@odata.count": matching.length } : {}),
    value: page.map((m) => presentMessage(m, view)),
    ...(more ? { "@odata.nextLink": selfLink(req, [...retainedParams(req, ["$skip"]), ["$skip", String(skip + top)]]) } : {}),
  });
}

/** GET /users/{m}/mailFolders/{SentItems|Drafts|…}/messages. */
function handleListFolder(ctx: MailContext): void {
  const { folder, label } = resolveFolder(ctx, ctx.target.folder ?? "");
  const messages = folder === null ? [] : ctx.state.mail.list(ctx.target.mailbox, folder);
  sendMessageList(ctx, messages, messageContext(ctx, `mailFolders('${label}')/messages`));
}

/** GET /users/{m}/messages: drafts and Sent Items together. */
function handleListMessages(ctx: MailContext): void {
  sendMessageList(ctx, ctx.state.mail.list(ctx.target.mailbox), messageContext(ctx, "messages"));
}

const MAIL_ROUTES: Record<MailAction, Partial<Record<string, MailHandler>>> = {
  sendMail: { POST: handleSendMail },
  messages: { GET: handleListMessages, POST: handleCreateDraft },
  message: { GET: handleGetMessage, DELETE: handleDeleteMessage },
  sendMessage: { POST: handleSendDraft },
  attachments: { POST: handleAddAttachment },
  createUploadSession: { POST: handleCreateUploadSession },
  folderMessages: { GET: handleListFolder },
  uploadChunk: { PUT: handleUploadChunk },
};

/** Dispatches a mail request; /users/{m} must look like an SMTP address and not be on the missing list. */
export function dispatchMail(req: Request, res: Response, state: EmulatorState, target: MailTarget): void {
  const handler = MAIL_ROUTES[target.action][req.method];
  if (!handler) throw methodNotAllowed();
  // The upload URL carries its own authority (the session), not a /users segment.
  if (target.action !== "uploadChunk" && (!isSmtpAddress(target.mailbox) || state.missingMailboxes.has(mailboxKey(target.mailbox)))) {
    throw invalidUser(target.mailbox);
  }
  handler({ req, res, state, target });
}

/** The app an upload chunk is counted for: the one that created its session. */
export function uploadApp(state: EmulatorState, target: MailTarget): string | undefined {
  return target.sessionId === undefined ? undefined : state.mail.sessions.get(target.sessionId)?.app;
}
