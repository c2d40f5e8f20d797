// Reads and validates the environment (PRODUCT.md §3) into one typed configuration object.
import path from "node:path";
import { z } from "zod";

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(53000),
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
  ENTRA_AUTHORITY_HOST: z.url().default("https://login.microsoftonline.com"),
  ENTRA_JWKS_URL: z.url().optional(),
  SYNC_TICK_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  GRAPH_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(4, "GRAPH_MAX_CONCURRENCY: Bookings allows at most 4 concurrent requests").default(3),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** The validated runtime configuration. */
export type Config = {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  authMode: "local" | "entra";
  /** Explicit Graph base URL; undefined means "start the built-in emulator" (local mode only). */
  graphBaseUrl: string | undefined;
  graphToken: string | undefined;
  entra: { clientId?: string; clientSecret?: string; authorityHost: string; jwksUrl?: string };
  /** How often the background scheduler looks for due syncs; 0 turns it off. */
  syncTickSeconds: number;
  /** Concurrent Graph requests per Bookings business (Bookings allows 4). */
  graphMaxConcurrency: number;
  logLevel: z.infer<typeof ZEnv>["LOG_LEVEL"];
};

/** Parses the environment; throws one readable error that lists every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.AUTH_MODE === "entra" && !e.ENTRA_CLIENT_ID) {
    throw new Error("Invalid configuration:\n  ENTRA_CLIENT_ID: required when AUTH_MODE=entra");
  }
  return {
    port: e.PORT,
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
    },
    syncTickSeconds: e.SYNC_TICK_SECONDS,
    graphMaxConcurrency: e.GRAPH_MAX_CONCURRENCY,
    logLevel: e.LOG_LEVEL,
  };
}
