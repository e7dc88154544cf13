import { eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { deskMembers, sections, stories, storyAuthors, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { can, rolesWith } from '@/lib/auth/permissions';

// The rules of lib/desk/scope.ts and lib/stories/rules.ts (canOpenStory) as
// SQL conditions on `stories`, for lists and counts that must agree with them.

export type ScopeActor = Pick<CurrentUser, 'id' | 'authorId' | 'role' | 'status' | 'mustEnrol' | 'deskIds'>;

/** The story's desk: its section's (null: the general desk). */
export const storyDesk = sql<string | null>`(select ${sections.deskId} from ${sections} where ${sections.id} = ${stories.sectionId})`;

/** DESIGN.md's own story: created by me, or my author profile on the byline (through story_authors' author index). */
export function mine(actor: Pick<CurrentUser, 'id' | 'authorId'>): SQL {
  const created = eq(stories.createdById, actor.id);
  if (!actor.authorId) return created;
  const bylined = getDb().select({ id: storyAuthors.storyId }).from(storyAuthors).where(eq(storyAuthors.authorId, actor.authorId));
  return or(created, inArray(stories.id, bylined)) as SQL;
}

/**
 * worksDesk: the general desk, one of mine, or every desk for those who work
 * them all. Asked as "its section is one of these", an uncorrelated subquery
 * Postgres hashes once, rather than the story's desk looked up per row: the
 * dashboard asks it of every story for each queue it counts.
 */
export function onMyDesks(actor: ScopeActor): SQL {
  if (can(actor, 'desks:every')) return sql`true`;
  const mySections = getDb()
    .select({ id: sections.id })
    .from(sections)
    .where(actor.deskIds.length === 0 ? isNull(sections.deskId) : or(isNull(sections.deskId), inArray(sections.deskId, actor.deskIds)));
  return or(isNull(stories.sectionId), inArray(stories.sectionId, mySections)) as SQL;
}

/** canOpenStory: not restricted, or mine, or on my desks when my role opens restricted stories. */
export function openableBy(actor: ScopeActor): SQL {
  const conditions = [sql`not ${stories.restricted}`, mine(actor)];
  if (can(actor, 'stories:view-restricted')) conditions.push(onMyDesks(actor));
  return or(...conditions) as SQL;
}

/**
 * worksDesk for a user row rather than the signed-in actor: the desk (an id, or
 * storyDesk inside a query on stories) is general, their role works every
 * desk, or they are a member of it. For who hears of a submission, who may be
 * assigned one, and whether an assignee still counts.
 */
export function userWorksDesk(user: typeof users, deskId: SQL | string | null): SQL {
  if (deskId === null) return sql`true`;
  const desk = typeof deskId === 'string' ? sql`${deskId}::uuid` : deskId;
  const member = getDb()
    .select({ one: sql`1` })
    .from(deskMembers)
    .where(sql`${deskMembers.deskId} = ${desk} and ${deskMembers.userId} = ${user.id}`);
  return sql`(${desk} is null or ${inArray(user.role, rolesWith('desks:every'))} or exists ${member})`;
}
