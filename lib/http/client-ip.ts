import { isIP } from 'node:net';

// The client IP rule. Our server (scripts/server.ts) appends the connection's
// address to X-Forwarded-For, so the header's last entry is always the peer.
// With TRUST_PROXY_HOPS = n, the client is the entry n places before it: the
// address the nearest trusted proxy saw. Entries further left are whatever the
// client claimed, and are never used.

export function clientIpFromForwarded(forwardedFor: string | null | undefined, trustedHops: number): string {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return 'unknown';
  // Fewer entries than hops means a misconfigured proxy chain: use the furthest one we have.
  const index = Math.max(0, entries.length - 1 - trustedHops);
  return normalizeIp(entries[index] as string);
}

/** IPv4-mapped IPv6 (::ffff:203.0.113.5) is the IPv4 address; anything unparseable is "unknown". */
export function normalizeIp(raw: string): string {
  const value = raw.replace(/^\[|\]$/g, '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return isIP(value) ? value.toLowerCase() : 'unknown';
}
