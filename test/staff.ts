import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/index';
import { authors, users } from '@/db/schema';
import { loadSessionUser, type CurrentUser } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/permissions';

export const TEST_PASSWORD = 'a long enough test passphrase';
let hashed: Promise<string> | undefined;

/** A staff member with a byline profile, returned as the DAL sees a signed-in user. */
export async function createStaff(db: Database, role: Role, options: { password?: boolean } = {}): Promise<CurrentUser> {
  const id = randomUUID().slice(0, 8);
  const passwordHash = options.password === false ? null : await (hashed ??= hashPassword(TEST_PASSWORD));
  const [user] = await db
    .insert(users)
    .values({ email: `${role}-${id}@test.sahifa`, displayName: `${role} ${id}`, role, passwordHash })
    .returning();
  await db.insert(authors).values({ userId: user!.id, name: user!.displayName, slug: `${role}-${id}` });
  const actor = await loadSessionUser(db, user!.id, user!.sessionVersion);
  if (!actor) throw new Error('new staff member did not load');
  return actor;
}

/** The same user as a deactivated actor: what a stale session would claim. */
export function asDeactivated(actor: CurrentUser): CurrentUser {
  return { ...actor, status: 'deactivated' as 'active' };
}

export async function sessionVersionOf(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row!.v;
}
