import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Executor, type Transaction } from '@/db';
import { publishedStories, stories, storyAuthors, workflowEvents } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { worksDesk } from '@/lib/desk/scope';
import { now } from '@/lib/clock';
import type { ChecklistResult } from '@/lib/checklist/evaluate';
import { recordStoryAudit } from '@/lib/audit/record';
import { checklistGate, runChecklist } from '@/lib/checklist/facts';
import { addSystemComment } from '@/lib/comments/comments';
import { notify, reviewersOf, storyAuthorUserIds } from '@/lib/notifications/notify';
import { authorize, failure, success, type Outcome } from '@/lib/dal';
import { announceStoryEvent } from '@/lib/webhooks/events';
import { publishApproved, PUBLISH_JOB, readerTags } from './publication';
import { lockAndFlush, takeCheckpoint } from './checkpoints';
import { editorsSinceApproval, strictFourEyes } from './edited-since-approval';
import { deskOfSection } from './facts';
import { canOpenStory, isOwnStory, type EditorialState, type PublicationState } from './rules';
import { decide, WORKFLOW_ACTIONS, type WorkflowAction, type WorkflowFacts } from './workflow';

// Workflow transitions, each in one transaction on a locked story row: the
// states it expects are checked by the pure rules, the change and its
// workflow event are written together, and the content version is never
// bumped, so an open editor is not thrown into a conflict. Each step first
// brings the working copy up to the shared document, and leaves a checkpoint
// (lib/stories/checkpoints.ts) of the story as it was decided on.

export type TransitionAction = Exclude<WorkflowAction, 'schedule' | 'unschedule'>;
export type TransitionInput = {
  action: TransitionAction;
  reason?: string | null;
  /** approve: the version the approver saw. */
  expectedVersion?: number;
  /** approve: an admin approving their own story, with a reason. */
  override?: boolean;
  /** publish, of an update to a live story: a dated public note published with it. */
  note?: { kind: 'correction' | 'update'; body: string } | null;
  /** approve and publish: the person has read the checklist's warnings and goes ahead anyway. */
  acknowledge?: boolean;
};
export type TransitionResult = { editorialState: EditorialState; publicationState: PublicationState; revisionId: string | null; tags: string[] };

async function setLiveState(tx: Transaction, storyId: string, state: PublicationState, notice: string | null) {
  const at = now();
  await tx.update(stories).set({ publicationState: state, publicationChangedAt: at }).where(eq(stories.id, storyId));
  // A story back in readers' reach has changed for them: the API's updated_since and the sitemap's lastmod follow updatedAt.
  await tx.update(publishedStories).set({ state, notice, updatedAt: at }).where(eq(publishedStories.storyId, storyId));
}

const MISSING = 'errors.workflow.missing';

/** The fields a submission needs and the story lacks, only those, named so the UI can mark each one. */
function missingForSubmit(story: typeof stories.$inferSelect): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!story.headline.trim()) missing.headline = MISSING;
  if (!story.sectionId) missing.sectionId = MISSING;
  if (!story.plainText.trim()) missing.body = MISSING;
  if (!story.slug) missing.slug = MISSING;
  return missing;
}

