// Covers which webhook targets production deliveries may connect to, and that refused ones never see a request.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "./postJson";
import { isPublicAddress, publicOnlyFetch } from "./publicFetch";

describe("isPublicAddress", () => {
  it.each([
    ["127.0.0.1", false], ["127.8.9.10", false], ["10.1.2.3", false], ["172.16.0.1", false], ["172.31.255.255", false], ["192.168.1.1", false],
    ["169.254.169.254", false], ["100.64.0.1", false], ["0.0.0.0", false], ["224.0.0.1", false], ["::1", false], ["::", false],
    ["fd12:3456::1", false], ["fe80::1", false], ["::ffff:127.0.0.1", false], ["::ffff:10.0.0.1", false], ["not-an-ip", false],
    ["13.69.0.1", true], ["172.32.0.1", true], ["20.50.2.3", true], ["2603:1020::1", true], ["::ffff:52.1.2.3", true],
  ])("%s → %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("publicOnlyFetch", () => {
  let server: http.Server;
  let port = 0;
  let received = 0;
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      received++;
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(["127.0.0.1", "localhost", "[::ffff:127.0.0.1]"])("refuses a webhook on %s before sending anything", async (host) => {
    await expect(postJson(`http://${host}:${port}/hook`, { hi: 1 }, { fetch: publicOnlyFetch })).rejects.toThrow(/loopback or private network address/);
    expect(received).toBe(0);
  });

  it("is the same receiver plain fetch reaches (so the refusal is the address check)", async () => {
    expect(await postJson(`http://127.0.0.1:${port}/hook`, { hi: 1 })).toBe(200);
    expect(received).toBe(1);
  });
});
