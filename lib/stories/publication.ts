import { and, asc, eq, ne } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { corrections, legacyRedirects, publishedStories, sections, slugHistory, stories, storyRevisions, workflowEvents, type PublicNote } from '@/db/schema';
import { recordStoryAudit } from '@/lib/audit/record';
import { now } from '@/lib/clock';
import type { NoteKind } from '@/lib/enums';
import { resolveLeadImage } from '@/lib/media/lead-image';
import { notify, storyAuthorUserIds } from '@/lib/notifications/notify';
import { LATEST_TAG, legacyTag, sectionTag, slugTag, storyTag, tagTag } from '@/lib/reader/cache-tags';
import { announceStoryEvent } from '@/lib/webhooks/events';
import { pickText } from './content-row';

// Publication: the reader projection, written from a revision, and the one
// publish sequence that both the manual publish (transitions.ts) and the
// scheduled job run. Not server-only: the job runner loads this outside Next,
// in the process our own server starts (scripts/server.ts), and the seed
// publishes too. Nothing here authorizes: callers have.

/** The job that publishes a scheduled revision; one per story, keyed so a new schedule replaces the old one. */
export const PUBLISH_JOB = 'publish_scheduled';

/** Every reader cache a story's projection touches: itself, its slugs old and new, its section, its tags, the latest list, its imported old paths. */
export async function readerTags(tx: Executor, storyId: string): Promise<string[]> {
  const [projection] = await tx
    .select({ slug: publishedStories.slug, sectionSlug: sections.slug, tags: publishedStories.tags })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(eq(publishedStories.storyId, storyId));
  const history = await tx.select({ slug: slugHistory.slug }).from(slugHistory).where(eq(slugHistory.storyId, storyId));
  const legacy = (await tx.select({ path: legacyRedirects.path }).from(legacyRedirects).where(eq(legacyRedirects.storyId, storyId))).map((row) => legacyTag(row.path));
  if (!projection) return [storyTag(storyId), ...legacy];
  return [storyTag(storyId), LATEST_TAG, slugTag(projection.slug), sectionTag(projection.sectionSlug), ...history.map((h) => slugTag(h.slug)), ...projection.tags.map((t) => tagTag(t.slug)), ...legacy];
}

/**
 * Makes a revision the published one: writes the reader projection from it,
 * keeps the slug history so old URLs redirect, and records the publication on
 * the story. Readers see nothing of the working copy until this runs.
 */
