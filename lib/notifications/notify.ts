import { and, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db';
import { authors, notifications, sections, stories, storyAuthors, users } from '@/db/schema';
import { rolesWith } from '@/lib/auth/permissions';
import { userWorksDesk } from '@/lib/desk/scope-sql';

// Writing notifications, inside the transaction of the change they report,
// so a notification exists exactly when its change does. Not a DAL entry
// point: callers have already authorized the change itself.

export type NotificationKind = (typeof notifications.$inferInsert)['kind'];

type Notice = { kind: NotificationKind; storyId: string; actorId: string | null; commentId?: string | null; detail?: string | null };

/** The story's desk (its section's; null: the general desk) and whether it is restricted. */
async function placeOf(tx: Executor, storyId: string): Promise<{ deskId: string | null; restricted: boolean }> {
  const [row] = await tx.select({ deskId: sections.deskId, restricted: stories.restricted }).from(stories).leftJoin(sections, eq(sections.id, stories.sectionId)).where(eq(stories.id, storyId));
  return { deskId: row?.deskId ?? null, restricted: row?.restricted ?? false };
}

/**
 * Notifies these users, leaving out the actor (nobody is told of their own
 * act) and anyone who could not open the story: only active staff may, and a
 * restricted story only its authors, its desk's editors and admins
 * (canOpenStory in lib/stories/rules.ts), so nobody learns of it from the bell.
 */
export async function notify(tx: Executor, recipients: Iterable<string>, notice: Notice): Promise<string[]> {
  const wanted = [...new Set(recipients)].filter((id) => id !== notice.actorId);
  if (wanted.length === 0) return [];
  const place = await placeOf(tx, notice.storyId);
  const mayOpen: SQL | undefined = place.restricted
    ? or(inArray(users.id, await storyAuthorUserIds(tx, notice.storyId)), and(inArray(users.role, rolesWith('stories:view-restricted')), userWorksDesk(users, place.deskId)))
    : undefined;
  const active = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, wanted), eq(users.status, 'active'), mayOpen));
  if (active.length === 0) return [];
  await tx.insert(notifications).values(
    active.map(({ id }) => ({ userId: id, kind: notice.kind, storyId: notice.storyId, actorId: notice.actorId, commentId: notice.commentId ?? null, detail: notice.detail ?? null })),
  );
  return active.map(({ id }) => id);
}

/** The staff a story belongs to: whoever created it and every byline with a login. */
export async function storyAuthorUserIds(tx: Executor, storyId: string): Promise<string[]> {
  const rows = await tx
    .select({ creator: stories.createdById, byline: authors.userId })
    .from(stories)
    .leftJoin(storyAuthors, eq(storyAuthors.storyId, stories.id))
    .leftJoin(authors, eq(authors.id, storyAuthors.authorId))
    .where(eq(stories.id, storyId));
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.creator) ids.add(row.creator);
    if (row.byline) ids.add(row.byline);
  }
  return [...ids];
}

/** Active editors of a desk (every active editor for the general desk): who hears of a submission nobody has been assigned to. */
export async function deskEditorIds(tx: Executor, deskId: string | null, excluding: string | null): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'editor'), eq(users.status, 'active'), userWorksDesk(users, deskId), excluding ? ne(users.id, excluding) : sql`true`));
  return rows.map((row) => row.id);
}

/**
 * Who hears of a submission: its assigned reviewer while they can still
 * review it (active, editor or admin, on its desk), else the editors of its
 * desk, so a story assigned to someone who has since left is not submitted into silence.
 */
export async function reviewersOf(tx: Executor, storyId: string, assigneeId: string | null, excluding: string | null): Promise<string[]> {
  const { deskId } = await placeOf(tx, storyId);
  if (assigneeId) {
    const [assignee] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, assigneeId), eq(users.status, 'active'), inArray(users.role, rolesWith('stories:review')), userWorksDesk(users, deskId)));
    if (assignee) return [assignee.id];
  }
  return deskEditorIds(tx, deskId, excluding);
}
