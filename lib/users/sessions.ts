import 'server-only';
import { and, desc, eq, gt, isNull, ne, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { users, userSessions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import type { SignInMethod } from '@/lib/auth/sessions';
import { addMs, now } from '@/lib/clock';
import { authorize, failure, success, type Outcome } from '@/lib/dal';
import { getEnv } from '@/lib/env';

// The sessions a person can see and end: their own from the account page,
// anyone's from the user page (admins). Ending one signs that browser out on
// its next request (lib/auth/actor.ts checks the row every time).

type Context = { ip: string };

export type SessionView = {
  id: string;
  browser: string;
  device: string;
  ip: string | null;
  method: SignInMethod;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/** Still able to sign a request in: not ended, not outdated by a session-version bump, not idle past the cookie's lifetime. */
function activeFor(userId: string): SQL {
  return and(
    eq(userSessions.userId, userId),
    isNull(userSessions.endedAt),
    eq(userSessions.sessionVersion, users.sessionVersion),
    gt(userSessions.lastSeenAt, addMs(now(), -getEnv().SESSION_MAX_AGE_HOURS * 3_600_000)),
  ) as SQL;
}

async function activeSessions(userId: string, currentId: string | null): Promise<SessionView[]> {
  const rows = await getDb()
    .select({ session: userSessions })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(activeFor(userId))
    .orderBy(desc(userSessions.lastSeenAt));
  return rows.map(({ session: s }) => ({ id: s.id, browser: s.browser, device: s.device, ip: s.ip, method: s.method as SignInMethod, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, current: s.id === currentId }));
}

export async function listOwnSessions(actor: CurrentUser | null): Promise<SessionView[]> {
  authorize(actor, 'account:manage');
  return activeSessions(actor.id, actor.sessionId);
}

export async function listUserSessions(actor: CurrentUser | null, userId: string): Promise<SessionView[]> {
  authorize(actor, 'users:manage');
  return activeSessions(userId, actor.sessionId);
}

/** Ends sessions of one user matching `which`; audits each ending. Returns how many ended. */
async function endWhere(actorId: string, userId: string, which: SQL | undefined, ctx: Context): Promise<number> {
  return getDb().transaction(async (tx) => {
    const ended = await tx
      .update(userSessions)
      .set({ endedAt: now() })
      .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt), which))
      .returning({ id: userSessions.id });
    for (const { id } of ended) await recordAudit(tx, { actorId, action: 'session.end', targetType: 'user', targetId: userId, after: { sessionId: id }, ip: ctx.ip });
    return ended.length;
  });
}

/** Ends one of one's own sessions (this one included: that is signing out). */
export async function endOwnSessionById(actor: CurrentUser | null, input: { sessionId: string }, ctx: Context): Promise<Outcome> {
  authorize(actor, 'account:manage');
  const ended = await endWhere(actor.id, actor.id, eq(userSessions.id, input.sessionId), ctx);
  return ended ? success(undefined) : failure('sessions.gone');
}

/** Ends every session of one's own but this one. */
export async function endOtherSessions(actor: CurrentUser | null, ctx: Context): Promise<Outcome<{ ended: number }>> {
  authorize(actor, 'account:manage');
  const ended = await endWhere(actor.id, actor.id, actor.sessionId ? ne(userSessions.id, actor.sessionId) : undefined, ctx);
  return success({ ended });
}

/** An admin ends one session of a staff member. */
export async function endUserSession(actor: CurrentUser | null, input: { userId: string; sessionId: string }, ctx: Context): Promise<Outcome> {
  authorize(actor, 'users:manage');
  const ended = await endWhere(actor.id, input.userId, eq(userSessions.id, input.sessionId), ctx);
  return ended ? success(undefined) : failure('sessions.gone');
}