export async function publishRevision(tx: Executor, input: { storyId: string; revisionId: string; at: Date }): Promise<void> {
  const [revision] = await tx
    .select()
    .from(storyRevisions)
    .where(and(eq(storyRevisions.id, input.revisionId), eq(storyRevisions.storyId, input.storyId)));
  if (!revision) throw new Error(`revision ${input.revisionId} of story ${input.storyId} not found`);
  if (!revision.slug || !revision.sectionId) throw new Error('a published revision needs a slug and a section');

  const [previous] = await tx
    .select({ slug: publishedStories.slug, publishedAt: publishedStories.publishedAt })
    .from(publishedStories)
    .where(eq(publishedStories.storyId, input.storyId));

  if (previous && previous.slug !== revision.slug) {
    await tx.insert(slugHistory).values({ slug: previous.slug, storyId: input.storyId }).onConflictDoNothing();
  }
  // The live slug must not also sit in the history as an old one.
  await tx.delete(slugHistory).where(and(eq(slugHistory.slug, revision.slug), eq(slugHistory.storyId, input.storyId)));
  // A slug another story once used stays theirs; refuse rather than hijack their old links.
  const [taken] = await tx
    .select({ storyId: slugHistory.storyId })
    .from(slugHistory)
    .where(and(eq(slugHistory.slug, revision.slug), ne(slugHistory.storyId, input.storyId)));
  if (taken) throw new Error(`slug ${revision.slug} belongs to another story's history`);

  const publishedAt = previous?.publishedAt ?? input.at;
  // The dated correction and update notes published so far travel with the projection.
  const notes: PublicNote[] = (
    await tx.select({ kind: corrections.kind, body: corrections.body, at: corrections.createdAt }).from(corrections).where(eq(corrections.storyId, input.storyId)).orderBy(asc(corrections.createdAt))
  ).map((note) => ({ kind: note.kind, body: note.body, at: note.at.toISOString() }));
  const row = {
    ...pickText(revision),
    notes,
    revisionId: revision.id,
    state: 'published' as const,
    slug: revision.slug,
    sectionId: revision.sectionId,
    leadImage: await resolveLeadImage(tx, revision),
    // Rendered once here rather than on every uncached view of the page (docs/reader-performance.md). Imported
    // when a publish happens: the job runner loads this module at every start, and the renderer (Tiptap,
    // ProseMirror) is about 14 MB of RSS that a process serving cached pages never needs.
    ...(await import('@/lib/reader/stored-bodies')).storedBody(revision),
    bylines: revision.bylines,
    tags: revision.tags,
    updatedAt: input.at,
  };
  await tx
    .insert(publishedStories)
    .values({ storyId: input.storyId, publishedAt, ...row })
    .onConflictDoUpdate({ target: publishedStories.storyId, set: row });

  await tx
    .update(stories)
    .set({
      publicationState: 'published',
      publishedRevisionId: revision.id,
      firstPublishedAt: publishedAt,
      lastPublishedAt: input.at,
      publicationChangedAt: input.at,
    })
    .where(eq(stories.id, input.storyId));
}

/**
 * The publish sequence, the same for an editor's click and the scheduled job:
 * a dated note if this updates what readers already have, the projection, the
 * schedule cleared if it was for this revision, and the webhooks told (a
 * first publication, or an update of what readers had). Returns every reader
 * cache tag to expire, of the story before and after (an old slug, a section left).
 */
export async function publishApproved(
  tx: Executor,
  story: Pick<typeof stories.$inferSelect, 'id' | 'publishedRevisionId' | 'scheduledRevisionId' | 'publicationState'>,
  input: { revisionId: string; at: Date; note?: { kind: NoteKind; body: string; by: string } | null },
): Promise<string[]> {
  const before = await readerTags(tx, story.id);
  // A note belongs to an update of what readers already had, and goes live with it.
  const note = input.note?.body.trim();
  if (input.note && note && story.publishedRevisionId) {
    await tx.insert(corrections).values({ storyId: story.id, kind: input.note.kind, body: note, createdById: input.note.by, createdAt: input.at });
  }
  await publishRevision(tx, { storyId: story.id, revisionId: input.revisionId, at: input.at });
  if (story.scheduledRevisionId === input.revisionId) await tx.update(stories).set({ scheduledRevisionId: null, scheduledFor: null }).where(eq(stories.id, story.id));
  await announceStoryEvent(tx, story.id, story.publicationState === 'published' ? 'story.updated' : 'story.published');
  return [...new Set([...before, ...(await readerTags(tx, story.id))])];
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
    const at = now();
    const tags = await publishApproved(tx, story, { revisionId: payload.revisionId, at });
    await tx.insert(workflowEvents).values({
      storyId: story.id,
      action: 'publish',
      fromPublication: story.publicationState,
      toPublication: 'published',
      reason: 'scheduled',
      revisionId: payload.revisionId,
      createdAt: at,
    });
    // No actor: the log shows the system, on the schedule someone set.
    await recordStoryAudit(tx, { actorId: null, action: 'story.publish_scheduled', storyId: story.id, before: { publicationState: story.publicationState }, after: { publicationState: 'published' } });
    await notify(tx, await storyAuthorUserIds(tx, story.id), { kind: 'published', storyId: story.id, actorId: null, detail: 'scheduled' });
    return tags;
  });
}
