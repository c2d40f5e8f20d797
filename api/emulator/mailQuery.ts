// Messages on the wire: Graph's message shape, $select, and the two OData forms mail lookups use — the documented
// extended-property $filter (…/Any(ep: ep/id eq '…' and ep/value eq '…')) and $expand=singleValueExtendedProperties.
import type { Request } from "express";
import { GraphError, badRequest } from "./errors";
import { queryParam } from "./http";
import { mailboxKey, type MailFolder, type StoredMessage } from "./mail";
import { propertyKey, type Recipient } from "./mailModel";

/** The extended property a $filter asks for. */
export interface PropertyFilter {
  key: string;
  value: string;
}

/** What a read shows: all properties or the $select ones; extended properties when expanded (null key: all of them). */
export interface MessageView {
  select: string[] | null;
  expand: { key: string | null } | null;
}

const QUOTED = "'((?:[^']|'')*)'";
const FILTER = new RegExp(
  `^\\s*singleValueExtendedProperties\\s*/\\s*any\\s*\\(\\s*([A-Za-z_]\\w*)\\s*:` +
    `\\s*\\1\\s*/\\s*id\\s+eq\\s*${QUOTED}\\s*and\\s+` +
    `\\1\\s*/\\s*value\\s+eq\\s*${QUOTED}\\s*\\)\\s*$`,
  "i",
);
const EXPAND = new RegExp(`^\\s*singleValueExtendedProperties\\s*(?:\\(\\s*\\$filter\\s*=\\s*id\\s+eq\\s*${QUOTED}\\s*\\))?\\s*$`, "i");

// Message properties in the order Graph renders them; the last ones appear only when $select names them.
const DEFAULT_PROPERTIES = [
  "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime", "sentDateTime",
  "hasAttachments", "internetMessageId", "subject", "bodyPreview", "importance", "parentFolderId", "conversationId",
  "isDeliveryReceiptRequested", "isReadReceiptRequested", "isRead", "isDraft", "webLink", "inferenceClassification",
  "body", "sender", "from", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "flag",
] as const;
const SELECT_ONLY = ["internetMessageHeaders"] as const;
const SELECTABLE = new Map<string, string>(["id", ...DEFAULT_PROPERTIES, ...SELECT_ONLY].map((p) => [p.toLowerCase(), p]));

function unquote(text: string): string {
  return text.replace(/''/g, "'");
}

function invalidFilter(): GraphError {
  return new GraphError(
    400,
    "ErrorInvalidUrlQueryFilter",
    "The emulator understands only $filter=singleValueExtendedProperties/Any(ep: ep/id eq '{property id}' and ep/value eq '{value}').",
  );
}

function keyOf(id: string): string {
  const key = propertyKey(id);
  if (key === null) throw new GraphError(400, "ErrorInvalidProperty", `The extended property id '${id}' is not valid.`);
  return key;
}

/** Parses the documented extended-property $filter; anything else is a 400. */
export function parsePropertyFilter(text: string): PropertyFilter {
  const m = FILTER.exec(text);
  if (!m) throw invalidFilter();
  return { key: keyOf(unquote(m[2] ?? "")), value: unquote(m[3] ?? "") };
}

/** The $select and $expand of a request. */
export function readView(req: Request): MessageView {
  const selectText = queryParam(req, "$select");
  const select =
    selectText === undefined
      ? null
      : selectText.split(",").map((raw) => {
          const name = SELECTABLE.get(raw.trim().toLowerCase());
          if (!name) throw badRequest(`Could not find a property named '${raw.trim()}' on type 'microsoft.graph.message'.`);
          return name;
        });
  const expandText = queryParam(req, "$expand");
  if (expandText === undefined) return { select, expand: null };
  const m = EXPAND.exec(expandText);
  if (!m) throw badRequest(`The emulator can $expand only singleValueExtendedProperties($filter=id eq '…'), not '${expandText}'.`);
  return { select, expand: { key: m[1] === undefined ? null : keyOf(unquote(m[1])) } };
}

/** True when the message has the extended property with exactly that value. */
export function matchesFilter(message: StoredMessage, filter: PropertyFilter): boolean {
  return message.extendedProperties.some((p) => propertyKey(p.id) === filter.key && p.value === filter.value);
}

/** Graph renders DateTimeOffset properties of messages without fractional seconds. */
function graphInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function recipient(r: Recipient): unknown {
  return { emailAddress: { name: r.name ?? r.address, address: r.address } };
}

function preview(message: StoredMessage): string {
  const text = message.body.contentType === "html" ? message.body.content.replace(/<[^>]*>/g, " ") : message.body.content;
  return text.replace(/\s+/g, " ").trim().slice(0, 255);
}

/** A stable, Exchange-looking id of a mailbox's well-known folder. */
export function folderId(mailbox: string, folder: MailFolder): string {
  return `AQMkAD${Buffer.from(`${mailboxKey(mailbox)}/${folder}`, "utf8").toString("base64url")}AAA=`;
}

function allProperties(m: StoredMessage): Record<string, unknown> {
  const sender = recipient(m.from ?? { address: m.mailbox });
  // Exchange stamps drafts with their creation time as sent and received time too.
  const sentAt = graphInstant(m.sentMs ?? m.createdMs);
  return {
    createdDateTime: graphInstant(m.createdMs),
    lastModifiedDateTime: graphInstant(m.modifiedMs),
    changeKey: m.changeKey,
    categories: [...m.categories],
    receivedDateTime: sentAt,
    sentDateTime: sentAt,
    hasAttachments: m.attachments.some((a) => !a.isInline),
    internetMessageId: m.internetMessageId,
    subject: m.subject,
    bodyPreview: preview(m),
    importance: m.importance,
    parentFolderId: folderId(m.mailbox, m.folder),
    conversationId: m.conversationId,
    isDeliveryReceiptRequested: m.isDeliveryReceiptRequested,
    isReadReceiptRequested: m.isReadReceiptRequested,
    isRead: true,
    isDraft: m.folder === "drafts",
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(m.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: "focused",
    body: { ...m.body },
    sender,
    from: sender,
    toRecipients: m.toRecipients.map(recipient),
    ccRecipients: m.ccRecipients.map(recipient),
    bccRecipients: m.bccRecipients.map(recipient),
    replyTo: m.replyTo.map(recipient),
    flag: { flagStatus: "notFlagged" },
    internetMessageHeaders: m.headers.map((h) => ({ ...h })),
  };
}

/** A message as Graph returns it for a view: @odata.etag and id always, then the selected or default properties. */
export function presentMessage(m: StoredMessage, view: MessageView): Record<string, unknown> {
  const all = allProperties(m);
  const names: readonly string[] = view.select ?? DEFAULT_PROPERTIES;
  const out: Record<string, unknown> = { "@odata.etag": `W/"${m.changeKey}"`, id: m.id };
  for (const name of [...DEFAULT_PROPERTIES, ...SELECT_ONLY]) if (names.includes(name)) out[name] = all[name];
  if (view.expand) {
    const { key } = view.expand;
    const props = m.extendedProperties.filter((p) => key === null || propertyKey(p.id) === key);
    // Exchange leaves the navigation out of a message that has none of the expanded properties.
    if (props.length > 0) out.singleValueExtendedProperties = props.map((p) => ({ id: p.id, value: p.value }));
  }
  return out;
}
