import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { publishedStories, sections, slugHistory, stories, storyAuthors, workflowEvents } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { authorize, failure, success, type Outcome } from '@/lib/dal';
import { LATEST_TAG, sectionTag, slugTag, storyTag, tagTag } from '@/lib/reader/cache-tags';
import { publishRevision, snapshotRevision } from './projection';
import { isOwnStory, type EditorialState, type PublicationState } from './rules';
import { decide, type WorkflowAction } from './workflow';

// Workflow transitions, each in one transaction on a locked story row: the
// states it expects are checked by the pure rules, the change and its
// workflow event are written together, and the content version is never
// bumped, so an open editor is not thrown into a conflict. Scheduling
// arrives with the job runner.

export type TransitionAction = Exclude<WorkflowAction, 'schedule' | 'unschedule'>;
export type TransitionInput = {
  action: TransitionAction;
  reason?: string | null;
  /** approve: the version the approver saw. */
  expectedVersion?: number;
  /** approve: an admin approving their own story, with a reason. */
  override?: boolean;
};
export type TransitionResult = { editorialState: EditorialState; publicationState: PublicationState; revisionId: string | null; tags: string[] };

/** Every reader cache a story's projection touches: itself, its slugs old and new, its section, its tags, the latest list. */
async function readerTags(tx: Transaction, storyId: string): Promise<string[]> {
  const [projection] = await tx
    .select({ slug: publishedStories.slug, sectionSlug: sections.slug, tags: publishedStories.tags })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(eq(publishedStories.storyId, storyId));
  const history = await tx.select({ slug: slugHistory.slug }).from(slugHistory).where(eq(slugHistory.storyId, storyId));
  if (!projection) return [storyTag(storyId)];
  return [storyTag(storyId), LATEST_TAG, slugTag(projection.slug), sectionTag(projection.sectionSlug), ...history.map((h) => slugTag(h.slug)), ...projection.tags.map((t) => tagTag(t.slug))];
}

async function setLiveState(tx: Transaction, storyId: string, state: PublicationState, notice: string | null) {
  await tx.update(stories).set({ publicationState: state }).where(eq(stories.id, storyId));
  await tx.update(publishedStories).set({ state, notice }).where(eq(publishedStories.storyId, storyId));
}

/** The fields a submission needs, named so the UI can point at each one. */
function missingForSubmit(story: typeof stories.$inferSelect): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!story.headline.trim()) missing.headline = 'errors.required';
  if (!story.sectionId) missing.sectionId = 'errors.required';
  if (!story.plainText.trim()) missing.body = 'errors.required';
  if (!story.slug) missing.slug = 'errors.required';
  return missing;
}

export async function transition(actor: CurrentUser | null, storyId: string, input: TransitionInput): Promise<Outcome<TransitionResult>> {
  authorize(actor, 'stories:view');
  return getDb().transaction(async (tx) => {
    const [story] = await tx.select().from(stories).where(eq(stories.id, storyId)).for('update');
    if (!story) return failure('errors.notFound');
    const bylines = await tx.select({ id: storyAuthors.authorId }).from(storyAuthors).where(eq(storyAuthors.storyId, storyId));
    const reason = input.reason?.trim() || null;
    const decision = decide(input.action, {
      role: actor.role,
      isAuthor: isOwnStory(actor, { createdById: story.createdById, bylineAuthorIds: bylines.map((b) => b.id), editorialState: story.editorialState, archived: story.archivedAt !== null }),
      editorialState: story.editorialState,
      publicationState: story.publicationState,
      archived: story.archivedAt !== null,
      scheduled: story.scheduledFor !== null,
      approvedNotPublished: story.editorialState === 'approved' && !!story.approvedRevisionId && story.approvedRevisionId !== story.publishedRevisionId,
      hasReason: reason !== null,
      override: input.override === true,
    });
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
      case 'approve':
        if (input.expectedVersion !== story.version) return failure('errors.workflow.stale');
        revisionId = await snapshotRevision(tx, { storyId, kind: 'approval', authorId: actor.id });
        await tx.update(stories).set({ approvedRevisionId: revisionId }).where(eq(stories.id, storyId));
        break;
      case 'publish': {
        revisionId = story.approvedRevisionId as string;
        const before = await readerTags(tx, storyId);
        await publishRevision(tx, { storyId, revisionId, at });
        if (story.scheduledRevisionId === revisionId) await tx.update(stories).set({ scheduledRevisionId: null, scheduledFor: null }).where(eq(stories.id, storyId));
        tags = [...before, ...(await readerTags(tx, storyId))];
        break;
      }
      case 'take_down':
        await setLiveState(tx, storyId, 'taken_down', null);
        break;
      case 'retract':
        await setLiveState(tx, storyId, 'retracted', reason);
        break;
      case 'republish':
        await setLiveState(tx, storyId, 'published', null);
        break;
      case 'archive':
      case 'restore':
        await tx.update(stories).set({ archivedAt: input.action === 'archive' ? at : null }).where(eq(stories.id, storyId));
        break;
    }
    if (['take_down', 'retract', 'republish'].includes(input.action)) tags = await readerTags(tx, storyId);

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
    return success({ editorialState, publicationState, revisionId, tags: [...new Set(tags)] });
  });
}

export type WorkflowOption = { action: TransitionAction; needsReason: boolean; override: boolean };

const OFFERED: TransitionAction[] = ['submit', 'withdraw', 'request_changes', 'approve', 'publish', 'take_down', 'retract', 'republish', 'archive', 'restore'];
const NEEDS_REASON = new Set<TransitionAction>(['request_changes', 'take_down', 'retract']);

/** The transitions this person may start on the story now, so the UI offers nothing the DAL would refuse. */
export async function workflowOptions(actor: CurrentUser | null, storyId: string): Promise<WorkflowOption[]> {
  authorize(actor, 'stories:view');
  const db = getDb();
  const [story] = await db.select().from(stories).where(eq(stories.id, storyId));
  if (!story) return [];
  const bylines = await db.select({ id: storyAuthors.authorId }).from(storyAuthors).where(eq(storyAuthors.storyId, storyId));
  const facts = {
    role: actor.role,
    isAuthor: isOwnStory(actor, { createdById: story.createdById, bylineAuthorIds: bylines.map((b) => b.id), editorialState: story.editorialState, archived: story.archivedAt !== null }),
    editorialState: story.editorialState,
    publicationState: story.publicationState,
    archived: story.archivedAt !== null,
    scheduled: story.scheduledFor !== null,
    approvedNotPublished: story.editorialState === 'approved' && !!story.approvedRevisionId && story.approvedRevisionId !== story.publishedRevisionId,
    hasReason: true,
    override: false,
  };
  const options: WorkflowOption[] = [];
  for (const action of OFFERED) {
    if (decide(action, facts).allowed) options.push({ action, needsReason: NEEDS_REASON.has(action), override: false });
    // An admin on the byline may still approve, by overriding four-eyes with a reason.
    else if (action === 'approve' && decide(action, { ...facts, override: true }).allowed) options.push({ action, needsReason: true, override: true });
  }
  return options;
}
