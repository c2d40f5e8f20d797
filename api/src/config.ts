// Reads and validates the environment (PRODUCT.md §3) into one typed configuration object.
import path from "node:path";
import { z } from "zod";
import { decodeSecretsKey, SECRETS_KEY_PROBLEM } from "./shared/secrets";

/** Per-minute request limits; 0 means unlimited. */
export type RateLimits = { perIpPerMinute: number; perTenantPerMinute: number };

/** Generous limits that only stop floods: a busy user makes a few requests a second at most. */
export const DEFAULT_RATE_LIMITS: RateLimits = { perIpPerMinute: 600, perTenantPerMinute: 1200 };

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(53000),
  HOST: z.string().trim().regex(/^[A-Za-z0-9.:%-]+$/, "HOST must be an IP address or host name to listen on, e.g. 127.0.0.1 or 0.0.0.0").optional(),
  NODE_ENV: z.string().optional(),
  ALLOW_LOCAL_AUTH: z.enum(["0", "1"], "ALLOW_LOCAL_AUTH must be 1 (or unset)").optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  AUTH_MODE: z.enum(["local", "entra"]).default("local"),
  GRAPH_BASE_URL: z.url({ protocol: /^https?$/, error: "GRAPH_BASE_URL must be an http(s) URL" }).optional(),
  GRAPH_TOKEN: z.string().optional(),
  ENTRA_CLIENT_ID: z.string().optional(),
  ENTRA_CLIENT_SECRET: z.string().optional(),
  ENTRA_AUTHORITY_HOST: z.url({ protocol: /^https$/, error: "ENTRA_AUTHORITY_HOST must be an https URL" }).default("https://login.microsoftonline.com"),
  ENTRA_JWKS_URL: z.url().optional(),
  ENTRA_TENANT_ID: z.uuid("ENTRA_TENANT_ID must be the directory (tenant) id, a GUID").optional(),
  ENTRA_APP_ID_URI: z.string().regex(/^api:\/\/[^\s]+$/, "ENTRA_APP_ID_URI must look like api://<host>/<client id>").optional(),
  SECRETS_KEY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const key = decodeSecretsKey(value);
      if (!key) ctx.addIssue({ code: "custom", message: SECRETS_KEY_PROBLEM });
      return key ?? undefined;
    }),
  SYNC_TICK_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  GRAPH_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(4, "GRAPH_MAX_CONCURRENCY: Bookings allows at most 4 concurrent requests").default(3),
  // Exchange's limits per sender mailbox (30 messages a minute, 4 concurrent requests); a benchmark against the
  // emulator may raise the first on both sides to finish sooner at the same pacing.
  MAIL_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  MAIL_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(4, "MAIL_MAX_CONCURRENCY: Exchange allows at most 4 concurrent requests per mailbox").default(4),
  // How long after an interrupted send its message is looked for in Sent Items (Exchange files a sent message there
  // within seconds, not at once); only then may the document be sent again.
  MAIL_RECONCILE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  // How long a Graph mail request may take before its outcome counts as unknown (and is reconciled).
  MAIL_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(600).default(60),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMITS.perIpPerMinute),
  RATE_LIMIT_PER_TENANT: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMITS.perTenantPerMinute),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
  // The placeholder of env/.env.dev: deep links need the real id (manifest id, or the org catalog id once published).
  TEAMS_APP_ID: z.string().trim().regex(/^[A-Za-z0-9-]{1,64}$/, "TEAMS_APP_ID must be the Teams app id, e.g. a GUID").default("00000000-0000-0000-0000-000000000000"),
});

