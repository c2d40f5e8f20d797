// Parses the mail paths: /v1.0/users/{mailbox}/… (sendMail, messages, mail folders) and the upload URLs of sessions.
import type { RequestKind } from "./types";

/** The mail resources the emulator serves. */
export type MailAction =
  | "sendMail"
  | "messages"
  | "message"
  | "sendMessage"
  | "attachments"
  | "createUploadSession"
  | "folderMessages"
  | "uploadChunk";

/** A mail request: the sender mailbox as addressed (decoded) and the ids the path names. */
export interface MailTarget {
  route: "mail";
  action: MailAction;
  mailbox: string;
  messageId?: string;
  folder?: string;
  sessionId?: string;
}

/** Where the upload URLs of attachment sessions live, as Outlook's REST endpoint does (no bearer token needed). */
export const UPLOAD_PREFIX = ["api", "v2.0"] as const;

type Unknown = { route: "unknown"; segment: string };

// Graph also accepts the namespace-qualified action names, e.g. "microsoft.graph.sendMail".
function isSegment(segment: string | undefined, name: string): boolean {
  const lower = segment?.toLowerCase();
  return lower === name.toLowerCase() || lower === `microsoft.graph.${name.toLowerCase()}`;
}

/** Parses the segments after "users" (decoded). */
export function parseUsersPath(segments: string[]): MailTarget | Unknown {
  const [mailbox, first, id, third, fourth, ...extra] = segments;
  if (mailbox === undefined || first === undefined) return { route: "unknown", segment: "users" };
  const base = { route: "mail" as const, mailbox };
  if (isSegment(first, "sendMail") && id === undefined) return { ...base, action: "sendMail" };
  if (first.toLowerCase() === "mailfolders") {
    if (id !== undefined && third?.toLowerCase() === "messages" && fourth === undefined) return { ...base, action: "folderMessages", folder: id };
    return { route: "unknown", segment: third?.toLowerCase() === "messages" ? (fourth ?? third) : (third ?? first) };
  }
  if (first.toLowerCase() !== "messages") return { route: "unknown", segment: first };
  if (id === undefined) return { ...base, action: "messages" };
  const message = { ...base, messageId: id };
  if (third === undefined) return { ...message, action: "message" };
  if (isSegment(third, "send") && fourth === undefined) return { ...message, action: "sendMessage" };
  if (third.toLowerCase() !== "attachments") return { route: "unknown", segment: third };
  if (fourth === undefined) return { ...message, action: "attachments" };
  if (isSegment(fourth, "createUploadSession") && extra.length === 0) return { ...message, action: "createUploadSession" };
  return { route: "unknown", segment: fourth };
}

const KEYED = /^(\w+)\('(.*)'\)$/;

/** Parses "Users('{mailbox}')/Messages('{id}')/AttachmentSessions('{session}')" after the upload prefix. */
export function parseUploadPath(segments: string[]): MailTarget | Unknown {
  const keys = segments.map((s) => KEYED.exec(s));
  const [user, message, session] = keys;
  const names = keys.map((k) => k?.[1]?.toLowerCase());
  if (segments.length !== 3 || names[0] !== "users" || names[1] !== "messages" || names[2] !== "attachmentsessions") {
    return { route: "unknown", segment: segments.join("/") };
  }
  return { route: "mail", action: "uploadChunk", mailbox: user?.[2] ?? "", messageId: message?.[2] ?? "", sessionId: session?.[2] ?? "" };
}

const MAIL_KINDS: Record<MailAction, Partial<Record<string, RequestKind>>> = {
  sendMail: { POST: "sendMail" },
  messages: { GET: "listMessages", POST: "createMessage" },
  message: { GET: "getMessage", DELETE: "deleteMessage" },
  sendMessage: { POST: "sendMessage" },
  attachments: { POST: "addAttachment" },
  createUploadSession: { POST: "createUploadSession" },
  folderMessages: { GET: "listMessages" },
  uploadChunk: { PUT: "uploadChunk" },
};

/** The stats class of a mail request; an unsupported method is "other". */
export function mailRequestKind(method: string, target: MailTarget): RequestKind {
  return MAIL_KINDS[target.action][method] ?? "other";
}
