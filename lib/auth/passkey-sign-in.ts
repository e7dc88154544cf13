import { generateAuthenticationOptions, verifyAuthenticationResponse, type AuthenticationResponseJSON, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { passkeys, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { now } from '@/lib/clock';
import type { PendingSecondStep } from './second-step';
import { anyLocked, countFailure, throttleConfigFromEnv } from './sign-in';
import { ipKey, type ThrottleConfig } from './throttle';
import { asTransports, relyingParty, storeChallenge, takeChallenge } from './webauthn';

// Signing in with a passkey: instead of the password (any of the site's
// passkeys, with user verification: the device's PIN or biometric is the
// second factor), or as the second step after the password (only that
// user's passkeys).

export async function passkeySignInOptions(db: Executor, pending: PendingSecondStep | null): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { rpID } = relyingParty();
  const allow = pending ? await db.select({ id: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, pending.uid)) : [];
  const options = await generateAuthenticationOptions({
    rpID,
    allowCredentials: allow.map((key) => ({ id: key.id, transports: asTransports(key.transports) })),
    userVerification: pending ? 'preferred' : 'required',
  });
  await storeChallenge(db, options.challenge, 'sign-in', pending?.uid ?? null);
  return options;
}

type Result = { ok: true; userId: string; sessionVersion: number } | { ok: false; reason: 'invalid' | 'throttled' };

/** Verifies a passkey assertion: the challenge is single-use, the counter must move on, and failures count against the IP. */
export async function verifyPasskeySignIn(
  db: Executor,
  input: { pending: PendingSecondStep | null; response: AuthenticationResponseJSON; ip: string },
  config: ThrottleConfig = throttleConfigFromEnv(),
): Promise<Result> {
  const at = now();
  if (await anyLocked(db, [ipKey(input.ip)], at)) return { ok: false, reason: 'throttled' };
  const [key] = await db.select({ passkey: passkeys, status: users.status, sv: users.sessionVersion }).from(passkeys).innerJoin(users, eq(users.id, passkeys.userId)).where(eq(passkeys.credentialId, input.response.id));
  const verified = key && key.status === 'active' && (!input.pending || (input.pending.uid === key.passkey.userId && input.pending.sv === key.sv)) ? await verify(db, key.passkey, input) : null;
  if (!key || verified === null) {
    const locked = await countFailure(db, [{ key: ipKey(input.ip), limit: config.ipLimit }], config, at);
    await recordAudit(db, { actorId: null, action: 'auth.passkey_failed', targetType: 'user', targetId: key?.passkey.userId ?? null, ip: input.ip });
    return { ok: false, reason: locked ? 'throttled' : 'invalid' };
  }
  await db.update(passkeys).set({ counter: verified, lastUsedAt: at }).where(eq(passkeys.id, key.passkey.id));
  return { ok: true, userId: key.passkey.userId, sessionVersion: key.sv };
}

/** The authenticator's new counter when the assertion holds; null otherwise. */
async function verify(db: Executor, passkey: typeof passkeys.$inferSelect, input: { pending: PendingSecondStep | null; response: AuthenticationResponseJSON }): Promise<number | null> {
  const { rpID, origin } = relyingParty();
  try {
    const result = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: takeChallenge(db, 'sign-in', input.pending?.uid ?? null),
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: { id: passkey.credentialId, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: passkey.counter, transports: asTransports(passkey.transports) },
      requireUserVerification: !input.pending,
    });
    return result.verified ? result.authenticationInfo.newCounter : null;
  } catch {
    return null;
  }
}
