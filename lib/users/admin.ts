import 'server-only';
import { and, count, eq, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { authors, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import type { Role } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { authorize, failure, fieldFailure, isUniqueViolation, success, type Outcome } from '@/lib/dal';
import { slugify } from '@/lib/slug';
import type { CreateUserInput } from './schemas';
import { issueToken, tokenUrl, type TokenKind } from './tokens';

// Admin user management. Every function authorizes the actor itself, writes
// its change and the audit entry in one transaction, and leaves nothing
// half-done on an error.

type Context = { ip: string };
export type IssuedLink = { userId: string; url: string; kind: TokenKind; expiresAt: Date };

async function lockUser(tx: Transaction, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  return user ?? null;
}

// Any constant; shared by every change that could remove an active admin.
const ADMIN_SET_LOCK = 727_003;

/**
 * Role and status changes queue up behind one transaction-level lock, taken
 * before any row lock: two admins demoting each other at once are then
 * decided one after the other (row locks alone deadlocked here, each holding
 * its target while waiting for the other's).
 */
async function lockAdminSet(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_SET_LOCK})`);
}

/** True when the user is the only active admin. Call under lockAdminSet. */
async function isLastActiveAdmin(tx: Transaction, userId: string): Promise<boolean> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
  return admins.length === 1 && admins[0]?.id === userId;
}

export async function createUser(actor: CurrentUser | null, input: CreateUserInput, ctx: Context): Promise<Outcome<IssuedLink>> {
  authorize(actor, 'users:manage');
  const authorSlug = input.authorSlug ?? slugify(input.displayName);
  if (!authorSlug) return fieldFailure({ authorSlug: 'errors.slugInvalid' });
  try {
    return await getDb().transaction(async (tx) => {
      const [taken] = await tx.select({ n: count() }).from(users).where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
      if (taken?.n) return fieldFailure({ email: 'errors.emailTaken' });
      const [slugTaken] = await tx.select({ n: count() }).from(authors).where(eq(authors.slug, authorSlug));
      if (slugTaken?.n) return fieldFailure({ authorSlug: 'errors.slugTaken' });

      const [user] = await tx
        .insert(users)
        .values({ email: input.email, displayName: input.displayName, role: input.role })
        .returning({ id: users.id });
      if (!user) throw new Error('user insert returned nothing');
      await tx.insert(authors).values({ userId: user.id, name: input.displayName, slug: authorSlug, jobTitle: input.jobTitle });
      const link = await issueToken(tx, { userId: user.id, kind: 'invitation', createdById: actor.id });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        after: { email: input.email, displayName: input.displayName, role: input.role, authorSlug, jobTitle: input.jobTitle },
        ip: ctx.ip,
      });
      return success({ userId: user.id, url: tokenUrl(link.token), kind: 'invitation' as const, expiresAt: link.expiresAt });
    });
  } catch (error) {
    // A concurrent create won the race to the same e-mail or slug.
    if (isUniqueViolation(error, 'users_email_lower_idx')) return fieldFailure({ email: 'errors.emailTaken' });
    if (isUniqueViolation(error, 'authors_slug_idx')) return fieldFailure({ authorSlug: 'errors.slugTaken' });
    throw error;
  }
}

export async function changeRole(actor: CurrentUser | null, input: { userId: string; role: Role }, ctx: Context): Promise<Outcome> {
  authorize(actor, 'users:manage');
  return getDb().transaction(async (tx) => {
    await lockAdminSet(tx);
    const user = await lockUser(tx, input.userId);
    if (!user) return failure('errors.userNotFound');
    if (user.role === input.role) return success(undefined);
    if (user.role === 'admin' && (await isLastActiveAdmin(tx, user.id))) return failure('errors.lastAdmin');
    await tx.update(users).set({ role: input.role, updatedAt: now() }).where(eq(users.id, user.id));
    await recordAudit(tx, { actorId: actor.id, action: 'user.role', targetType: 'user', targetId: user.id, before: { role: user.role }, after: { role: input.role }, ip: ctx.ip });
    return success(undefined);
  });
}

export async function setStatus(actor: CurrentUser | null, input: { userId: string; status: 'active' | 'deactivated' }, ctx: Context): Promise<Outcome> {
  authorize(actor, 'users:manage');
  return getDb().transaction(async (tx) => {
    await lockAdminSet(tx);
    const user = await lockUser(tx, input.userId);
    if (!user) return failure('errors.userNotFound');
    if (user.status === input.status) return success(undefined);
    if (input.status === 'deactivated' && user.role === 'admin' && (await isLastActiveAdmin(tx, user.id))) return failure('errors.lastAdmin');
    // Deactivation also bumps the session version, so a later reactivation does not revive old cookies.
    const sessionVersion = input.status === 'deactivated' ? user.sessionVersion + 1 : user.sessionVersion;
    await tx.update(users).set({ status: input.status, sessionVersion, updatedAt: now() }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.status === 'deactivated' ? 'user.deactivate' : 'user.reactivate',
      targetType: 'user',
      targetId: user.id,
      before: { status: user.status },
      after: { status: input.status },
      ip: ctx.ip,
    });
    return success(undefined);
  });
}

/** A one-time link: an invitation for a user who never set a password, a password reset otherwise. */
export async function issueAccessLink(actor: CurrentUser | null, input: { userId: string }, ctx: Context): Promise<Outcome<IssuedLink>> {
  authorize(actor, 'users:manage');
  return getDb().transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (!user) return failure('errors.userNotFound');
    if (user.status !== 'active') return failure('errors.userDeactivated');
    const kind: TokenKind = user.passwordHash ? 'password_reset' : 'invitation';
    const link = await issueToken(tx, { userId: user.id, kind, createdById: actor.id });
    await recordAudit(tx, { actorId: actor.id, action: kind === 'invitation' ? 'user.invite' : 'user.password_reset_link', targetType: 'user', targetId: user.id, after: { expiresAt: link.expiresAt }, ip: ctx.ip });
    return success({ userId: user.id, url: tokenUrl(link.token), kind, expiresAt: link.expiresAt });
  });
}

export async function signOutEverywhere(actor: CurrentUser | null, input: { userId: string }, ctx: Context): Promise<Outcome> {
  authorize(actor, 'users:manage');
  return getDb().transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (!user) return failure('errors.userNotFound');
    await tx.update(users).set({ sessionVersion: user.sessionVersion + 1, updatedAt: now() }).where(eq(users.id, user.id));
    await recordAudit(tx, { actorId: actor.id, action: 'user.sign_out_everywhere', targetType: 'user', targetId: user.id, ip: ctx.ip });
    return success(undefined);
  });
}
