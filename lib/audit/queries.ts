import 'server-only';
import { and, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { auditLog, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { authorize } from '@/lib/dal';
import type { AuditFilter } from '@/lib/users/schemas';

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  id: number;
  action: string;
  actorName: string | null;
  targetType: string;
  targetId: string | null;
  targetName: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  createdAt: Date;
};

const actor = alias(users, 'actor');
const target = alias(users, 'target');

/** A page of the audit log, newest first, with actor and target names joined in one query. */
export async function listAudit(viewer: CurrentUser | null, filter: AuditFilter): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  authorize(viewer, 'audit:read');
  const conditions: SQL[] = [];
  if (filter.actor) conditions.push(eq(auditLog.actorId, filter.actor));
  if (filter.action) conditions.push(ilike(auditLog.action, `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (filter.target) conditions.push(eq(auditLog.targetId, filter.target));
  if (filter.from) conditions.push(gte(auditLog.createdAt, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) conditions.push(lt(auditLog.createdAt, new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)));
  const rows = await getDb()
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorName: actor.displayName,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      targetName: target.displayName,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    // Only user targets have a name to show; other targets keep their id.
    .leftJoin(target, and(eq(auditLog.targetType, 'user'), sql`${target.id}::text = ${auditLog.targetId}`))
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE);
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}