export async function transition(actor: CurrentUser | null, storyId: string, input: TransitionInput): Promise<Outcome<TransitionResult>> {
  authorize(actor, 'stories:view');
  return getDb().transaction(async (tx) => {
    const story = await lockAndFlush(tx, storyId, null);
    if (!story) return failure('errors.notFound');
    const reason = input.reason?.trim() || null;
    const facts = await factsFor(tx, actor, story, reason !== null);
    if (!facts) return failure('errors.notFound');
    const decision = decide(input.action, { ...facts, override: input.override === true });
    if (!decision.allowed) return failure(`errors.workflow.${decision.reason}`);

    const at = now();
    let revisionId: string | null = null;
    let tags: string[] = [];
    switch (input.action) {
      case 'submit': {
        const missing = missingForSubmit(story);
        if (Object.keys(missing).length > 0) return failure('errors.workflow.incomplete', missing);
        break;
      }
      case 'approve': {
        if (input.expectedVersion !== story.version) return failure('errors.workflow.stale');
        const refusal = await checklistGate(tx, story, 'approve', input.acknowledge === true);
        if (refusal) return refusal;
        // The pinned checkpoint: written even when nothing changed since the last one.
        revisionId = await takeCheckpoint(tx, { storyId, kind: 'approval', actorId: actor.id, force: true });
        if (!revisionId) return failure('errors.notFound');
        await tx.update(stories).set({ approvedRevisionId: revisionId }).where(eq(stories.id, storyId));
        break;
      }
      case 'publish': {
        const refusal = await checklistGate(tx, story, 'publish', input.acknowledge === true);
        if (refusal) return refusal;
        revisionId = story.approvedRevisionId as string;
        tags = await publishApproved(tx, story, { revisionId, at, note: input.note ? { ...input.note, by: actor.id } : null });
        break;
      }
      case 'take_down':
        await setLiveState(tx, storyId, 'taken_down', null);
        await announceStoryEvent(tx, storyId, 'story.taken_down');
        break;
      case 'retract':
        await setLiveState(tx, storyId, 'retracted', reason);
        await announceStoryEvent(tx, storyId, 'story.retracted');
        break;
      case 'republish':
        // Readers can reach it again: for a partner that is a publication.
        await setLiveState(tx, storyId, 'published', null);
        await announceStoryEvent(tx, storyId, 'story.published');
        break;
      case 'archive':
      case 'restore':
        await tx.update(stories).set({ archivedAt: input.action === 'archive' ? at : null }).where(eq(stories.id, storyId));
        break;
    }
    if (['take_down', 'retract', 'republish'].includes(input.action)) tags = await readerTags(tx, storyId);

    // Every other step leaves a checkpoint too, unless nothing changed since the last one.
    if (input.action !== 'approve') await takeCheckpoint(tx, { storyId, kind: 'transition', actorId: actor.id });

    const editorialState = decision.editorialState ?? story.editorialState;
    const publicationState = decision.publicationState ?? story.publicationState;
    if (editorialState !== story.editorialState) await tx.update(stories).set({ editorialState }).where(eq(stories.id, storyId));
    await tx.insert(workflowEvents).values({
      storyId,
      action: input.action,
      fromEditorial: story.editorialState,
      toEditorial: editorialState,
      fromPublication: story.publicationState,
      toPublication: publicationState,
      actorId: actor.id,
      reason: input.action === 'approve' && input.override ? `override: ${reason}` : reason,
      revisionId: revisionId ?? story.publishedRevisionId,
      createdAt: at,
    });
    await recordStoryAudit(tx, {
      actorId: actor.id,
      action: input.action === 'approve' && input.override ? 'story.approve_override' : `story.${input.action}`,
      storyId,
      before: { editorialState: story.editorialState, publicationState: story.publicationState },
      after: { editorialState, publicationState, ...(reason ? { reason } : {}) },
    });
    // The reason of a send-back, an override or a take-down belongs in the story's thread too.
    if (reason && (input.action === 'request_changes' || input.action === 'take_down' || input.action === 'retract' || (input.action === 'approve' && input.override))) {
      await addSystemComment(tx, { storyId, actorId: actor.id, action: input.action === 'approve' ? 'approve_override' : input.action, reason });
    }
    await notifyTransition(tx, actor, story, input.action, reason);
    return success({ editorialState, publicationState, revisionId, tags: [...new Set(tags)] });
  });
}

