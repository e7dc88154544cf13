import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { stories, users, workflowEvents } from '@/db/schema';
import { recordStoryAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { can, roleCan, rolesWith } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { authorize, failure, success, type Outcome } from '@/lib/dal';
import { notify, storyAuthorUserIds } from '@/lib/notifications/notify';
import { deskOfSection, mayOpenStory } from '@/lib/stories/facts';
import { worksDesk } from './scope';
import { userWorksDesk } from './scope-sql';

// Who reviews a story. Assignment is desk bookkeeping, not an edit: it never
// bumps the content version, so an open editor is not thrown into a conflict.
//
// Only a story in review can be assigned. The assignment then stays through a
// send-back, so a resubmission goes straight back to the same reviewer (see
// notifyTransition); once approved, review is over and the queues ignore it.

export type Assignee = { id: string; name: string };

/**
 * Assigns the story to an editor or admin, or takes the assignment off
 * (assigneeId null). Refused for a writer, a deactivated account, an author of
 * the story (four-eyes: they could not approve it), someone off the story's
 * desk, or a story not in review; and for an assigner off its desk.
 */
export async function assignStory(actor: CurrentUser | null, storyId: string, assigneeId: string | null): Promise<Outcome<{ assignee: Assignee | null }>> {
  authorize(actor, 'stories:assign');
  return getDb().transaction(async (tx) => {
    const [story] = await tx.select().from(stories).where(eq(stories.id, storyId)).for('update');
    if (!story || !(await mayOpenStory(tx, actor, storyId))) return failure('errors.notFound');
    const deskId = await deskOfSection(tx, story.sectionId);
    if (!worksDesk(actor, deskId)) return failure('errors.workflow.desk');
    if (story.archivedAt) return failure('errors.workflow.archived');
    if (story.editorialState !== 'in_review') return failure('errors.desk.notInReview');

    let assignee: Assignee | null = null;
    if (assigneeId) {
      const [user] = await tx
        .select({ id: users.id, name: users.displayName, role: users.role, status: users.status, onDesk: userWorksDesk(users, deskId) })
        .from(users)
        .where(eq(users.id, assigneeId));
      if (!user) return failure('errors.desk.notReviewer', { assigneeId: 'errors.desk.notReviewer' });
      if (user.status !== 'active') return failure('errors.desk.deactivated', { assigneeId: 'errors.desk.deactivated' });
      if (!roleCan(user.role, 'stories:review')) return failure('errors.desk.notReviewer', { assigneeId: 'errors.desk.notReviewer' });
      if (!user.onDesk) return failure('errors.desk.offDesk', { assigneeId: 'errors.desk.offDesk' });
      if ((await storyAuthorUserIds(tx, storyId)).includes(user.id)) return failure('errors.desk.isAuthor', { assigneeId: 'errors.desk.isAuthor' });
      assignee = { id: user.id, name: user.name };
    }
    // Assigning whoever already has it changes nothing, and says nothing twice.
    if ((assignee?.id ?? null) === story.assignedEditorId) return success({ assignee });

    await tx.update(stories).set({ assignedEditorId: assignee?.id ?? null }).where(eq(stories.id, storyId));
    await tx.insert(workflowEvents).values({
      storyId,
      action: assignee ? 'assign' : 'unassign',
      fromEditorial: story.editorialState,
      toEditorial: story.editorialState,
      actorId: actor.id,
      // The timeline names the assignee as it was then, even after a rename.
      reason: assignee?.name ?? null,
      createdAt: now(),
    });
    await recordStoryAudit(tx, { actorId: actor.id, action: assignee ? 'story.assign' : 'story.unassign', storyId, after: { assignee: assignee?.name ?? null } });
    if (assignee) await notify(tx, [assignee.id], { kind: 'assigned', storyId, actorId: actor.id });
    return success({ assignee });
  });
}

export type AssignmentView = {
  storyId: string;
  inReview: boolean;
  assignee: Assignee | null;
  /** May this person change the assignment at all (editors and admins). */
  canAssign: boolean;
  /** May they take it themselves: not while they are an author of it. */
  canTake: boolean;
  /** Who it may be given to: active editors and admins on its desk who are not its authors. */
  candidates: Assignee[];
};

/** What the assignment panel shows; writers get the assignee and nothing to change. */
export async function storyAssignment(actor: CurrentUser | null, storyId: string): Promise<AssignmentView | null> {
  authorize(actor, 'stories:view');
  const db = getDb();
  const [row] = await db
    .select({ state: stories.editorialState, archivedAt: stories.archivedAt, sectionId: stories.sectionId, assigneeId: users.id, assigneeName: users.displayName })
    .from(stories)
    .leftJoin(users, eq(users.id, stories.assignedEditorId))
    .where(eq(stories.id, storyId));
  if (!row || !(await mayOpenStory(db, actor, storyId))) return null;
  const deskId = await deskOfSection(db, row.sectionId);
  const inReview = row.state === 'in_review' && row.archivedAt === null;
  const canAssign = inReview && can(actor, 'stories:assign') && worksDesk(actor, deskId);
  const [authorIds, reviewers] = await Promise.all([
    canAssign ? storyAuthorUserIds(db, storyId) : Promise.resolve([]),
    canAssign
      ? db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(and(eq(users.status, 'active'), inArray(users.role, rolesWith('stories:review')), userWorksDesk(users, deskId)))
          .orderBy(asc(users.displayName))
      : Promise.resolve([]),
  ]);
  return {
    storyId,
    inReview,
    assignee: row.assigneeId && row.assigneeName ? { id: row.assigneeId, name: row.assigneeName } : null,
    canAssign,
    canTake: canAssign && !authorIds.includes(actor.id),
    candidates: reviewers.filter((reviewer) => !authorIds.includes(reviewer.id)),
  };
}
