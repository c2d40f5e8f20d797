// A fetch for webhook deliveries in production: it only connects to public addresses, so a webhook URL (set by an
// admin) cannot make the server post into its own network or the cloud host's services. Which ranges are special is
// ipaddr.js's table (loopback, private, link-local, CGNAT, ULA, NAT64, 6to4, Teredo, reserved, benchmarking …), not
// a hand-kept list. The address is checked where the connection is made (the socket's lookup), so DNS answers cannot
// change in between.
import dns, { type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import ipaddr from "ipaddr.js";
import type { FetchLike } from "./postJson";

/** The error code of a refused target; postJson reports it without the address. */
export const PRIVATE_ADDRESS = "PRIVATE_ADDRESS";

// ipaddr.js calls these ordinary unicast (or only link-local), yet they answer every VM of the cloud they run in:
// Azure's wireserver (host agent, DNS, health probes) and the instance metadata service (managed identity tokens).
const CLOUD_HOST_SERVICES = new Set(["168.63.129.16", "169.254.169.254"]);

/** Whether an IP address may be posted to: a canonical address in ipaddr.js's plain `unicast` range only. */
export function isPublicAddress(address: string): boolean {
  // net.isIP only takes canonical forms; ipaddr.js would also read "127.1" or "0x7f.1" (URLs normalise those anyway).
  if (!net.isIP(address) || !ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6") {
    const v6 = ip as ipaddr.IPv6;
    // An IPv4 address written as IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address it reaches.
    if (v6.isIPv4MappedAddress()) ip = v6.toIPv4Address();
    // IPv4-compatible (::a.b.c.d, deprecated) is "unicast" to ipaddr.js, but some stacks route it to the IPv4 address.
    else if (v6.parts.slice(0, 6).every((part) => part === 0)) return false;
  }
  return ip.range() === "unicast" && !CLOUD_HOST_SERVICES.has(ip.toString());
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
