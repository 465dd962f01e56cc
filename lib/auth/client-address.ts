// The address a request came from, for sign-in throttling and the audit log (decision 0018).
//
// X-Forwarded-For is a list each proxy appends its peer's address to; everything left of what our own
// proxies wrote is whatever the client sent. Continuum's server (scripts/serve.mjs) appends the socket's
// address itself, so the rightmost entry is always the direct peer. With TRUSTED_PROXY_HOPS reverse
// proxies in front (each appending the address it saw), the client is the entry that many places
// further left. Leftmost entries are never trusted just for being first.
import { isIP } from "node:net";

type HeaderSource = Headers | { get(name: string): string | null } | Record<string, unknown> | null | undefined;

const MAX_HOPS = 10;

/** TRUSTED_PROXY_HOPS: how many reverse proxies in front of Continuum append to X-Forwarded-For (default 0). */
export function trustedProxyHops(value: string | undefined = process.env.TRUSTED_PROXY_HOPS): number {
  if (value === undefined || value.trim() === "") return 0;
  const hops = Number(value.trim());
  if (!Number.isInteger(hops) || hops < 0 || hops > MAX_HOPS) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to ${MAX_HOPS} (the reverse proxies in front of Continuum); it is "${value}".`);
  }
  return hops;
}

function forwardedFor(headers: HeaderSource): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(name: string): string | null }).get("x-forwarded-for") ?? undefined;
  const record = headers as Record<string, unknown>;
  const raw = record["x-forwarded-for"] ?? record["X-Forwarded-For"];
  // Node joins repeated X-Forwarded-For headers with ", "; an array keeps them in order all the same
  if (Array.isArray(raw)) return raw.filter((v) => typeof v === "string").join(",");
  return typeof raw === "string" ? raw : undefined;
}

/** One X-Forwarded-For entry as a plain IP address: ports, brackets and IPv4-mapped IPv6 removed. */
export function normaliseAddress(entry: string): string | undefined {
  let value = entry.trim();
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value); // [2001:db8::1] or [2001:db8::1]:443
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":")); // 192.0.2.1:443
  value = value.replace(/%[\w.-]+$/, ""); // zone index (fe80::1%eth0)
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  const kind = isIP(value);
  if (kind === 0) return undefined;
  return kind === 6 ? value.toLowerCase() : value;
}

/**
 * The client's address: the X-Forwarded-For entry `hops` places left of the rightmost (0: the
 * rightmost, which Continuum's own server wrote from the socket). A shorter list means the request
 * reached us through fewer proxies than configured; its leftmost entry is then the closest we have.
 * Undefined when there is no header or the chosen entry is not an IP address.
 */
export function clientAddress(headers: HeaderSource, hops: number = trustedProxyHops()): string | undefined {
  const header = forwardedFor(headers);
  if (!header) return undefined;
  const entries = header.split(",").map((e) => e.trim()).filter((e) => e !== "");
  if (entries.length === 0) return undefined;
  const index = Math.max(0, entries.length - 1 - hops);
  return normaliseAddress(entries[index]!);
}

/**
 * What Continuum's own server sets X-Forwarded-For to before Next sees the request: whatever arrived,
 * with the socket's address appended, so the rightmost entry is never the client's say-so. Next.js only
 * fills the header in when it is absent, which would leave a client-sent value in charge.
 */
export function appendSocketAddress(existing: string | string[] | undefined, socketAddress: string | undefined): string | undefined {
  const prior = (Array.isArray(existing) ? existing.join(", ") : (existing ?? "")).trim();
  // no socket address (the connection already closed): drop what the client said rather than trust it
  if (!socketAddress) return undefined;
  return prior ? `${prior}, ${socketAddress}` : socketAddress;
}
