// The Microsoft Graph v1.0 Bookings emulator: an Express app serving /v1.0/solutions/bookingBusinesses…, mail under
// /v1.0/users/{mailbox}/… plus /_emulator controls.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Express } from "express";
import { adminRouter } from "./adminRoutes";
import { createControls } from "./controls";
import { graphRouter } from "./graphRoutes";
import { createState } from "./state";
import type { EmulatorControls, EmulatorOptions } from "./types";

export { DEMO_BUSINESS_ID } from "./seedCatalog";
export type {
  BusinessContents,
  EmulatorHold,
  EmulatorControls,
  EmulatorOptions,
  EmulatorStats,
  FaultKind,
  FaultRule,
  HoldOptions,
  HoldPhase,
  OutboxEvent,
  RequestKind,
  SeedOption,
  SentMail,
} from "./types";

/** Creates an emulator app (not listening) and its controls. */
export function createEmulator(opts: EmulatorOptions = {}): { app: Express; controls: EmulatorControls } {
  const state = createState(opts);
  const controls = createControls(state);
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use("/_emulator", adminRouter(controls));
  app.use(graphRouter(state));
  return { app, controls };
}

/** Starts an emulator on a port (default: a free one) and host (default 127.0.0.1); url is the Graph base URL. */
export async function startEmulator(
  opts: EmulatorOptions & { port?: number; host?: string } = {},
): Promise<{ url: string; controls: EmulatorControls; close(): Promise<void> }> {
  const { port = 0, host = "127.0.0.1", ...options } = opts;
  const { app, controls } = createEmulator(options);
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const close = (): Promise<void> =>
    new Promise((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    });
  return { url: `http://${urlHost}:${address.port}/v1.0`, controls, close };
}
