// A local stand-in for a Teams Workflows webhook (teams-platform.md §4.2) for notification tests.
import http from "node:http";
import type { AddressInfo } from "node:net";

/** A local stand-in for a Teams Workflows webhook: records every POST; answers per path prefix. */
export interface WebhookReceiver {
  origin: string;
  /** Requests whose path starts with /<key>/. */
  requests(key: string): { raw: string; body: any; contentType: string | undefined }[];
  answer(key: string, status: number | "hang"): void;
  close(): Promise<void>;
}

/** Starts a receiver on a free port of 127.0.0.1; it answers 202 unless told otherwise. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const seen: { path: string; raw: string; contentType: string | undefined }[] = [];
  const answers = new Map<string, number | "hang">();
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const path = req.url ?? "";
      seen.push({ path, raw, contentType: req.headers["content-type"] });
      const answer = answers.get(path.split("/")[1] ?? "") ?? 202;
      if (answer !== "hang") res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: (key) => seen.filter((r) => r.path.startsWith(`/${key}/`)).map((r) => ({ raw: r.raw, body: JSON.parse(r.raw), contentType: r.contentType })),
    answer: (key, status) => void answers.set(key, status),
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
