import { eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { authors, users } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import type { Role } from './permissions';

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
};

/**
 * Re-reads a session's user. A session is honoured only while the account is
 * active and its session version still matches: deactivation, a password
 * change or reset, or "sign out everywhere" end it on the next request.
 */
export async function loadSessionUser(db: Executor, userId: string, sessionVersion: number): Promise<CurrentUser | null> {
  const [row] = await db
    .select({ user: users, authorId: authors.id, authorSlug: authors.slug })
    .from(users)
    .leftJoin(authors, eq(authors.userId, users.id))
    .where(eq(users.id, userId));
  if (!row || row.user.status !== 'active' || row.user.sessionVersion !== sessionVersion) return null;
  return {
    id: row.user.id,
    email: row.user.email,
    displayName: row.user.displayName,
    role: row.user.role,
    status: 'active',
    locale: row.user.locale,
    authorId: row.authorId,
    authorSlug: row.authorSlug,
  };
}
