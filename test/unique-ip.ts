import { randomBytes } from 'node:crypto';

/**
 * A client IP no other test uses (IPv6 documentation range, 48 random bits).
 * Throttles count failures per IP, shared by the password and second steps,
 * and every integration file of a run shares one database: a counter such as
 * 198.51.100.1, .2, … meets the same addresses in another file, where one may
 * already be locked. The e2e specs give each browser one too.
 */
export function uniqueIp(): string {
  const hex = randomBytes(6).toString('hex');
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}::${hex.slice(8)}`;
}
