import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { passkeys, recoveryCodes, totpFactors, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { verifyPassword } from '@/lib/auth/password';
import { spendTotpCode, verifySecondStep } from '@/lib/auth/second-step';
import { groupSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, normalizeCode, totpUri } from '@/lib/auth/totp';
import { now } from '@/lib/clock';
import { authorize, failure, fieldFailure, success, type Outcome } from '@/lib/dal';

// One's own authenticator app: set up (a pending secret, confirmed by a first
// code, which also issues the recovery codes), and removed (password + code).
// Admins reset anyone's second factor, which signs them out everywhere.

type Context = { ip: string };

export type SecurityView = {
  totp: { state: 'off' } | { state: 'pending'; secret: string; uri: string } | { state: 'on'; recoveryLeft: number };
  mustEnrol: boolean;
};

export async function getSecurityView(actor: CurrentUser | null): Promise<SecurityView> {
  authorize(actor, 'account:secure');
  const db = getDb();
  const [factor] = await db.select().from(totpFactors).where(eq(totpFactors.userId, actor.id));
  if (!factor) return { totp: { state: 'off' }, mustEnrol: actor.mustEnrol };
  if (!factor.confirmedAt) return { totp: { state: 'pending', secret: groupSecret(factor.secret), uri: totpUri(factor.secret, actor.email) }, mustEnrol: actor.mustEnrol };
  const [left] = await db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, actor.id), isNull(recoveryCodes.usedAt)));
  return { totp: { state: 'on', recoveryLeft: left?.n ?? 0 }, mustEnrol: actor.mustEnrol };
}

/** A new secret to scan; replaces an unconfirmed one, never an enrolled one. */
export async function startTotp(actor: CurrentUser | null): Promise<Outcome> {
  authorize(actor, 'account:secure');
  const [existing] = await getDb().select({ confirmedAt: totpFactors.confirmedAt }).from(totpFactors).where(eq(totpFactors.userId, actor.id));
  if (existing?.confirmedAt) return failure('security.alreadyOn');
  const secret = newTotpSecret();
  await getDb()
    .insert(totpFactors)
    .values({ userId: actor.id, secret })
    .onConflictDoUpdate({ target: totpFactors.userId, set: { secret, lastStep: null, createdAt: now() } });
  return success(undefined);
}

/** The first code proves the app holds the secret; the ten recovery codes are returned this once and stored hashed. */
export async function confirmTotp(actor: CurrentUser | null, input: { code: string }, ctx: Context): Promise<Outcome<{ recoveryCodes: string[] }>> {
  authorize(actor, 'account:secure');
  const db = getDb();
  if (!(await spendTotpCode(db, actor.id, normalizeCode(input.code), now(), false))) return fieldFailure({ code: 'secondStep.invalid' });
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx.update(totpFactors).set({ confirmedAt: now() }).where(eq(totpFactors.userId, actor.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.id));
    await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId: actor.id, codeHash: hashRecoveryCode(code) })));
    await recordAudit(tx, { actorId: actor.id, action: 'second_factor.enrol', targetType: 'user', targetId: actor.id, after: { kind: 'totp' }, ip: ctx.ip });
  });
  return success({ recoveryCodes: codes });
}

/** Removes the authenticator app and its recovery codes: the password and a code (or a recovery code) are both required. */
export async function disableTotp(actor: CurrentUser | null, input: { password: string; code: string }, ctx: Context): Promise<Outcome> {
  authorize(actor, 'account:secure');
  const db = getDb();
  const [user] = await db.select({ hash: users.passwordHash, sv: users.sessionVersion }).from(users).where(eq(users.id, actor.id));
  if (!user?.hash || !(await verifyPassword(user.hash, input.password))) return fieldFailure({ password: 'errors.currentPasswordWrong' });
  // The same check, throttle and audit as the second step of a sign-in.
  const checked = await verifySecondStep(db, { pending: { uid: actor.id, sv: user.sv }, code: input.code, ip: ctx.ip });
  if (!checked.ok) return checked.reason === 'throttled' ? failure('login.throttled') : fieldFailure({ code: 'secondStep.invalid' });
  await db.transaction(async (tx) => {
    await tx.delete(totpFactors).where(eq(totpFactors.userId, actor.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.id));
    await recordAudit(tx, { actorId: actor.id, action: 'second_factor.remove', targetType: 'user', targetId: actor.id, after: { kind: 'totp' }, ip: ctx.ip });
  });
  return success(undefined);
}

/** An admin clears a user's authenticator app, recovery codes and passkeys, and signs them out everywhere. */
export async function resetSecondFactor(actor: CurrentUser | null, input: { userId: string }, ctx: Context): Promise<Outcome> {
  authorize(actor, 'users:manage');
  return getDb().transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
    if (!user) return failure('errors.userNotFound');
    const removedKeys = await tx.delete(passkeys).where(eq(passkeys.userId, user.id)).returning({ id: passkeys.id });
    const removedApp = await tx.delete(totpFactors).where(eq(totpFactors.userId, user.id)).returning({ userId: totpFactors.userId });
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx.update(users).set({ sessionVersion: user.sessionVersion + 1, updatedAt: now() }).where(eq(users.id, user.id));
    await recordAudit(tx, { actorId: actor.id, action: 'user.second_factor_reset', targetType: 'user', targetId: user.id, before: { totp: removedApp.length > 0, passkeys: removedKeys.length }, ip: ctx.ip });
    return success(undefined);
  });
}
