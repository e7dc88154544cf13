import { and, eq, gt } from 'drizzle-orm';
import type { AuthenticatorTransportFuture } from '@simplewebauthn/server';
import type { Executor } from '@/db';
import { webauthnChallenges } from '@/db/schema';
import { addMs, now } from '@/lib/clock';
import { getEnv } from '@/lib/env';

// What every WebAuthn ceremony shares: the relying party (from SITE_URL) and
// single-use challenges kept in Postgres, so any instance can check them.

const CHALLENGE_TTL_MS = 5 * 60_000;

export type ChallengePurpose = 'register' | 'sign-in';

/** The RP ID is the site's host name and the expected origin its origin: passkeys are bound to the site's own address. */
export function relyingParty(): { rpID: string; rpName: string; origin: string } {
  const url = new URL(getEnv().SITE_URL);
  return { rpID: url.hostname, rpName: 'Sahifa', origin: url.origin };
}

export async function storeChallenge(db: Executor, challenge: string, purpose: ChallengePurpose, userId: string | null): Promise<void> {
  await db.insert(webauthnChallenges).values({ challenge, purpose, userId, expiresAt: addMs(now(), CHALLENGE_TTL_MS) });
}

/** Takes a challenge (deleting it) if it was issued for this purpose, this user, and has not expired: each is answered once. */
export function takeChallenge(db: Executor, purpose: ChallengePurpose, userId: string | null) {
  return async (challenge: string): Promise<boolean> => {
    const taken = await db
      .delete(webauthnChallenges)
      .where(and(eq(webauthnChallenges.challenge, challenge), eq(webauthnChallenges.purpose, purpose), gt(webauthnChallenges.expiresAt, now())))
      .returning({ userId: webauthnChallenges.userId });
    return taken.length === 1 && taken[0]!.userId === userId;
  };
}

const TRANSPORTS = new Set<string>(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);
export const asTransports = (values: readonly string[]): AuthenticatorTransportFuture[] => values.filter((value) => TRANSPORTS.has(value)) as AuthenticatorTransportFuture[];
