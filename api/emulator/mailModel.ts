// Reading Graph message JSON as Exchange validates it: recipients, body, file attachments, extended properties, headers.
import { createHash } from "node:crypto";
import { isJsonObject } from "./customerWrite";
import { GraphError, invalidRecipients, requestBodyRead, unknownProperty } from "./errors";

/** Exchange Online's recipient limit per message (To, Cc and Bcc together). */
export const MAX_RECIPIENTS = 500;

/** A recipient as stored: the address as given (checked when the message is sent) and an optional display name. */
export interface Recipient {
  address: string;
  name?: string;
}

/** A file attachment: only its size and digest are kept, so large uploads cost no memory. */
export interface MailAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  isInline: boolean;
}

export interface ExtendedProperty {
  /** The id as the client sent it (trimmed). */
  id: string;
  value: string;
}

export interface MessageHeader {
  name: string;
  value: string;
}

/** What a client can write into a message. */
export interface MessageContent {
  subject: string;
  body: { contentType: "html" | "text"; content: string };
  from: Recipient | null;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  importance: "low" | "normal" | "high";
  isDeliveryReceiptRequested: boolean;
  isReadReceiptRequested: boolean;
  categories: string[];
  attachments: MailAttachment[];
  extendedProperties: ExtendedProperty[];
  headers: MessageHeader[];
}

// Writable message properties the emulator reads, plus ones it accepts and ignores (flags, read state, mentions,
// read-only echoes): anything else is a 400, as message is not an open type.
const READ = new Set([
  "subject", "body", "from", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "importance",
  "isDeliveryReceiptRequested", "isReadReceiptRequested", "categories", "attachments",
  "singleValueExtendedProperties", "internetMessageHeaders",
]);
const IGNORED = new Set([
  "id", "sender", "flag", "inferenceClassification", "isRead", "multiValueExtendedProperties", "mentions", "uniqueBody",
  "bodyPreview", "hasAttachments", "isDraft", "webLink", "parentFolderId", "conversationId", "conversationIndex",
  "internetMessageId", "createdDateTime", "lastModifiedDateTime", "receivedDateTime", "sentDateTime", "changeKey",
]);
const ATTACHMENT_PROPERTIES = new Set(["name", "contentType", "contentBytes", "contentId", "contentLocation", "isInline", "size", "id", "lastModifiedDateTime"]);
const SMTP = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const MAPI_TYPES = new Set(["binary", "boolean", "clsid", "currency", "double", "float", "integer", "long", "short", "string", "systemtime", "object"]);
const NAMED_PROPERTY = /^(\w+)\s+\{([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}\s+(name|id)\s+(\S(?:.*\S)?)$/i;
const TAGGED_PROPERTY = /^(\w+)\s+0x([0-9a-f]{1,4})$/i;

/** True for an address Exchange would resolve as SMTP: local@domain.tld, no display-name syntax. */
export function isSmtpAddress(address: string): boolean {
  return SMTP.test(address);
}

/**
 * The comparison key of an extended property id ("String {guid} Name X", "String 0x1234"): type, GUID and keywords
 * compare case-insensitively, whitespace is collapsed, the name stays as written. Null when the id is malformed.
 */
export function propertyKey(id: string): string | null {
  const text = id.trim();
  const named = NAMED_PROPERTY.exec(text);
  if (named) {
    const [, type = "", guid = "", keyword = "", name = ""] = named;
    const byId = keyword.toLowerCase() === "id";
    if (!MAPI_TYPES.has(type.toLowerCase()) || (byId && !/^0x[0-9a-f]{1,8}$/i.test(name))) return null;
    const ident = byId ? `0x${Number.parseInt(name, 16).toString(16)}` : name;
    return `${type.toLowerCase()} {${guid.toLowerCase()}} ${keyword.toLowerCase()} ${ident}`;
  }
  const tagged = TAGGED_PROPERTY.exec(text);
  if (tagged && MAPI_TYPES.has((tagged[1] ?? "").toLowerCase())) {
    return `${(tagged[1] ?? "").toLowerCase()} 0x${Number.parseInt(tagged[2] ?? "0", 16).toString(16)}`;
  }
  return null;
}

function invalidExtendedProperty(id: unknown): GraphError {
  return new GraphError(400, "ErrorInvalidProperty", `The extended property id '${String(id)}' is not valid.`);
}

function readString(value: unknown, property: string, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "string") throw requestBodyRead(`Cannot convert a ${typeof value} to the type 'Edm.String' of '${property}'.`);
  return value;
}

function readBoolean(value: unknown, property: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== "boolean") throw requestBodyRead(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.Boolean' of '${property}'.`);
  return value;
}

function readEnum<T extends string>(value: unknown, type: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === null) return fallback;
  const lower = typeof value === "string" ? value.toLowerCase() : "";
  const match = allowed.find((a) => a === lower);
  if (!match) throw requestBodyRead(`Cannot convert the literal '${String(value)}' to the expected type 'microsoft.graph.${type}'.`);
  return match;
}

