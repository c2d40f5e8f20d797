// Graph-style errors: one error class carrying status, code and headers, plus the Bookings errors the emulator raises.

/** An error answered with Graph's envelope `{ error: { code, message, innerError } }`. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra innerError members (the throttling body carries code, message and status there). */
    readonly inner: Record<string, string> = {},
  ) {
    super(message);
    this.name = "GraphError";
  }
}

/** 400 ErrorInvalidRequest, Bookings' code for bad input. */
export function invalidRequest(message = "The request is invalid."): GraphError {
  return new GraphError(400, "ErrorInvalidRequest", message);
}

/** 400 BadRequest, the generic OData code (unknown properties, unknown segments, bad JSON). */
export function badRequest(message: string): GraphError {
  return new GraphError(400, "BadRequest", message);
}

/** 404 ErrorItemNotFound for an unknown appointment, customer, service or staff member. */
export function itemNotFound(): GraphError {
  return new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
}

/** 404 for an unknown business: ErrorNonExistentMailbox when the id is not an SMTP address, else ErrorFolderNotFound. */
export function businessNotFound(id: string): GraphError {
  return id.includes("@")
    ? new GraphError(404, "ErrorFolderNotFound", "The specified folder could not be found in the store.")
    : new GraphError(404, "ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.");
}

/** 405 for a known resource with an unsupported method. */
export function methodNotAllowed(): GraphError {
  return new GraphError(405, "BadRequest", "Specified HTTP method is not allowed for the request uri.");
}

/** 401 for a request without a bearer token. */
export function missingToken(): GraphError {
  return new GraphError(401, "InvalidAuthenticationToken", "Access token is empty.");
}

/** 429 TooManyRequests with the body of Graph's throttling page; Retry-After as given (or none). */
export function tooManyRequests(retryAfter: string | null): GraphError {
  const headers: Record<string, string> = retryAfter === null ? {} : { "Retry-After": retryAfter };
  return new GraphError(429, "TooManyRequests", "Please retry again later.", headers, {
    code: "429",
    message: "Please retry after",
    status: "429",
  });
}

/** 400 for a property the type does not define (bookingAppointment is not an open type). */
export function unknownProperty(property: string, type: string): GraphError {
  return badRequest(
    `The property '${property}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
  );
}

/** 400 RequestBodyRead, OData's code for a payload value of the wrong shape or type. */
export function requestBodyRead(message: string): GraphError {
  return new GraphError(400, "RequestBodyRead", message);
}

/** 404 ErrorInvalidUser for a /users/{id} that names no mailbox. */
export function invalidUser(id: string): GraphError {
  return new GraphError(404, "ErrorInvalidUser", `The requested user '${id}' is invalid.`);
}

/** 400 ErrorInvalidRecipients: none at all, an unresolvable address, or too many. */
export function invalidRecipients(detail: string): GraphError {
  return new GraphError(400, "ErrorInvalidRecipients", `At least one recipient isn't valid., ${detail}`);
}

/** 413 for a mail request (JSON body or upload chunk) over Exchange's 4 MB request limit. */
export function requestEntityTooLarge(upload: boolean): GraphError {
  return new GraphError(
    413,
    "ErrorRequestEntityTooLarge",
    upload
      ? "The chunk is larger than 4 MB; upload the attachment in smaller byte ranges."
      : "The request is larger than 4 MB; attach large files to a draft through an upload session.",
  );
}

/** 429 MailboxConcurrency: too many simultaneous requests of one app on one mailbox. */
export function mailboxConcurrency(retryAfterSeconds: number): GraphError {
  return new GraphError(429, "MailboxConcurrency", "Application is over its MailboxConcurrency limit.", {
    "Retry-After": String(retryAfterSeconds),
  });
}

/** 429 ApplicationThrottled: the mailbox sent its messages-per-minute quota; Retry-After until a slot frees. */
export function applicationThrottled(retryAfterSeconds: number, perMinute: number): GraphError {
  return new GraphError(
    429,
    "ApplicationThrottled",
    `Application is over its message submission limit of ${perMinute} messages per minute for this mailbox.`,
    { "Retry-After": String(retryAfterSeconds) },
  );
}