/** Who hears of a transition: the desk of a submission, the authors of its outcome. */
async function notifyTransition(tx: Transaction, actor: CurrentUser, story: typeof stories.$inferSelect, action: TransitionAction, reason: string | null) {
  const notice = { storyId: story.id, actorId: actor.id, detail: reason };
  if (action === 'submit') {
    await notify(tx, await reviewersOf(tx, story.id, story.assignedEditorId, actor.id), { ...notice, kind: 'submitted' });
    return;
  }
  const kind = ({ request_changes: 'sent_back', approve: 'approved', publish: 'published' } as const)[action as 'request_changes' | 'approve' | 'publish'];
  if (kind) await notify(tx, await storyAuthorUserIds(tx, story.id), { ...notice, kind });
}

export type WorkflowOption = {
  action: TransitionAction | 'schedule' | 'unschedule';
  needsReason: boolean;
  override: boolean;
  /** approve, publish and schedule: the pre-publish checklist as it stands now, shown before the step is confirmed. */
  checklist: ChecklistResult[] | null;
};

/** An action needs a reason when the workflow rules refuse it without one. */
const needsReason = (action: WorkflowAction, facts: WorkflowFacts) => {
  const without = decide(action, { ...facts, hasReason: false });
  return !without.allowed && without.reason === 'reasonRequired';
};

/** The transitions this person may start on the story now, so the UI offers nothing the DAL would refuse. */
export async function workflowOptions(actor: CurrentUser | null, storyId: string): Promise<WorkflowOption[]> {
  authorize(actor, 'stories:view');
  const db = getDb();
  const [story] = await db.select().from(stories).where(eq(stories.id, storyId));
  if (!story) return [];
  const facts = await factsFor(db, actor, story, true);
  if (!facts) return [];
  const options: Omit<WorkflowOption, 'checklist'>[] = [];
  for (const action of WORKFLOW_ACTIONS) {
    if (decide(action, facts).allowed) options.push({ action, needsReason: needsReason(action, facts), override: false });
    // An admin on the byline may still approve, by overriding four-eyes with a reason.
    else if (action === 'approve' && decide(action, { ...facts, override: true }).allowed) options.push({ action, needsReason: true, override: true });
  }
  // Publish and schedule check the same approved revision: one evaluation serves both.
  const offered = new Set(options.map((option) => option.action));
  const [approveChecklist, publishChecklist] = await Promise.all([
    offered.has('approve') ? runChecklist(db, story, 'approve') : null,
    offered.has('publish') || offered.has('schedule') ? runChecklist(db, story, 'publish') : null,
  ]);
  return options.map((option) => ({
    ...option,
    checklist: option.action === 'approve' ? approveChecklist : option.action === 'publish' || option.action === 'schedule' ? publishChecklist : null,
  }));
}

const jobKey = (storyId: string) => `publish:${storyId}`;

/**
 * Schedules the approved revision for `at`. The schedule and its job are
 * written in one transaction, so there is never one without the other.
 */
export async function scheduleStory(actor: CurrentUser | null, storyId: string, at: Date, options: { acknowledge?: boolean } = {}): Promise<Outcome<TransitionResult>> {
  authorize(actor, 'stories:view');
  if (at.getTime() <= now().getTime()) return failure('errors.workflow.pastTime', { scheduleAt: 'errors.workflow.pastTime' });
  return getDb().transaction(async (tx) => {
    const story = await lockAndFlush(tx, storyId, null);
    if (!story) return failure('errors.notFound');
    const facts = await factsFor(tx, actor, story, false);
    if (!facts) return failure('errors.notFound');
    const decision = decide('schedule', facts);
    if (!decision.allowed) return failure(`errors.workflow.${decision.reason}`);
    // Checked now, when someone can read and acknowledge it; the job later publishes exactly this revision.
    const refusal = await checklistGate(tx, story, 'schedule', options.acknowledge === true);
    if (refusal) return refusal;
    const revisionId = story.approvedRevisionId as string;
    await tx.update(stories).set({ scheduledRevisionId: revisionId, scheduledFor: at }).where(eq(stories.id, storyId));
    await tx.execute(sql`select graphile_worker.add_job(${PUBLISH_JOB}, ${JSON.stringify({ storyId, revisionId })}::json, run_at := ${at.toISOString()}::timestamptz, job_key := ${jobKey(storyId)}, max_attempts := 25)`);
    await takeCheckpoint(tx, { storyId, kind: 'transition', actorId: actor.id });
    await tx.insert(workflowEvents).values({ storyId, action: 'schedule', actorId: actor.id, reason: at.toISOString(), revisionId, fromPublication: story.publicationState, toPublication: story.publicationState, createdAt: now() });
    await recordStoryAudit(tx, { actorId: actor.id, action: 'story.schedule', storyId, before: { scheduledFor: story.scheduledFor?.toISOString() ?? null }, after: { scheduledFor: at.toISOString() } });
    await notify(tx, await storyAuthorUserIds(tx, storyId), { kind: 'scheduled', storyId, actorId: actor.id, detail: at.toISOString() });
    return success({ editorialState: story.editorialState, publicationState: story.publicationState, revisionId, tags: [] });
  });
}

