import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { parseTargetUrl } from './target-url';

// Where a webhook may be sent (SSRF). Only public unicast addresses, unless
// an admin allowed private targets for that hook: loopback, RFC 1918,
// carrier-grade NAT, link-local (169.254.169.254, the cloud metadata
// address, among them), unique-local IPv6, multicast, reserved and
// documentation ranges, and IPv6 forms that carry an IPv4 address (mapped,
// NAT64, 6to4, Teredo) are refused. A name is resolved and every address it
// has is checked; the connection then goes to a checked address only
// (lib/webhooks/send.ts), so a second lookup cannot swap in another.

export type Resolve = (hostname: string) => Promise<string[]>;
export type TargetRefusal = 'invalid_url' | 'unresolvable' | 'private_address';
export type TargetCheck = { ok: true; url: URL; addresses: string[] } | { ok: false; reason: TargetRefusal };

export const resolveAll: Resolve = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** A public unicast address; IPv4-mapped IPv6 is judged as the IPv4 address it carries. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** The addresses a delivery to `text` may connect to, or why it may not go at all. */
export async function checkTarget(text: string, allowPrivate: boolean, resolve: Resolve = resolveAll): Promise<TargetCheck> {
  const url = parseTargetUrl(text);
  if (!url) return { ok: false, reason: 'invalid_url' };
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return { ok: false, reason: 'unresolvable' };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: 'unresolvable' };
  if (!allowPrivate && !addresses.every(isPublicAddress)) return { ok: false, reason: 'private_address' };
  return { ok: true, url, addresses };
}
