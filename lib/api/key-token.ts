import { createHash, randomBytes } from 'node:crypto';

// The shape of a content API key. Pure. A key is 256 random bits after a
// fixed marker, so secret scanners can spot one that leaked; the prefix (the
// marker and a few characters) names it in the list and in logs.

const MARKER = 'sahifa_';
const PREFIX_LENGTH = MARKER.length + 8;
/** marker + 43 base64url characters (32 bytes). */
const KEY_SHAPE = /^sahifa_[A-Za-z0-9_-]{43}$/;

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${MARKER}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), hash: hashApiKey(key) };
}

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** The key of an `Authorization: Bearer …` header, or null when there is none of the right shape. */
export function bearerKey(header: string | null): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] && KEY_SHAPE.test(match[1]) ? match[1] : null;
}
