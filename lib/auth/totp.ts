import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { foldDigits } from '@/lib/slug';

// RFC 6238 codes (SHA-1, 6 digits, 30 s: what every authenticator app reads),
// recovery codes, and the normalization of what people type. Pure but for
// randomness; the DAL stores the secrets and the last used time step.

const PERIOD = 30;
const ISSUER = 'Sahifa';
/** One step either side: a phone clock a little off still works. */
const WINDOW = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

const totpOf = (secret: string, label = '') => new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret), period: PERIOD, digits: 6, algorithm: 'SHA1' });

/** The otpauth:// URI an authenticator app scans. */
export function totpUri(secret: string, email: string): string {
  return totpOf(secret, email).toString();
}

/** The secret as people type it: groups of four. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Digits only, whatever digits were typed (Arabic-Indic, Persian), without spaces or dashes. */
export function normalizeCode(input: string): string {
  return foldDigits(input).replace(/[\s\-\u200e\u200f]/g, '').toUpperCase();
}

/**
 * The time step of a valid code at this moment, or null. The caller accepts
 * it only if it is later than the last step used, so no code works twice.
 */
export function totpStep(secret: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret).validate({ token: code, timestamp: at.getTime(), window: WINDOW });
  if (delta === null) return null;
  return TOTP.counter({ period: PERIOD, timestamp: at.getTime() }) + delta;
}

/** The code for a moment: what an authenticator app would show. */
export function totpCode(secret: string, at: Date): string {
  return totpOf(secret).generate({ timestamp: at.getTime() });
}

// 32 characters (no 0/O, 1/I): each byte maps without bias.
const RECOVERY_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const RECOVERY_CODE_COUNT = 10;

/** Ten codes of ten characters (about 50 bits each), shown as XXXXX-XXXXX. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = Array.from(bytes, (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Recovery codes are random and long, so a plain SHA-256 of the normalized code is enough to store. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(`sahifa recovery ${normalizeCode(code)}`).digest('hex');
}