export async function unscheduleStory(actor: CurrentUser | null, storyId: string): Promise<Outcome<TransitionResult>> {
  authorize(actor, 'stories:view');
  return getDb().transaction(async (tx) => {
    const story = await lockAndFlush(tx, storyId, null);
    if (!story) return failure('errors.notFound');
    const facts = await factsFor(tx, actor, story, false);
    if (!facts) return failure('errors.notFound');
    const decision = decide('unschedule', facts);
    if (!decision.allowed) return failure(`errors.workflow.${decision.reason}`);
    await tx.update(stories).set({ scheduledRevisionId: null, scheduledFor: null }).where(eq(stories.id, storyId));
    await tx.execute(sql`select graphile_worker.remove_job(${jobKey(storyId)})`);
    await takeCheckpoint(tx, { storyId, kind: 'transition', actorId: actor.id });
    await tx.insert(workflowEvents).values({ storyId, action: 'unschedule', actorId: actor.id, revisionId: story.scheduledRevisionId, createdAt: now() });
    await recordStoryAudit(tx, { actorId: actor.id, action: 'story.unschedule', storyId, before: { scheduledFor: story.scheduledFor?.toISOString() ?? null }, after: { scheduledFor: null } });
    return success({ editorialState: story.editorialState, publicationState: story.publicationState, revisionId: null, tags: [] });
  });
}

/**
 * What the workflow rules need to know, read for this actor and this (locked)
 * story row; null when they may not open the story at all (to them it does not exist).
 */
async function factsFor(tx: Executor, actor: CurrentUser, story: typeof stories.$inferSelect, hasReason: boolean): Promise<WorkflowFacts | null> {
  const [bylines, deskId] = await Promise.all([tx.select({ id: storyAuthors.authorId }).from(storyAuthors).where(eq(storyAuthors.storyId, story.id)), deskOfSection(tx, story.sectionId)]);
  const placed = { createdById: story.createdById, bylineAuthorIds: bylines.map((b) => b.id), restricted: story.restricted, deskId };
  if (!canOpenStory(actor, placed)) return null;
  // Only an approval asks who edited since the last one; nobody else pays for reading the revisions.
  const mayApprove = story.editorialState === 'in_review' && can(actor, 'stories:review');
  const editedSinceApproval = mayApprove && (await strictFourEyes(tx)) && (await editorsSinceApproval(tx, story.id)).has(actor.id);
  return {
    role: actor.role,
    isAuthor: isOwnStory(actor, placed),
    onDesk: worksDesk(actor, placed.deskId),
    editedSinceApproval,
    editorialState: story.editorialState,
    publicationState: story.publicationState,
    archived: story.archivedAt !== null,
    scheduled: story.scheduledFor !== null,
    approvedNotPublished: story.editorialState === 'approved' && !!story.approvedRevisionId && story.approvedRevisionId !== story.publishedRevisionId,
    hasReason,
    override: false,
  };
}
