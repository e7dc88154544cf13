import 'server-only';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Executor } from '@/db';
import { reviewComments, stories, users, type MentionRef, type TextQuoteAnchor } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { mayOpenStory } from '@/lib/stories/facts';
import { authorize, failure, fieldFailure, success, type Outcome } from '@/lib/dal';
import { notify, storyAuthorUserIds } from '@/lib/notifications/notify';
import { docText, validAnchorIn } from './anchor';
import { commentBodyError, findMentions } from './mentions';

// Review comments: a thread per story and inline comments anchored beside
// the text. None of this touches the story row, so commenting never changes
// its content, version or approval, and needs no soft lock.

/** How long an author may still correct their own comment. */
export const EDIT_WINDOW_MS = 10 * 60 * 1000;

export type CommentView = {
  id: string;
  parentId: string | null;
  authorName: string | null;
  /** Empty once deleted: the thread keeps the trace, not the words. */
  body: string;
  mentions: MentionRef[];
  anchor: TextQuoteAnchor | null;
  /** The workflow action a system entry reports. */
  systemAction: string | null;
  createdAt: string;
  editedAt: string | null;
  resolvedAt: string | null;
  resolvedByName: string | null;
  deletedAt: string | null;
  deletedByName: string | null;
  canEdit: boolean;
  canDelete: boolean;
  canResolve: boolean;
};

const resolver = alias(users, 'resolver');
const deleter = alias(users, 'deleter');

/** Every comment of a story, oldest first, with names joined in one query; null when there is no such story. */
export async function listComments(actor: CurrentUser | null, storyId: string): Promise<CommentView[] | null> {
  authorize(actor, 'stories:view');
  const db = getDb();
  if (!(await mayOpenStory(db, actor, storyId))) return null;
  const [rows, owners] = await Promise.all([
    db
      .select({ comment: reviewComments, authorName: users.displayName, resolvedByName: resolver.displayName, deletedByName: deleter.displayName })
      .from(reviewComments)
      .leftJoin(users, eq(users.id, reviewComments.authorId))
      .leftJoin(resolver, eq(resolver.id, reviewComments.resolvedById))
      .leftJoin(deleter, eq(deleter.id, reviewComments.deletedById))
      .where(eq(reviewComments.storyId, storyId))
      .orderBy(asc(reviewComments.createdAt)),
    storyAuthorUserIds(db, storyId),
  ]);
  const at = now().getTime();
  return rows.map(({ comment: c, authorName, resolvedByName, deletedByName }) => {
    const live = !c.deletedAt && !c.system;
    return {
      id: c.id,
      parentId: c.parentId,
      authorName,
      body: c.deletedAt ? '' : c.body,
      mentions: c.deletedAt ? [] : c.mentions,
      anchor: c.anchor,
      systemAction: c.system ? c.action : null,
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
      resolvedByName,
      deletedAt: c.deletedAt?.toISOString() ?? null,
      deletedByName,
      canEdit: live && c.authorId === actor.id && at - c.createdAt.getTime() < EDIT_WINDOW_MS,
      canDelete: live && can(actor, 'comments:moderate'),
      canResolve: live && c.anchor !== null && c.parentId === null && mayResolve(actor, c.authorId, owners),
    };
  });
}

function mayResolve(actor: CurrentUser, commentAuthorId: string | null, storyOwners: string[]): boolean {
  return can(actor, 'stories:edit-any') || commentAuthorId === actor.id || storyOwners.includes(actor.id);
}

/** Who the @ picker offers: active staff, by display name and e-mail handle (so a Latin handle finds an Arabic name). */
export async function mentionableStaff(actor: CurrentUser | null): Promise<{ id: string; name: string; handle: string }[]> {
  authorize(actor, 'stories:view');
  const rows = await getDb().select({ id: users.id, name: users.displayName, email: users.email }).from(users).where(eq(users.status, 'active')).orderBy(asc(users.displayName));
  return rows.map(({ id, name, email }) => ({ id, name, handle: email.split('@')[0] ?? '' }));
}

async function activeStaff(db: Executor): Promise<MentionRef[]> {
  return db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.status, 'active'));
}

export type NewComment = { storyId: string; body: string; anchor?: TextQuoteAnchor | null; parentId?: string | null };

