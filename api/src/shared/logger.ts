// The application logger (pino); tokens and secrets are redacted wherever they appear in a log line.
import { pino, type DestinationStream, type Logger } from "pino";

// Fields that hold credentials or capability URLs, at the depths where features log them.
const SECRET_FIELDS = ["token", "accessToken", "refreshToken", "idToken", "assertion", "secret", "clientSecret", "password", "authorization", "cookie", "webhookUrl"];
const REDACTED_PATHS = [
  ...["req.headers.authorization", "req.headers.cookie", "res.headers[\"set-cookie\"]"],
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `*.*.*.${f}`]),
];

// Query parameters that carry credentials: OAuth codes and tokens, SAS and Workflows webhook signatures (`sig`).
const SECRET_QUERY = /([?&](?:token|access_token|id_token|refresh_token|code|client_secret|secret|password|sig|signature|key|api_key|apikey)=)[^&#"\s]+/gi;
const BEARER = /(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/g;

/** Replaces credentials in free text (query parameters such as `token` or `sig`, bearer tokens) with `[redacted]`. */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET_QUERY, "$1[redacted]").replace(BEARER, "$1[redacted]");
}

/** Creates the root logger at the given level (to stdout unless a destination is given, e.g. by tests). */
export function createLogger(level: string = "info", destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    // Last line of defence for secrets inside free text (error messages, URLs): scrub the serialised line.
    hooks: { streamWrite: scrubSecrets },
  };
  return destination ? pino(options, destination) : pino(options);
}
export type { Logger };
