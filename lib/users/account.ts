import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { authors, userTokens, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { checkPassword } from '@/lib/auth/password-policy';
import { now } from '@/lib/clock';
import { authorize, failure, fieldFailure, success, type Outcome } from '@/lib/dal';
import type { ProfileInput } from './schemas';
import { findUsableToken } from './tokens';

// A staff member's own account, and the one-time password links. The actor
// is always the session's user: there is no user id in these inputs to forge.

type Context = { ip: string };

export type AccountView = { email: string; displayName: string; locale: 'ar' | 'en'; role: CurrentUser['role']; jobTitle: string | null; bio: string | null; authorSlug: string | null };

export async function getAccount(actor: CurrentUser | null): Promise<AccountView> {
  authorize(actor, 'account:manage');
  const [author] = await getDb().select().from(authors).where(eq(authors.userId, actor.id));
  return { email: actor.email, displayName: actor.displayName, locale: actor.locale, role: actor.role, jobTitle: author?.jobTitle ?? null, bio: author?.bio ?? null, authorSlug: author?.slug ?? null };
}

export async function updateProfile(actor: CurrentUser | null, input: ProfileInput, ctx: Context): Promise<Outcome> {
  authorize(actor, 'account:manage');
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select({ displayName: users.displayName, locale: users.locale }).from(users).where(eq(users.id, actor.id));
    await tx.update(users).set({ displayName: input.displayName, locale: input.locale, updatedAt: now() }).where(eq(users.id, actor.id));
    await tx.update(authors).set({ name: input.displayName, jobTitle: input.jobTitle, bio: input.bio }).where(eq(authors.userId, actor.id));
    await recordAudit(tx, { actorId: actor.id, action: 'account.profile', targetType: 'user', targetId: actor.id, before, after: input, ip: ctx.ip });
  });
  return success(undefined);
}

/** Changes the password and ends every session of the user; the caller signs this session in again. */
export async function changePassword(actor: CurrentUser | null, input: { currentPassword: string; newPassword: string }, ctx: Context): Promise<Outcome> {
  authorize(actor, 'account:manage');
  const db = getDb();
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return fieldFailure({ currentPassword: 'errors.currentPasswordWrong' });
  }
  const problem = checkPassword(input.newPassword, { email: user.email, name: user.displayName });
  if (problem) return fieldFailure({ newPassword: `errors.password.${problem}` });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, sessionVersion: user.sessionVersion + 1, updatedAt: now() }).where(eq(users.id, user.id));
    await recordAudit(tx, { actorId: user.id, action: 'account.password', targetType: 'user', targetId: user.id, ip: ctx.ip });
  });
  return success(undefined);
}

export type LinkView = { kind: 'invitation' | 'password_reset'; email: string; displayName: string };

/** What the password page shows for a link; null for a link that is unknown, used or expired, without saying which. */
export async function inspectLink(token: string): Promise<LinkView | null> {
  const db = getDb();
  const link = await findUsableToken(db, token);
  if (!link) return null;
  const [user] = await db.select().from(users).where(eq(users.id, link.userId));
  if (!user || user.status !== 'active') return null;
  return { kind: link.kind, email: user.email, displayName: user.displayName };
}

/** Sets a password through a one-time link, ending every earlier session. Returns the e-mail to sign in with. */
export async function redeemLink(input: { token: string; password: string }, ctx: Context): Promise<Outcome<{ email: string }>> {
  return getDb().transaction(async (tx) => {
    const link = await findUsableToken(tx, input.token);
    if (!link) return failure('errors.linkInvalid');
    // The user row first, then the link, in the same order as issuing a link: no deadlock between the two.
    const [user] = await tx.select().from(users).where(eq(users.id, link.userId)).for('update');
    // Lock the link row so two tabs cannot both redeem it.
    const [locked] = await tx.select().from(userTokens).where(eq(userTokens.id, link.id)).for('update');
    if (!locked || locked.usedAt || !user || user.status !== 'active') return failure('errors.linkInvalid');
    const problem = checkPassword(input.password, { email: user.email, name: user.displayName });
    if (problem) return fieldFailure({ password: `errors.password.${problem}` });
    const at = now();
    await tx.update(users).set({ passwordHash: await hashPassword(input.password), sessionVersion: user.sessionVersion + 1, updatedAt: at }).where(eq(users.id, user.id));
    await tx.update(userTokens).set({ usedAt: at }).where(eq(userTokens.id, link.id));
    await recordAudit(tx, { actorId: user.id, action: link.kind === 'invitation' ? 'user.accept_invitation' : 'user.reset_password', targetType: 'user', targetId: user.id, ip: ctx.ip });
    return success({ email: user.email });
  });
}

export async function setPreferredLocale(actor: CurrentUser | null, locale: 'ar' | 'en'): Promise<void> {
  authorize(actor, 'account:manage');
  await getDb().update(users).set({ locale, updatedAt: now() }).where(eq(users.id, actor.id));
}

/** The UI locale an account prefers, applied to the browser when it signs in. */
export async function preferredLocaleOf(email: string): Promise<'ar' | 'en' | null> {
  const [row] = await getDb().select({ locale: users.locale }).from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return row?.locale ?? null;
}
