import 'server-only';
import { and, asc, desc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { authors, userTokens, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import type { Role } from '@/lib/auth/permissions';
import { authorize } from '@/lib/dal';
import type { UserFilter } from './schemas';

export type StaffRow = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  status: 'active' | 'deactivated';
  invited: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  authorSlug: string | null;
  jobTitle: string | null;
};

const columns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  status: users.status,
  passwordHash: users.passwordHash,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
  authorSlug: authors.slug,
  jobTitle: authors.jobTitle,
};

function toRow({ passwordHash, ...row }: { passwordHash: string | null } & Omit<StaffRow, 'invited'>): StaffRow {
  return { ...row, invited: passwordHash === null };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** All staff, for admins: one query, filtered in SQL. Staff lists are small (hundreds), so no paging. */
export async function listStaff(actor: CurrentUser | null, filter: UserFilter): Promise<StaffRow[]> {
  authorize(actor, 'users:manage');
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(or(ilike(users.displayName, pattern), ilike(users.email, pattern)) as SQL);
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.status === 'invited') conditions.push(and(isNull(users.passwordHash), eq(users.status, 'active')) as SQL);
  else if (filter.status) conditions.push(and(eq(users.status, filter.status), isNotNull(users.passwordHash)) as SQL);
  const rows = await getDb()
    .select(columns)
    .from(users)
    .leftJoin(authors, eq(authors.userId, users.id))
    .where(and(...conditions))
    .orderBy(asc(users.status), asc(users.displayName));
  return rows.map(toRow);
}

export type StaffDetail = StaffRow & { pendingLink: { kind: 'invitation' | 'password_reset'; expiresAt: Date } | null };

export async function getStaffMember(actor: CurrentUser | null, userId: string): Promise<StaffDetail | null> {
  authorize(actor, 'users:manage');
  const db = getDb();
  const [row] = await db.select(columns).from(users).leftJoin(authors, eq(authors.userId, users.id)).where(eq(users.id, userId));
  if (!row) return null;
  const [link] = await db
    .select({ kind: userTokens.kind, expiresAt: userTokens.expiresAt })
    .from(userTokens)
    .where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt)))
    .orderBy(desc(userTokens.createdAt))
    .limit(1);
  return { ...toRow(row), pendingLink: link ?? null };
}
