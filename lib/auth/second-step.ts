import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '@/db';
import { recoveryCodes, totpFactors, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { now } from '@/lib/clock';
import type { SignInMethod } from './sessions';
import { anyLocked, countFailure, throttleConfigFromEnv } from './sign-in';
import { readClaims, signClaims } from './signed-claims';
import { ipKey, type ThrottleConfig } from './throttle';
import { hashRecoveryCode, normalizeCode, totpStep } from './totp';

// Between the password and the second factor there is no session: only a
// signed, short-lived "second step pending" claim in its own cookie. Once
// every step is passed, a sign-in grant (never sent to the browser) is what
// Auth.js's authorize() accepts to start a session.

export const SECOND_STEP_COOKIE = 'sahifa.second-step';
export const SECOND_STEP_TTL_MS = 5 * 60_000;
const GRANT_TTL_MS = 60_000;

export type PendingSecondStep = { uid: string; sv: number };
export type SignInGrant = { uid: string; sv: number; method: SignInMethod };

export const pendingSecondStep = (claims: PendingSecondStep) => signClaims('second-step', claims, SECOND_STEP_TTL_MS);
export const readPendingSecondStep = (token: string | undefined) => readClaims<PendingSecondStep>('second-step', token);
export const signInGrant = (claims: SignInGrant) => signClaims('sign-in-grant', claims, GRANT_TTL_MS);
export const readSignInGrant = (token: string | undefined) => readClaims<SignInGrant>('sign-in-grant', token);

// Per (account, IP) like the password step, per IP (shared with it), and per
// account across IPs: whoever is here already has the password, so spreading
// guesses over many addresses must not help either.
const keysOf = (userId: string, ip: string, config: ThrottleConfig) => [
  { key: `second:${userId}|${ip}`, limit: config.pairLimit },
  { key: ipKey(ip), limit: config.ipLimit },
  { key: `second:${userId}`, limit: config.pairLimit * 2 },
];

type StepResult = { ok: true; method: 'totp' | 'recovery' } | { ok: false; reason: 'invalid' | 'throttled' };

/** Checks a code (authenticator or recovery) for a pending sign-in, throttled and audited. */
export async function verifySecondStep(
  db: Executor,
  input: { pending: PendingSecondStep; code: string; ip: string },
  config: ThrottleConfig = throttleConfigFromEnv(),
): Promise<StepResult> {
  const at = now();
  const keys = keysOf(input.pending.uid, input.ip, config);
  if (await anyLocked(db, keys.map((k) => k.key), at)) return { ok: false, reason: 'throttled' };
  const [user] = await db.select({ status: users.status, sv: users.sessionVersion }).from(users).where(eq(users.id, input.pending.uid));
  const method = user?.status === 'active' && user.sv === input.pending.sv ? await acceptCode(db, input.pending.uid, normalizeCode(input.code), at) : null;
  if (method) return { ok: true, method };
  const lockedNow = await countFailure(db, keys, config, at);
  await recordAudit(db, { actorId: null, action: lockedNow ? 'auth.second_step_lockout' : 'auth.second_step_failed', targetType: 'user', targetId: input.pending.uid, ip: input.ip });
  return { ok: false, reason: lockedNow ? 'throttled' : 'invalid' };
}

/** Uses the code if it is valid and unused: an authenticator code's time step is recorded, a recovery code is spent. */
async function acceptCode(db: Executor, userId: string, code: string, at: Date): Promise<'totp' | 'recovery' | null> {
  if (code.length > 32) return null;
  if (/^\d{6}$/.test(code)) return (await spendTotpCode(db, userId, code, at, true)) ? 'totp' : null;
  const [spent] = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return spent ? 'recovery' : null;
}

/**
 * Accepts an authenticator code once: the step is written only if it is later
 * than the last one used, in one statement, so a replay (even a concurrent
 * one) of the same code is refused. `confirmed` picks an enrolled factor or
 * one being set up.
 */
export async function spendTotpCode(db: Executor, userId: string, code: string, at: Date, confirmed: boolean): Promise<boolean> {
  const [factor] = await db.select().from(totpFactors).where(eq(totpFactors.userId, userId));
  if (!factor || !!factor.confirmedAt !== confirmed) return false;
  const step = totpStep(factor.secret, code, at);
  if (step === null) return false;
  const [used] = await db
    .update(totpFactors)
    .set({ lastStep: step })
    .where(and(eq(totpFactors.userId, userId), confirmed ? isNotNull(totpFactors.confirmedAt) : isNull(totpFactors.confirmedAt), or(isNull(totpFactors.lastStep), lt(totpFactors.lastStep, step))))
    .returning({ userId: totpFactors.userId });
  return !!used;
}
