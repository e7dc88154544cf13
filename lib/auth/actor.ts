import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { authors, deskMembers, passkeys, settings, totpFactors, users, userSessions } from '@/db/schema';
import { addMs, now } from '@/lib/clock';
import type { Locale } from '@/lib/i18n/config';
import type { Role } from './permissions';
import { mustEnrol } from './policy';

/** The signed-in staff member as every DAL function sees them: a DTO, never a row. */
export type CurrentUser = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  status: 'active';
  locale: Locale;
  authorId: string | null;
  authorSlug: string | null;
  /** The desks this person is a member of (lib/desk/scope.ts decides what that lets them do). */
  deskIds: string[];
  /** The site requires a second factor of this user and they have none: they may only enrol. */
  mustEnrol: boolean;
  /** The server-side session this request belongs to (null for actors made outside a request). */
  sessionId: string | null;
};

// Last seen is written at most this often, so most requests only read.
const LAST_SEEN_EVERY_MS = 60_000;

/** SQL: the user has a confirmed authenticator app or at least one passkey. */
export const hasSecondFactorOf = (userId: string | typeof users.id) =>
  sql<boolean>`(exists (select 1 from ${totpFactors} where ${totpFactors.userId} = ${userId} and ${totpFactors.confirmedAt} is not null) or exists (select 1 from ${passkeys} where ${passkeys.userId} = ${userId}))`;

/**
 * Re-reads a session's user. A session is honoured only while the account is
 * active, its session version still matches (deactivation, a password change
 * or reset, "sign out everywhere"), and, when the cookie names a session row,
 * that row has not been ended: each of those ends it on the next request.
 */
export async function loadSessionUser(db: Executor, userId: string, sessionVersion: number, sessionId: string | null = null): Promise<CurrentUser | null> {
  const [row] = await db
    .select({
      user: users,
      authorId: authors.id,
      authorSlug: authors.slug,
      hasSecondFactor: hasSecondFactorOf(users.id),
      policyRequired: settings.secondFactorRequired,
      policyRoles: settings.secondFactorRoles,
      sessionLastSeen: userSessions.lastSeenAt,
      deskIds: sql<string[]>`coalesce((select array_agg(${deskMembers.deskId}::text order by ${deskMembers.deskId}) from ${deskMembers} where ${deskMembers.userId} = ${users.id}), '{}')`,
    })
    .from(users)
    .leftJoin(authors, eq(authors.userId, users.id))
    .leftJoin(settings, eq(settings.id, 1))
    .leftJoin(userSessions, and(eq(userSessions.id, sessionId ?? sql`null`), eq(userSessions.userId, users.id), isNull(userSessions.endedAt)))
    .where(eq(users.id, userId));
  if (!row || row.user.status !== 'active' || row.user.sessionVersion !== sessionVersion) return null;
  if (sessionId && !row.sessionLastSeen) return null;
  if (sessionId && row.sessionLastSeen && row.sessionLastSeen < addMs(now(), -LAST_SEEN_EVERY_MS)) {
    // The condition repeats in SQL so concurrent requests write once.
    await db
      .update(userSessions)
      .set({ lastSeenAt: now() })
      .where(and(eq(userSessions.id, sessionId), lt(userSessions.lastSeenAt, addMs(now(), -LAST_SEEN_EVERY_MS))));
  }
  const policy = { required: row.policyRequired ?? false, roles: row.policyRoles ?? [] };
  return {
    id: row.user.id,
    email: row.user.email,
    displayName: row.user.displayName,
    role: row.user.role,
    status: 'active',
    locale: row.user.locale,
    authorId: row.authorId,
    authorSlug: row.authorSlug,
    deskIds: row.deskIds,
    mustEnrol: mustEnrol(policy, row.user.role, row.hasSecondFactor),
    sessionId,
  };
}