export async function addComment(actor: CurrentUser | null, input: NewComment): Promise<Outcome<{ id: string }>> {
  authorize(actor, 'stories:view');
  const bodyError = commentBodyError(input.body);
  if (bodyError) return fieldFailure({ body: bodyError });
  return getDb().transaction(async (tx) => {
    const [story] = await tx.select({ id: stories.id, body: stories.body }).from(stories).where(eq(stories.id, input.storyId));
    if (!story || !(await mayOpenStory(tx, actor, story.id))) return failure('errors.notFound');
    let anchor: TextQuoteAnchor | null = null;
    if (input.parentId) {
      const [parent] = await tx.select().from(reviewComments).where(and(eq(reviewComments.id, input.parentId), eq(reviewComments.storyId, story.id)));
      if (!parent || parent.parentId || parent.deletedAt) return failure('errors.notFound');
    } else if (input.anchor) {
      // The quote must be in the saved text: an anchor to words the server never had would start detached.
      if (!validAnchorIn(docText(story.body), input.anchor)) return failure('errors.comments.quoteMissing');
      anchor = input.anchor;
    }
    const mentions = findMentions(input.body, await activeStaff(tx));
    const [created] = await tx
      .insert(reviewComments)
      .values({ storyId: story.id, parentId: input.parentId ?? null, authorId: actor.id, body: input.body, anchor, mentions, createdAt: now() })
      .returning({ id: reviewComments.id });
    const id = (created as { id: string }).id;
    await notify(
      tx,
      mentions.map((m) => m.id),
      { kind: 'mentioned', storyId: story.id, actorId: actor.id, commentId: id },
    );
    return success({ id });
  });
}

/** The author's own correction, within the edit window. Only people newly named are notified. */
export async function editComment(actor: CurrentUser | null, input: { commentId: string; body: string }): Promise<Outcome> {
  authorize(actor, 'stories:view');
  const bodyError = commentBodyError(input.body);
  if (bodyError) return fieldFailure({ body: bodyError });
  return getDb().transaction(async (tx) => {
    const [comment] = await tx.select().from(reviewComments).where(eq(reviewComments.id, input.commentId)).for('update');
    if (!comment || comment.authorId !== actor.id || comment.system || comment.deletedAt || !(await mayOpenStory(tx, actor, comment.storyId))) return failure('errors.notFound');
    if (now().getTime() - comment.createdAt.getTime() >= EDIT_WINDOW_MS) return failure('errors.comments.editWindow');
    const mentions = findMentions(input.body, await activeStaff(tx));
    await tx.update(reviewComments).set({ body: input.body, mentions, editedAt: now() }).where(eq(reviewComments.id, comment.id));
    const before = new Set(comment.mentions.map((m) => m.id));
    await notify(
      tx,
      mentions.filter((m) => !before.has(m.id)).map((m) => m.id),
      { kind: 'mentioned', storyId: comment.storyId, actorId: actor.id, commentId: comment.id },
    );
    return success(undefined);
  });
}

/** Editors and admins remove a comment; the thread shows who did and when. */
export async function deleteComment(actor: CurrentUser | null, commentId: string): Promise<Outcome> {
  authorize(actor, 'comments:moderate');
  const db = getDb();
  const [comment] = await db.select({ storyId: reviewComments.storyId }).from(reviewComments).where(eq(reviewComments.id, commentId));
  if (!comment || !(await mayOpenStory(db, actor, comment.storyId))) return failure('errors.notFound');
  const [deleted] = await db
    .update(reviewComments)
    .set({ deletedAt: now(), deletedById: actor.id })
    .where(and(eq(reviewComments.id, commentId), eq(reviewComments.system, false), isNull(reviewComments.deletedAt)))
    .returning({ id: reviewComments.id });
  return deleted ? success(undefined) : failure('errors.notFound');
}

/** Resolve or reopen an inline comment: its writer, the story's authors, and editors may. */
export async function setResolved(actor: CurrentUser | null, commentId: string, resolved: boolean): Promise<Outcome> {
  authorize(actor, 'stories:view');
  const db = getDb();
  const [comment] = await db.select().from(reviewComments).where(eq(reviewComments.id, commentId));
  if (!comment || !comment.anchor || comment.parentId || comment.deletedAt || !(await mayOpenStory(db, actor, comment.storyId))) return failure('errors.notFound');
  if (!mayResolve(actor, comment.authorId, await storyAuthorUserIds(db, comment.storyId))) return failure('errors.notFound');
  // Only a real change is written, so a second "resolve" does not rewrite who resolved it.
  await db
    .update(reviewComments)
    .set(resolved ? { resolvedAt: now(), resolvedById: actor.id } : { resolvedAt: null, resolvedById: null })
    .where(and(eq(reviewComments.id, comment.id), resolved ? isNull(reviewComments.resolvedAt) : isNotNull(reviewComments.resolvedAt)));
  return success(undefined);
}

/** A transition's reason, as a system entry of the thread. Written in the transition's own transaction. */
export async function addSystemComment(tx: Executor, input: { storyId: string; actorId: string; action: string; reason: string }) {
  await tx.insert(reviewComments).values({ storyId: input.storyId, authorId: input.actorId, body: input.reason, system: true, action: input.action, createdAt: now() });
}
