import 'server-only';
import { and, asc, desc, eq, gte, ilike, like, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { auditLog, media, sections, stories, tags, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { authorize } from '@/lib/dal';
import { zonedLocalToUtc } from '@/lib/time-zone';
import type { AuditFilter } from '@/lib/users/schemas';
import { isAuditAction } from './actions';

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
const targetStory = alias(stories, 'target_story');
/** Joins a target table by the entry's text id, for one target type. */
const targetOf = (type: string, id: SQL) => and(eq(auditLog.targetType, type), sql`${id}::text = ${auditLog.targetId}`);

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
/** The first instant of a calendar day on the newsroom's wall clock. */
const dayStart = (day: string, timeZone: string) => zonedLocalToUtc(`${day}T00:00`, timeZone) as Date;

/**
 * A page of the audit log, newest first, with the actor's name and the
 * target's (a person's name, a story's headline) joined in one query. Days
 * are the newsroom's, in its time zone.
 */
export async function listAudit(viewer: CurrentUser | null, filter: AuditFilter, options: { timeZone: string }): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  authorize(viewer, 'audit:read');
  const conditions: SQL[] = [];
  if (filter.actor) conditions.push(eq(auditLog.actorId, filter.actor));
  if (filter.action) conditions.push(isAuditAction(filter.action) ? eq(auditLog.action, filter.action) : like(auditLog.action, `${escapeLike(filter.action)}.%`));
  if (filter.target) conditions.push(eq(auditLog.targetId, filter.target));
  if (filter.story) conditions.push(ilike(targetStory.headline, `%${escapeLike(filter.story)}%`));
  if (filter.from) conditions.push(gte(auditLog.createdAt, dayStart(filter.from, options.timeZone)));
  if (filter.to) {
    const next = new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    conditions.push(lt(auditLog.createdAt, dayStart(next, options.timeZone)));
  }
  const rows = await getDb()
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorName: actor.displayName,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      targetName: sql<string | null>`coalesce(${target.displayName}, ${targetStory.headline}, ${sections.name}, ${tags.name}, ${media.fileName})`,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    // A person, a story, a section, a tag or an image is shown by its name; a deleted one keeps its id.
    .leftJoin(target, targetOf('user', sql`${target.id}`))
    .leftJoin(targetStory, targetOf('story', sql`${targetStory.id}`))
    .leftJoin(sections, targetOf('section', sql`${sections.id}`))
    .leftJoin(tags, targetOf('tag', sql`${tags.id}`))
    .leftJoin(media, targetOf('media', sql`${media.id}`))
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE);
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

/** Everyone who may appear as the actor of an entry, for the log's "person" filter. */
export async function auditPeople(viewer: CurrentUser | null): Promise<{ id: string; name: string }[]> {
  authorize(viewer, 'audit:read');
  return getDb().select({ id: users.id, name: users.displayName }).from(users).orderBy(asc(users.displayName));
}
