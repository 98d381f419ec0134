import proxyaddr from "proxy-addr";

/**
 * Which proxies in front of the app may tell us the client's address (TRUST_PROXY). Pure, shared by
 * lib/server/env.ts (validation at startup) and scripts/lib/client-ip-server.ts (the front server that
 * establishes the address before Next.js sees the request).
 *
 * - unset, "", "false", "0": trust no forwarded header; the client is the TCP peer.
 * - "true": trust every hop (only when the app is reachable solely through proxies you run).
 * - a number N ≥ 1: trust N proxy hops in front of the app (Express's "trust proxy" number).
 * - a comma-separated list of addresses, CIDRs or the names loopback / linklocal / uniquelocal: trust
 *   forwarded headers only from those peers.
 */
export type TrustProxy =
  | { kind: "none" }
  | { kind: "all" }
  | { kind: "hops"; hops: number }
  | { kind: "addresses"; addresses: string[] };

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const raw = (value ?? "").trim();
  if (raw === "" || raw === "false" || raw === "0") return { kind: "none" };
  if (raw === "true") return { kind: "all" };
  if (/^\d+$/.test(raw)) return { kind: "hops", hops: Number(raw) };
  const addresses = raw
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  proxyaddr.compile(addresses); // throws on an invalid address or CIDR
  return { kind: "addresses", addresses };
}

/** The trust function proxy-addr takes: (address, hop index) → may this hop tell us the next one? */
export function trustFunction(trust: TrustProxy): (address: string, hop: number) => boolean {
  switch (trust.kind) {
    case "none":
      return () => false;
    case "all":
      return () => true;
    case "hops":
      return (_address, hop) => hop < trust.hops;
    case "addresses":
      return proxyaddr.compile(trust.addresses);
  }
}

/** "::ffff:203.0.113.9" → "203.0.113.9", so one client has one key whatever the socket family. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
}

/** The header the front server sets (and strips from clients) with the address it established. */
export const CLIENT_IP_HEADER = "x-client-ip";
