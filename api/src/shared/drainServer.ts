// Graceful HTTP shutdown: stop accepting, let in-flight requests finish within a grace period, then cut the rest.
import type { Server, ServerResponse } from "node:http";

/** Closes a server; `forced` tells whether requests were still running when the grace period ended. */
export interface ServerDrain {
  inFlight(): number;
  drain(graceMs: number): Promise<{ forced: boolean }>;
}

/** Starts tracking a server's in-flight requests; call right after creating it. */
export function trackRequests(server: Server): ServerDrain {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  // Runs before the app's handler, so the header can still be set on every request.
  server.prependListener("request", (_req, res) => {
    if (draining) res.setHeader("Connection", "close");
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
  });
  return {
    inFlight: () => inFlight.size,
    drain(graceMs) {
      draining = true;
      // Keep-alive connections close after their current response instead of waiting for another request.
      for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
      return new Promise((resolve) => {
        let forced = false;
        const cut = () => {
          forced = inFlight.size > 0;
          server.closeAllConnections();
        };
        const timer = graceMs > 0 ? setTimeout(cut, graceMs) : undefined;
        server.close(() => {
          clearTimeout(timer);
          resolve({ forced });
        });
        if (graceMs > 0) server.closeIdleConnections();
        else cut();
      });
    },
  };
}
