// The emulator's mailboxes: drafts and Sent Items per sender mailbox, the outbox of accepted messages, upload sessions.
import type { Hash } from "node:crypto";
import type { MessageContent, Recipient } from "./mailModel";
import { createRandom, type Random } from "./random";
import type { SentMail } from "./types";

/** The folders that hold messages; other well-known folders exist but stay empty. */
export type MailFolder = "drafts" | "sentitems";

/** A message in a mailbox folder. */
export interface StoredMessage extends MessageContent {
  id: string;
  /** The sender mailbox as addressed when the message was created. */
  mailbox: string;
  folder: MailFolder;
  createdMs: number;
  modifiedMs: number;
  /** When it was accepted for delivery; null for a draft. */
  sentMs: number | null;
  internetMessageId: string;
  conversationId: string;
  changeKey: string;
}

/** An attachment upload in progress: bytes must arrive in order, only their count and running digest are kept. */
export interface UploadSession {
  id: string;
  /** The authtoken of the upload URL, which stands in for the bearer token. */
  token: string;
  mailbox: string;
  messageId: string;
  /** The app that created it: its uploads share that app's concurrency slots on the mailbox. */
  app: string;
  name: string;
  contentType: string;
  isInline: boolean;
  size: number;
  received: number;
  hash: Hash;
  expiresMs: number;
}

/** Mailboxes compare case-insensitively, as SMTP addresses do in Exchange. */
export function mailboxKey(mailbox: string): string {
  return mailbox.toLowerCase();
}

function addresses(recipients: Recipient[]): string[] {
  return recipients.map((r) => r.address);
}

/** The outbox entry of a message accepted for delivery. */
export function toSentMail(
  message: StoredMessage,
  sent: { id: string; sentAt: string; requestId: string; via: SentMail["via"]; saved: boolean },
): SentMail {
  return {
    id: sent.id,
    mailbox: message.mailbox,
    from: message.from?.address ?? message.mailbox,
    to: addresses(message.toRecipients),
    cc: addresses(message.ccRecipients),
    bcc: addresses(message.bccRecipients),
    replyTo: addresses(message.replyTo),
    subject: message.subject,
    bodyContentType: message.body.contentType,
    body: message.body.content,
    attachments: message.attachments.map(({ name, contentType, size, sha256 }) => ({ name, contentType, size, sha256 })),
    extendedProperties: Object.fromEntries(message.extendedProperties.map((p) => [p.id, p.value])),
    headers: Object.fromEntries(message.headers.map((h) => [h.name, h.value])),
    internetMessageId: message.internetMessageId,
    sentAt: sent.sentAt,
    requestId: sent.requestId,
    via: sent.via,
    savedToSentItems: sent.saved,
  };
}

/** Every mailbox's messages, the outbox and the upload sessions of one emulator. */
export class MailStore {
  private readonly messages = new Map<string, StoredMessage>();
  readonly sessions = new Map<string, UploadSession>();
  private sent: SentMail[] = [];
  /** Mail has its own sequence, so sending mail does not change the ids of Bookings items created afterwards. */
  random: Random;

  constructor(private readonly seed: number) {
    this.random = createRandom(seed);
  }

  /** The message with this id in this mailbox (ids are unique across mailboxes, but another's is not found). */
  find(mailbox: string, id: string): StoredMessage | undefined {
    const message = this.messages.get(id);
    return message && mailboxKey(message.mailbox) === mailboxKey(mailbox) ? message : undefined;
  }

  has(id: string): boolean {
    return this.messages.has(id);
  }

  put(message: StoredMessage): void {
    this.messages.set(message.id, message);
  }

  /** Removes a message and any upload still running into it. */
  remove(id: string): void {
    this.messages.delete(id);
    for (const [sessionId, session] of this.sessions) if (session.messageId === id) this.sessions.delete(sessionId);
  }

  /** A mailbox's messages (of one folder, or all), newest first. */
  list(mailbox: string, folder?: MailFolder): StoredMessage[] {
    const key = mailboxKey(mailbox);
    const mine = [...this.messages.values()].filter((m) => mailboxKey(m.mailbox) === key && (!folder || m.folder === folder));
    // Reversed insertion first, so equal instants (a frozen clock) still list the later message first.
    return mine.reverse().sort((a, b) => (b.sentMs ?? b.createdMs) - (a.sentMs ?? a.createdMs));
  }

  record(mail: SentMail): void {
    this.sent.push(mail);
  }

  /** Accepted messages in send order, of one sender mailbox when given. */
  outbox(mailbox?: string): SentMail[] {
    const key = mailbox === undefined ? undefined : mailboxKey(mailbox);
    return structuredClone(key === undefined ? this.sent : this.sent.filter((m) => mailboxKey(m.mailbox) === key));
  }

  clear(): void {
    this.messages.clear();
    this.sessions.clear();
    this.sent = [];
  }

  /** Empties everything and restarts the id sequence (on reset; clear() keeps the sequence, so ids never repeat). */
  reset(): void {
    this.clear();
    this.random = createRandom(this.seed);
  }
}
