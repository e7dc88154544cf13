import 'server-only';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { notifications, stories, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { authorize, failure, success, type Outcome } from '@/lib/dal';
import { openableBy } from '@/lib/desk/scope-sql';
import type { NotificationKind } from './notify';

// Reading one's own notifications. Every query here is filtered by
// user_id = the signed-in user, so an id of someone else's notification,
// guessed or forged, finds nothing: it answers "not found", like a missing one.
// A deactivated account cannot sign in; a story restricted since it was
// written about is left out, like every other trace of it (openableBy).
// Both filters run in SQL, so the counts and the lists agree.

export const INBOX_PAGE_SIZE = 25;
/** What the bell's popover lists. */
export const BELL_ITEMS = 10;

/** A notification as the UI shows it; dates as ISO strings, since the bell receives it as JSON. */
export type NotificationView = {
  id: string;
  kind: NotificationKind;
  storyId: string;
  /** The working copy's headline, empty while it has none. */
  storyHeadline: string;
  commentId: string | null;
  actorName: string | null;
  detail: string | null;
  createdAt: string;
  read: boolean;
};

export type InboxSummary = { unread: number; items: NotificationView[] };

const mineOf = (actor: CurrentUser) => and(eq(notifications.userId, actor.id), openableBy(actor));

async function readPage(actor: CurrentUser, limit: number, offset: number): Promise<NotificationView[]> {
  const rows = await getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      storyId: notifications.storyId,
      storyHeadline: stories.headline,
      commentId: notifications.commentId,
      actorName: users.displayName,
      detail: notifications.detail,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .innerJoin(stories, eq(stories.id, notifications.storyId))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(mineOf(actor))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .offset(offset);
  return rows.map(({ readAt, createdAt, ...row }) => ({ ...row, createdAt: createdAt.toISOString(), read: readAt !== null }));
}

export async function unreadCount(actor: CurrentUser | null): Promise<number> {
  authorize(actor, 'newsroom:enter');
  // Answered from the partial index of unread rows.
  const [row] = await getDb()
    .select({ n: count() })
    .from(notifications)
    .innerJoin(stories, eq(stories.id, notifications.storyId))
    .where(and(mineOf(actor), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The bell: the unread count and the latest few, read or not. */
export async function inboxSummary(actor: CurrentUser | null): Promise<InboxSummary> {
  authorize(actor, 'newsroom:enter');
  const [unread, items] = await Promise.all([unreadCount(actor), readPage(actor, BELL_ITEMS, 0)]);
  return { unread, items };
}

/** The notifications page: one page of all of them, newest first. */
export async function listNotifications(actor: CurrentUser | null, options: { page: number }): Promise<{ items: NotificationView[]; total: number; unread: number }> {
  authorize(actor, 'newsroom:enter');
  const page = Math.max(1, Math.floor(options.page));
  const [items, [total], unread] = await Promise.all([
    readPage(actor, INBOX_PAGE_SIZE, (page - 1) * INBOX_PAGE_SIZE),
    getDb().select({ n: count() }).from(notifications).innerJoin(stories, eq(stories.id, notifications.storyId)).where(mineOf(actor)),
    unreadCount(actor),
  ]);
  return { items, total: total?.n ?? 0, unread };
}

const notificationId = z.uuid();

/** Updates cannot join: the stories this person may open, as a subquery. */
const openableIds = (actor: CurrentUser) => getDb().select({ id: stories.id }).from(stories).where(openableBy(actor));

/** Marks one of the actor's own notifications read. Already read is fine; anyone else's is "not found". */
export async function markRead(actor: CurrentUser | null, id: string): Promise<Outcome> {
  authorize(actor, 'newsroom:enter');
  if (!notificationId.safeParse(id).success) return failure('errors.notFound');
  const [updated] = await getDb()
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now().toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id), inArray(notifications.storyId, openableIds(actor))))
    .returning({ id: notifications.id });
  return updated ? success(undefined) : failure('errors.notFound');
}

export async function markAllRead(actor: CurrentUser | null): Promise<Outcome<{ marked: number }>> {
  authorize(actor, 'newsroom:enter');
  const marked = await getDb()
    .update(notifications)
    .set({ readAt: now() })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt), inArray(notifications.storyId, openableIds(actor))))
    .returning({ id: notifications.id });
  return success({ marked: marked.length });
}
