import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { signInThrottles, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { now } from '@/lib/clock';
import { getEnv } from '@/lib/env';
import { hasSecondFactorOf } from './actor';
import { hashPassword, verifyPassword } from './password';
import { ipKey, isLocked, pairKey, recordFailure, type ThrottleConfig, type ThrottleState } from './throttle';

export type SignInResult =
  | { ok: true; user: { id: string; sessionVersion: number; hasSecondFactor: boolean } }
  | { ok: false; reason: 'invalid' | 'throttled' };

export function throttleConfigFromEnv(): ThrottleConfig {
  const env = getEnv();
  return {
    pairLimit: env.SIGNIN_PAIR_LIMIT,
    ipLimit: env.SIGNIN_IP_LIMIT,
    windowMs: env.SIGNIN_WINDOW_MINUTES * 60_000,
    lockoutMs: env.SIGNIN_LOCKOUT_MINUTES * 60_000,
  };
}

// An unknown e-mail is checked against this hash, so it costs as much time as a wrong password.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword('not-a-real-password-only-for-timing'));

/** True when any of the keys is locked out now. */
export async function anyLocked(db: Executor, keys: string[], at: Date): Promise<boolean> {
  const rows: ThrottleState[] = await db.select().from(signInThrottles).where(inArray(signInThrottles.key, keys));
  return rows.some((row) => isLocked(row, at));
}

/** Counts one failure against each key, under row locks so concurrent failures are all counted. Returns true if any key is now locked. */
export async function countFailure(db: Executor, keys: { key: string; limit: number }[], config: ThrottleConfig, at: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    let locked = false;
    for (const { key, limit } of keys) {
      await tx.insert(signInThrottles).values({ key, failures: 0, windowStartedAt: at }).onConflictDoNothing();
      const [current] = await tx.select().from(signInThrottles).where(eq(signInThrottles.key, key)).for('update');
      const next = recordFailure(current?.failures ? current : undefined, at, limit, config);
      await tx.update(signInThrottles).set(next).where(eq(signInThrottles.key, key));
      locked ||= isLocked(next, at);
    }
    return locked;
  });
}

/**
 * Checks an e-mail and password from a client IP, with throttling per
 * (account, IP) pair and per IP. Never tells which of e-mail or password was
 * wrong, and never locks an account out from everywhere.
 */
export async function verifyCredentials(
  db: Executor,
  input: { email: string; password: string; ip: string },
  config: ThrottleConfig = throttleConfigFromEnv(),
): Promise<SignInResult> {
  const at = now();
  const email = input.email.trim().toLowerCase();
  const keys = { pair: pairKey(email, input.ip), ip: ipKey(input.ip) };
  if (await anyLocked(db, [keys.pair, keys.ip], at)) return { ok: false, reason: 'throttled' };

  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !user.passwordHash || user.status !== 'active' || !passwordOk) {
    const lockedNow = await countFailure(
      db,
      [
        { key: keys.pair, limit: config.pairLimit },
        { key: keys.ip, limit: config.ipLimit },
      ],
      config,
      at,
    );
    if (lockedNow) {
      await recordAudit(db, { actorId: null, action: 'auth.lockout', targetType: 'sign_in', targetId: email, ip: input.ip });
      return { ok: false, reason: 'throttled' };
    }
    return { ok: false, reason: 'invalid' };
  }

  // The sign-in itself (session row, last sign-in, audit) is recorded once every step is passed (lib/auth/sessions.ts).
  await db.delete(signInThrottles).where(eq(signInThrottles.key, keys.pair));
  const [factor] = await db.select({ has: hasSecondFactorOf(user.id) }).from(users).where(eq(users.id, user.id));
  return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion, hasSecondFactor: !!factor?.has } };
}
