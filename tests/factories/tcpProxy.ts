// A TCP proxy between the app and a server (PostgreSQL), for tests that make the database go away and come back.
import net, { type AddressInfo } from "node:net";

/** A running proxy on 127.0.0.1. */
export interface TcpProxy {
  port: number;
  /** The same URL, pointed through the proxy (host and port replaced). */
  urlFor(url: string): string;
  /** Cuts every open connection and refuses new ones (reset at once), as a server that went down does. */
  pause(): void;
  /** Passes new connections through again. */
  resume(): void;
  /** Connections passing through right now. */
  openConnections(): number;
  close(): Promise<void>;
}

/** Starts a proxy that forwards every connection to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let paused = false;
  const server = net.createServer((client) => {
    // A reset rather than a listener that stops: the port stays ours, and the client fails at once instead of waiting.
    if (paused) return void client.resetAndDestroy();
    const upstream = net.connect(target.port, target.host);
    const pair = [client, upstream];
    for (const socket of pair) {
      open.add(socket);
      socket.on("error", () => pair.forEach((s) => s.destroy()));
      socket.on("close", () => {
        open.delete(socket);
        pair.forEach((s) => s.destroy());
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    urlFor(url) {
      const u = new URL(url);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    pause() {
      paused = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    resume() {
      paused = false;
    },
    openConnections: () => open.size / 2,
    close() {
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Host and port of a postgres:// URL. */
export function hostAndPort(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname || "127.0.0.1", port: Number(u.port || 5432) };
}
