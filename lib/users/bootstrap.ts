import type { Database } from '@/db';
import { authors, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { checkPassword } from '@/lib/auth/password-policy';
import { fieldFailure, isUniqueViolation, success, type Outcome } from '@/lib/dal';
import { slugify } from '@/lib/slug';
import { createUserSchema } from './schemas';

/**
 * Creates a staff account with a password, for the operator's command line
 * (the first admin of a production install). Whoever can run it already
 * holds the database, so there is no actor to authorize; the audit entry
 * records that it came from the command line.
 */
export async function createUserFromCli(db: Database, raw: { email?: string; name?: string; role?: string; password: string }): Promise<Outcome<{ id: string }>> {
  const parsed = createUserSchema.safeParse({ email: raw.email, displayName: raw.name, role: raw.role });
  if (!parsed.success) return fieldFailure(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
  const input = parsed.data;
  const problem = checkPassword(raw.password, { email: input.email });
  if (problem) return fieldFailure({ password: `errors.password.${problem}` });
  const passwordHash = await hashPassword(raw.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ email: input.email, displayName: input.displayName, role: input.role, passwordHash }).returning({ id: users.id });
      if (!user) throw new Error('user insert returned nothing');
      await tx.insert(authors).values({ userId: user.id, name: input.displayName, slug: slugify(input.displayName) || `staff-${user.id.slice(0, 8)}` });
      await recordAudit(tx, { actorId: null, action: 'user.create', targetType: 'user', targetId: user.id, after: { email: input.email, role: input.role, via: 'cli' } });
      return success({ id: user.id });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_lower_idx')) return fieldFailure({ email: 'errors.emailTaken' });
    if (isUniqueViolation(error, 'authors_slug_idx')) return fieldFailure({ name: 'errors.slugTaken' });
    throw error;
  }
}
