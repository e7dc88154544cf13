import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Share-link tokens: "<link id>.<expiry, epoch seconds>.<HMAC-SHA256>", base64url.
// The signature makes a token unforgeable and its expiry untouchable without
// a database read; the share_links row is what makes it revocable.

export type ShareClaims = { linkId: string; expiresAt: Date };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Keys are derived for this one purpose, so a share token is never also valid elsewhere.
const keyOf = (secret: string) => createHmac('sha256', secret).update('sahifa share link v1').digest();
const sign = (secret: string, payload: string) => createHmac('sha256', keyOf(secret)).update(payload).digest('base64url');

export function signShareToken(claims: ShareClaims, secret: string): string {
  const payload = `${claims.linkId}.${Math.floor(claims.expiresAt.getTime() / 1000)}`;
  return `${payload}.${sign(secret, payload)}`;
}

/**
 * The claims of a well-formed, correctly signed token, or null. Expiry is
 * not judged here: the caller decides, after the same database read it does
 * for every token, so no answer is faster than another.
 */
export function readShareToken(token: string, secret: string): ShareClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [linkId, seconds, signature] = parts as [string, string, string];
  if (!UUID.test(linkId) || !/^\d{1,12}$/.test(seconds)) return null;
  const expected = Buffer.from(sign(secret, `${linkId}.${seconds}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { linkId, expiresAt: new Date(Number(seconds) * 1000) };
}

// Outside production AUTH_SECRET may be unset; links then last as long as the process.
const fallbackSecret = randomBytes(32).toString('base64');

export function shareSecret(): string {
  return process.env.AUTH_SECRET || fallbackSecret;
}
