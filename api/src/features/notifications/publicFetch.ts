// A fetch for webhook deliveries in production: it only connects to public addresses, so a webhook URL (set by an
// admin) cannot make the server post into its own network — loopback, private, link-local, CGNAT or ULA ranges.
// The address is checked where the connection is made (the socket's lookup), so DNS answers cannot change in between.
import dns, { type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { FetchLike } from "./postJson";

/** The error code of a refused target; postJson reports it without the address. */
export const PRIVATE_ADDRESS = "PRIVATE_ADDRESS";

const blocked = new net.BlockList();
for (const [prefix, bits] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.168.0.0", 16], ["224.0.0.0", 3]] as const) {
  blocked.addSubnet(prefix, bits, "ipv4");
}
for (const [prefix, bits] of [["::", 127], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) blocked.addSubnet(prefix, bits, "ipv6");

/** Whether an IP address may be posted to: not loopback, private, link-local, shared, multicast or unspecified. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]; // an IPv4 address written as IPv6
  const ip = mapped ?? address;
  const type = net.isIPv4(ip) ? "ipv4" : net.isIPv6(ip) ? "ipv6" : null;
  return type !== null && !blocked.check(ip, type);
}

const refused = () => Object.assign(new Error("the webhook host is not a public address"), { code: PRIVATE_ADDRESS });

// dns.lookup, but failing for any non-public answer (Node asks with `all: true` when it races IPv4 and IPv6).
const publicLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, "", 0);
    if (!addresses.length || !addresses.every((a) => isPublicAddress(a.address))) return callback(refused(), "", 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/** POSTs like fetch (status only; the body is discarded), refusing non-public targets. */
export const publicOnlyFetch: FetchLike = (input, init) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(input);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    // An IP literal is never looked up, so it is checked here.
    if (net.isIP(host) && !isPublicAddress(host)) return reject(Object.assign(new TypeError("fetch failed"), { cause: refused() }));
    const request = (url.protocol === "http:" ? http : https).request(
      url,
      { method: init.method ?? "POST", headers: init.headers as Record<string, string>, lookup: publicLookup, signal: init.signal ?? undefined },
      (res) => {
        res.resume();
        res.on("end", () => resolve(new Response(null, { status: res.statusCode ?? 502 })));
      },
    );
    request.on("error", (err) => reject(err.name === "AbortError" ? err : Object.assign(new TypeError("fetch failed"), { cause: err })));
    request.end(init.body as string | undefined);
  });