function readArray(value: unknown, property: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw requestBodyRead(`The property '${property}' must be a collection.`);
  return value;
}

function checkProperties(value: Record<string, unknown>, known: (key: string) => boolean, type: string): void {
  for (const key of Object.keys(value)) {
    // Instance annotations such as "@odata.type" are not properties.
    if (!key.includes("@") && !known(key)) throw unknownProperty(key, type);
  }
}

function readRecipient(item: unknown, property: string): Recipient {
  if (!isJsonObject(item)) throw requestBodyRead(`An element of '${property}' is not a microsoft.graph.recipient object.`);
  checkProperties(item, (k) => k === "emailAddress", "microsoft.graph.recipient");
  const email = item.emailAddress;
  if (email === undefined || email === null) return { address: "" };
  if (!isJsonObject(email)) throw requestBodyRead(`The emailAddress of an element of '${property}' is not an object.`);
  checkProperties(email, (k) => k === "address" || k === "name", "microsoft.graph.emailAddress");
  const address = readString(email.address, "address", "").trim();
  const name = readString(email.name, "name", "");
  return name ? { address, name } : { address };
}

function readRecipients(value: unknown, property: string): Recipient[] {
  return readArray(value, property).map((item) => readRecipient(item, property));
}

function readBody(value: unknown): MessageContent["body"] {
  if (value === undefined || value === null) return { contentType: "text", content: "" };
  if (!isJsonObject(value)) throw requestBodyRead("The property 'body' must be a microsoft.graph.itemBody object.");
  checkProperties(value, (k) => k === "contentType" || k === "content", "microsoft.graph.itemBody");
  return {
    contentType: readEnum(value.contentType, "bodyType", ["html", "text"] as const, "text"),
    content: readString(value.content, "content", ""),
  };
}

/** Decodes base64 (standard or URL-safe, as OData's Edm.Binary allows) strictly; null when it is not base64. */
function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, "");
  if (!BASE64.test(compact) || compact.length % 4 === 1) return null;
  return Buffer.from(compact, "base64");
}

