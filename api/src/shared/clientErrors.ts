// Requests Node's HTTP parser refuses before the app runs (an unknown method, oversized headers, a malformed request
// line) get the same JSON error envelope as every other 4xx, instead of Node's empty 400.
import type http from "node:http";
import type { Duplex } from "node:stream";
import type { ErrorCode } from "./errors";

/** Answers parser-level request errors on `server` with `{ error: { code, message } }`. */
export function answerClientErrors(server: http.Server): void {
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => {
    // A connection that went away (or a request timed out mid-body) has nobody left to answer.
    if (!socket.writable || err.code === "ECONNRESET") return void socket.destroy();
    // An earlier pipelined request's response is still pending: an answer written now would be read as that one's.
    if ((socket as Duplex & { _httpMessage?: unknown })._httpMessage) return void socket.destroy();
    const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
    const [status, reason, code, message]: [number, string, ErrorCode, string] = tooLarge
      ? [431, "Request Header Fields Too Large", "HEADERS_TOO_LARGE", "The request's headers are too large (at most 16 KB)."]
      : [400, "Bad Request", "BAD_REQUEST", "The request could not be read as HTTP/1.1 (unknown method or malformed request line or headers)."];
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
