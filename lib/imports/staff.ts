import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { authors, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { emailField } from '@/lib/auth/schemas';
import type { SourceSite } from './source';

// Staff accounts for imported authors, only when the admin asks (the
// newsroom's checkbox at the start, the CLI's --staff-accounts). An author
// with an e-mail whose byline profile has no account, and whose e-mail no
// account has, gets one: role writer, no password, linked to the profile. No
// password means no sign-in until an admin sends the invitation link from the
// staff page (lib/users/admin.ts, issueAccessLink), the same as any new member.
// Idempotent: a second run finds the profile linked and creates nothing.

/** Creates the accounts; returns how many were created. Each in its own transaction, audited as user.create. */
export async function ensureStaffAccounts(db: Database, site: SourceSite, authorIds: Map<string, string>, actorId: string | null): Promise<number> {
  let created = 0;
  for (const author of site.authors) {
    const email = emailField.safeParse(author.email ?? '');
    const authorId = authorIds.get(author.key);
    if (!email.success || !authorId) continue;
    const made = await db.transaction(async (tx) => {
      const [profile] = await tx.select({ userId: authors.userId, name: authors.name }).from(authors).where(eq(authors.id, authorId)).for('update');
      if (!profile || profile.userId) return false;
      const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.data.toLowerCase()}`);
      if (taken) return false;
      const [user] = await tx.insert(users).values({ email: email.data, displayName: profile.name, role: 'writer' }).onConflictDoNothing().returning({ id: users.id });
      if (!user) return false;
      await tx.update(authors).set({ userId: user.id }).where(and(eq(authors.id, authorId), isNull(authors.userId)));
      await recordAudit(tx, { actorId, action: 'user.create', targetType: 'user', targetId: user.id, after: { email: email.data, displayName: profile.name, role: 'writer', authorId, from: 'import' } });
      return true;
    });
    if (made) created += 1;
  }
  return created;
}
