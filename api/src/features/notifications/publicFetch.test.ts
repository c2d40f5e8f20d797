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

  // Ranges the first hand-written list missed: each reaches this machine, its network or the cloud host's services.
  it.each([
    ["168.63.129.16", "Azure's wireserver (host agent, DNS, health probes)"],
    ["169.254.169.254", "the cloud instance metadata service"],
    ["64:ff9b::a00:1", "NAT64 (64:ff9b::/96) of 10.0.0.1"],
    ["64:ff9b::7f00:1", "NAT64 of 127.0.0.1"],
    ["64:ff9b:1::1", "local-use NAT64 (64:ff9b:1::/48)"],
    ["2002:a00:1::1", "6to4 (2002::/16) of 10.0.0.1"],
    ["2002:7f00:1::", "6to4 of 127.0.0.1"],
    ["::7f00:1", "IPv4-compatible (::/96) 127.0.0.1"],
    ["::a00:1", "IPv4-compatible 10.0.0.1"],
    ["::127.0.0.1", "IPv4-compatible, dotted"],
    ["198.18.0.1", "benchmarking (198.18.0.0/15)"],
    ["198.19.255.254", "benchmarking, second half"],
    ["192.0.0.1", "IETF protocol assignments (192.0.0.0/24)"],
    ["192.0.2.1", "documentation (TEST-NET-1)"],
    ["240.0.0.1", "reserved (240.0.0.0/4)"],
    ["255.255.255.255", "broadcast"],
    ["::ffff:a00:1", "IPv4-mapped 10.0.0.1, hex form (as the URL parser writes it)"],
    ["::ffff:7f00:1", "IPv4-mapped 127.0.0.1, hex form"],
    ["::ffff:192.168.0.1", "IPv4-mapped 192.168.0.1"],
    ["::ffff:169.254.169.254", "IPv4-mapped metadata service"],
    ["::ffff:168.63.129.16", "IPv4-mapped wireserver"],
    ["::ffff:0:a00:1", "IPv4-translated (::ffff:0:0/96) 10.0.0.1"],
    ["2001::1", "Teredo (2001::/32)"],
    ["2001:db8::1", "IPv6 documentation"],
    ["fec0::1", "deprecated site-local"],
    ["100::1", "discard-only (100::/64)"],
    ["fe80::1%eth0", "link-local with a zone"],
  ])("refuses %s: %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([["168.63.129.17"], ["198.20.0.1"], ["192.0.1.1"], ["2a01:111:f400::1"], ["::ffff:13.69.0.1"], ["2603:1020:0:1::5"]])("still allows public %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([["0x7f.1"], ["2130706433"], ["127.1"], ["1.2.3.4.5"], [""]])("refuses %s, which is not a canonical IP address", (address) => {
    expect(isPublicAddress(address)).toBe(false);
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

  it.each(["127.0.0.1", "localhost", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::127.0.0.1]", "0x7f.1", "2130706433"])("refuses a webhook on %s before sending anything", async (host) => {
    await expect(postJson(`http://${host}:${port}/hook`, { hi: 1 }, { fetch: publicOnlyFetch })).rejects.toThrow(/loopback or private network address/);
    expect(received).toBe(0);
  });

  it("is the same receiver plain fetch reaches (so the refusal is the address check)", async () => {
    expect(await postJson(`http://127.0.0.1:${port}/hook`, { hi: 1 })).toBe(200);
    expect(received).toBe(1);
  });
});