/** The digest kept of attachment bytes. */
export function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Reads one attachment of a message or of POST …/attachments; only #microsoft.graph.fileAttachment is supported. */
export function readFileAttachment(item: unknown, newId: () => string): MailAttachment {
  if (!isJsonObject(item)) throw requestBodyRead("An attachment must be a microsoft.graph.fileAttachment object.");
  const type = item["@odata.type"];
  // attachment is abstract: without @odata.type Graph cannot pick the type to create.
  if (typeof type !== "string") throw requestBodyRead("Cannot create an abstract class.");
  const normalized = type.toLowerCase().replace(/^#?/, "#");
  if (normalized === "#microsoft.graph.itemattachment" || normalized === "#microsoft.graph.referenceattachment") {
    throw new GraphError(400, "ErrorInvalidRequest", `The emulator supports only #microsoft.graph.fileAttachment, not '${type}'.`);
  }
  if (normalized !== "#microsoft.graph.fileattachment") throw requestBodyRead(`A type named '${type}' could not be resolved by the model.`);
  checkProperties(item, (k) => ATTACHMENT_PROPERTIES.has(k), "microsoft.graph.fileAttachment");
  if (item.contentBytes === undefined || item.contentBytes === null) {
    throw new GraphError(400, "ErrorRequiredPropertyMissing", "Required property is missing: contentBytes of a fileAttachment.");
  }
  const text = readString(item.contentBytes, "contentBytes", "");
  const bytes = decodeBase64(text);
  if (!bytes) throw requestBodyRead(`Cannot convert the literal '${text.slice(0, 20)}…' to the expected type 'Edm.Binary'.`);
  return {
    id: newId(),
    name: readString(item.name, "name", ""),
    contentType: readString(item.contentType, "contentType", "application/octet-stream"),
    size: bytes.length,
    sha256: sha256Hex(bytes),
    isInline: readBoolean(item.isInline, "isInline"),
  };
}

function readExtendedProperty(item: unknown): ExtendedProperty {
  if (!isJsonObject(item)) throw requestBodyRead("An element of 'singleValueExtendedProperties' is not an object.");
  checkProperties(item, (k) => k === "id" || k === "value", "microsoft.graph.singleValueLegacyExtendedProperty");
  if (typeof item.id !== "string" || propertyKey(item.id) === null) throw invalidExtendedProperty(item.id);
  return { id: item.id.trim(), value: readString(item.value, "value", "") };
}

function readHeader(item: unknown): MessageHeader {
  if (!isJsonObject(item)) throw requestBodyRead("An element of 'internetMessageHeaders' is not an object.");
  checkProperties(item, (k) => k === "name" || k === "value", "microsoft.graph.internetMessageHeader");
  const name = readString(item.name, "name", "");
  // Only custom headers may be set, and a header name is an RFC 5322 field name: printable, no colon.
  if (!/^x-[!-9;-~]+$/i.test(name)) {
    throw new GraphError(400, "InvalidInternetMessageHeader", `The internet message header name '${name}' should start with 'x-' or 'X-'.`);
  }
  return { name, value: readString(item.value, "value", "") };
}

/** Reads a message JSON object (the `message` of sendMail, or the body of POST …/messages). */
export function readMessage(value: unknown, newId: () => string): MessageContent {
  if (!isJsonObject(value)) throw requestBodyRead("The message must be a microsoft.graph.message object.");
  checkProperties(value, (k) => READ.has(k) || IGNORED.has(k), "microsoft.graph.message");
  const from = value.from === undefined || value.from === null ? null : readRecipient(value.from, "from");
  const categories = readArray(value.categories, "categories").map((c) => readString(c, "categories", ""));
  return {
    subject: readString(value.subject, "subject", ""),
    body: readBody(value.body),
    from,
    toRecipients: readRecipients(value.toRecipients, "toRecipients"),
    ccRecipients: readRecipients(value.ccRecipients, "ccRecipients"),
    bccRecipients: readRecipients(value.bccRecipients, "bccRecipients"),
    replyTo: readRecipients(value.replyTo, "replyTo"),
    importance: readEnum(value.importance, "importance", ["low", "normal", "high"] as const, "normal"),
    isDeliveryReceiptRequested: readBoolean(value.isDeliveryReceiptRequested, "isDeliveryReceiptRequested"),
    isReadReceiptRequested: readBoolean(value.isReadReceiptRequested, "isReadReceiptRequested"),
    categories,
    attachments: readArray(value.attachments, "attachments").map((a) => readFileAttachment(a, newId)),
    extendedProperties: readArray(value.singleValueExtendedProperties, "singleValueExtendedProperties").map(readExtendedProperty),
    headers: readArray(value.internetMessageHeaders, "internetMessageHeaders").map(readHeader),
  };
}

/** What Exchange checks at submission: some recipients, at most 500, every address (replyTo, from too) resolvable. */
export function checkSendable(content: MessageContent): void {
  const recipients = [...content.toRecipients, ...content.ccRecipients, ...content.bccRecipients];
  if (recipients.length === 0) throw invalidRecipients("A message can't be sent because it contains no recipients.");
  if (recipients.length > MAX_RECIPIENTS) {
    throw invalidRecipients(`The message has ${recipients.length} recipients; at most ${MAX_RECIPIENTS} are allowed.`);
  }
  for (const r of [...recipients, ...content.replyTo, ...(content.from ? [content.from] : [])]) {
    if (!isSmtpAddress(r.address)) {
      throw invalidRecipients(`Recipient '${r.address}' isn't resolved. All recipients must be resolved before a message can be submitted.`);
    }
  }
}
