// Covers parser-level refusals: JSON envelope for an oversized or unreadable request, and never an answer that a
// client would take for the response to an earlier pipelined request.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerClientErrors } from "./clientErrors";

describe("answerClientErrors", () => {
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    server = http.createServer((_req, res) => setTimeout(() => res.end("first-ok"), 200));
    answerClientErrors(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // Writes raw bytes and collects everything the server answers until it closes (or 1.5 s pass).
  const exchange = (raw: string) =>
    new Promise<string>((resolve) => {
      let got = "";
      const socket = net.connect(port, "127.0.0.1", () => socket.write(raw));
      const done = () => resolve(got);
      socket.on("data", (d) => (got += d));
      socket.on("close", done);
      socket.on("error", done);
      setTimeout(() => socket.destroy(), 1500);
    });

  it.each([
    ["headers over 16 KB", `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, 431, "HEADERS_TOO_LARGE"],
    ["an unknown method", "FOO /api/health HTTP/1.1\r\nHost: x\r\n\r\n", 400, "BAD_REQUEST"],
  ])("answers %s with the JSON error envelope", async (_what, raw, status, code) => {
    const answer = await exchange(raw);
    expect(answer.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
    expect(answer).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)).error.code).toBe(code);
  });

  it("does not answer an oversized pipelined request ahead of the response still owed to the first", async () => {
    const answer = await exchange(`GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    // The connection is closed without a byte: a 431 written now would be read as the answer to GET /a.
    expect(answer).toBe("");
  });
});
