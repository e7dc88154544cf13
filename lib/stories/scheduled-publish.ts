import { and, eq } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { publishedStories, sections, slugHistory, stories, workflowEvents } from '@/db/schema';
import { now } from '@/lib/clock';
import { notify, storyAuthorUserIds } from '@/lib/notifications/notify';
import { LATEST_TAG, sectionTag, slugTag, storyTag, tagTag } from '@/lib/reader/cache-tags';
import { publishRevision } from './projection';

// Not server-only: the job runner loads this outside Next, in the process our
// own server starts (scripts/server.ts).

/** The job that publishes a scheduled revision; one per story, keyed so a new schedule replaces the old one. */
export const PUBLISH_JOB = 'publish_scheduled';

/** Every reader cache a story's projection touches: itself, its slugs old and new, its section, its tags, the latest list. */
export async function readerTags(tx: Executor, storyId: string): Promise<string[]> {
  const [projection] = await tx
    .select({ slug: publishedStories.slug, sectionSlug: sections.slug, tags: publishedStories.tags })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(eq(publishedStories.storyId, storyId));
  const history = await tx.select({ slug: slugHistory.slug }).from(slugHistory).where(eq(slugHistory.storyId, storyId));
  if (!projection) return [storyTag(storyId)];
  return [storyTag(storyId), LATEST_TAG, slugTag(projection.slug), sectionTag(projection.sectionSlug), ...history.map((h) => slugTag(h.slug)), ...projection.tags.map((t) => tagTag(t.slug))];
}

/**
 * The scheduled publish, run by the job queue with no request and no user.
 * It publishes only if this exact revision is still scheduled and its time
 * has come, on a locked row: a retried or duplicated job finds nothing left
 * to do, so a revision goes live exactly once. Returns the cache tags to expire.
 */
export async function publishScheduled(payload: { storyId: string; revisionId: string }): Promise<string[] | null> {
  return getDb().transaction(async (tx) => {
    const [story] = await tx
      .select()
      .from(stories)
      .where(and(eq(stories.id, payload.storyId), eq(stories.scheduledRevisionId, payload.revisionId)))
      .for('update');
    if (!story || !story.scheduledFor || story.scheduledFor.getTime() > now().getTime() + 1_000) return null;
    if (story.publicationState === 'taken_down' || story.publicationState === 'retracted' || story.archivedAt) return null;
    const before = await readerTags(tx, story.id);
    const at = now();
    await publishRevision(tx, { storyId: story.id, revisionId: payload.revisionId, at });
    await tx.update(stories).set({ scheduledRevisionId: null, scheduledFor: null }).where(eq(stories.id, story.id));
    await tx.insert(workflowEvents).values({
      storyId: story.id,
      action: 'publish',
      fromPublication: story.publicationState,
      toPublication: 'published',
      reason: 'scheduled',
      revisionId: payload.revisionId,
      createdAt: at,
    });
    await notify(tx, await storyAuthorUserIds(tx, story.id), { kind: 'published', storyId: story.id, actorId: null, detail: 'scheduled' });
    return [...new Set([...before, ...(await readerTags(tx, story.id))])];
  });
}