/** The validated runtime configuration. */
export type Config = {
  port: number;
  /** The address the server listens on: loopback in local mode, every interface in entra mode, unless HOST says. */
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  authMode: "local" | "entra";
  /** Explicit Graph base URL; undefined means "start the built-in emulator" (local mode only). */
  graphBaseUrl: string | undefined;
  graphToken: string | undefined;
  /** Entra mode (all but the authority host and JWKS URL required there; checked by loadConfig). */
  entra: { clientId?: string; clientSecret?: string; authorityHost: string; jwksUrl?: string; appIdUri?: string; tenantId?: string };
  /** SECRETS_KEY: encrypts secrets at rest; undefined in local mode means a key file in DATA_DIR (see shared/secrets.ts). */
  secretsKey: Buffer | undefined;
  /** How often the background scheduler looks for due syncs; 0 turns it off. */
  syncTickSeconds: number;
  /** Concurrent Graph requests per Bookings business (Bookings allows 4). */
  graphMaxConcurrency: number;
  /** Sending mail: Exchange's pacing per mailbox, when to look an interrupted send up, and the request timeout. */
  mail: { perMinute: number; maxConcurrency: number; reconcileMs: number; timeoutMs: number };
  logLevel: z.infer<typeof ZEnv>["LOG_LEVEL"];
  /** Requests per minute per client IP (all of /api) and per tenant (after sign-in); 0 turns a limit off. */
  rateLimits: RateLimits;
  /** Reverse-proxy hops in front of the server (App Service: 1), so the client IP comes from X-Forwarded-For. */
  trustProxy: number;
  /** On SIGTERM/SIGINT, how long in-flight requests may still run before their connections are cut. */
  shutdownGraceSeconds: number;
  /** Teams app id of deep links to the personal tab in notifications (teams-platform.md §4.6). */
  teamsAppId: string;
};

/** Parses the environment; throws one readable error that lists every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  // Local mode hands out tokens to anyone who asks (POST /api/dev/token): in production that must be a deliberate choice.
  if (e.AUTH_MODE === "local" && e.NODE_ENV === "production" && e.ALLOW_LOCAL_AUTH !== "1") {
    throw new Error(
      "Invalid configuration:\n  AUTH_MODE: AUTH_MODE=local (the default) with NODE_ENV=production would let anyone mint sign-in tokens;" +
        " set AUTH_MODE=entra, or ALLOW_LOCAL_AUTH=1 to run local sign-in in production on purpose",
    );
  }
  if (e.AUTH_MODE === "entra") {
    // Entra mode validates tokens for the client id and App ID URI (the audience of v1 tokens; unpinned, any
    // organisation could register api://<its domain>/<our client id>) and asks Entra ID for Graph tokens with its secret.
    // SECRETS_KEY too: without it local mode keeps a key file in DATA_DIR, which instances of a scaled-out app do not share.
    const required = {
      ENTRA_CLIENT_ID: "",
      ENTRA_CLIENT_SECRET: "",
      ENTRA_APP_ID_URI: " (the API's Application ID URI, e.g. api://<tab host>/<client id>)",
      SECRETS_KEY: " (32 random bytes as base64 or hex, e.g. `openssl rand -base64 32`; it encrypts stored secrets)",
    };
    const missing = (Object.keys(required) as (keyof typeof required)[]).filter((name) => !e[name]);
    if (missing.length) throw new Error(`Invalid configuration:\n${missing.map((name) => `  ${name}: required when AUTH_MODE=entra${required[name]}`).join("\n")}`);
  }
  return {
    port: e.PORT,
    // App Service (entra mode) forwards to the container's interface; a local server is for this machine only.
    host: e.HOST ?? (e.AUTH_MODE === "entra" ? "0.0.0.0" : "127.0.0.1"),
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    authMode: e.AUTH_MODE,
    graphBaseUrl: e.GRAPH_BASE_URL ?? (e.AUTH_MODE === "entra" ? "https://graph.microsoft.com/v1.0" : undefined),
    graphToken: e.AUTH_MODE === "local" ? e.GRAPH_TOKEN : undefined,
    entra: {
      clientId: e.ENTRA_CLIENT_ID,
      clientSecret: e.ENTRA_CLIENT_SECRET,
      authorityHost: e.ENTRA_AUTHORITY_HOST,
      jwksUrl: e.ENTRA_JWKS_URL,
      appIdUri: e.ENTRA_APP_ID_URI,
      tenantId: e.ENTRA_TENANT_ID,
    },
    secretsKey: e.SECRETS_KEY,
    syncTickSeconds: e.SYNC_TICK_SECONDS,
    graphMaxConcurrency: e.GRAPH_MAX_CONCURRENCY,
    mail: { perMinute: e.MAIL_PER_MINUTE, maxConcurrency: e.MAIL_MAX_CONCURRENCY, reconcileMs: e.MAIL_RECONCILE_SECONDS * 1000, timeoutMs: Math.round(e.MAIL_TIMEOUT_SECONDS * 1000) },
    logLevel: e.LOG_LEVEL,
    rateLimits: { perIpPerMinute: e.RATE_LIMIT_PER_IP, perTenantPerMinute: e.RATE_LIMIT_PER_TENANT },
    trustProxy: e.TRUST_PROXY,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    teamsAppId: e.TEAMS_APP_ID,
  };
}
