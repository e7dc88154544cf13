import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { now } from '@/lib/clock';

// Short-lived, signed, single-purpose claims: "<base64url JSON>.<HMAC>".
// The key is derived per purpose, so a claim made for one step is never
// accepted by another (a pending second step is not a sign-in grant).

export type Purpose = 'second-step' | 'sign-in-grant';

const keyOf = (secret: string, purpose: Purpose) => createHmac('sha256', secret).update(`sahifa ${purpose} v1`).digest();
const sign = (secret: string, purpose: Purpose, payload: string) => createHmac('sha256', keyOf(secret, purpose)).update(payload).digest('base64url');

// Outside production AUTH_SECRET may be unset; claims then last as long as the process.
const fallbackSecret = randomBytes(32).toString('base64');
const secret = () => process.env.AUTH_SECRET || fallbackSecret;

export function signClaims<T extends object>(purpose: Purpose, claims: T, ttlMs: number): string {
  const payload = Buffer.from(JSON.stringify({ ...claims, exp: now().getTime() + ttlMs })).toString('base64url');
  return `${payload}.${sign(secret(), purpose, payload)}`;
}

/** The claims of a well-formed, correctly signed, unexpired token of this purpose; null otherwise. */
export function readClaims<T extends object>(purpose: Purpose, token: string | undefined | null): T | null {
  if (!token || token.length > 2000) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret(), purpose, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as T & { exp?: unknown };
    if (typeof claims.exp !== 'number' || claims.exp <= now().getTime()) return null;
    return claims;
  } catch {
    return null;
  }
}
