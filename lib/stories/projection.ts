import { and, asc, eq, ne } from 'drizzle-orm';
import type { Executor } from '@/db';
import { resolveLeadImage } from '@/lib/media/lead-image';
import {
  authors,
  corrections,
  publishedStories,
  slugHistory,
  stories,
  storyAuthors,
  storyRevisions,
  storyTags,
  tags,
  type BylineRef,
  type PublicNote,
  type TagRef,
} from '@/db/schema';

// Low-level writers shared by the workflow and the seed. They authorize
// nothing: callers (the DAL, or the seed script) have done that already and
// pass an open transaction.

type RevisionKind = (typeof storyRevisions.$inferInsert)['kind'];

export async function readBylines(tx: Executor, storyId: string): Promise<BylineRef[]> {
  return tx
    .select({ id: authors.id, name: authors.name, slug: authors.slug })
    .from(storyAuthors)
    .innerJoin(authors, eq(authors.id, storyAuthors.authorId))
    .where(eq(storyAuthors.storyId, storyId))
    .orderBy(asc(storyAuthors.position));
}

export async function readTags(tx: Executor, storyId: string): Promise<TagRef[]> {
  return tx
    .select({ id: tags.id, name: tags.name, slug: tags.slug })
    .from(storyTags)
    .innerJoin(tags, eq(tags.id, storyTags.tagId))
    .where(eq(storyTags.storyId, storyId))
    .orderBy(asc(storyTags.position));
}

/** Snapshots every field of the working copy as a revision and returns its id. */
export async function snapshotRevision(
  tx: Executor,
  input: { storyId: string; kind: RevisionKind; authorId: string | null },
): Promise<string> {
  const [story] = await tx.select().from(stories).where(eq(stories.id, input.storyId)).for('update');
  if (!story) throw new Error(`story ${input.storyId} not found`);
  const [bylines, tagRefs] = await Promise.all([readBylines(tx, story.id), readTags(tx, story.id)]);
  const [revision] = await tx
    .insert(storyRevisions)
    .values({
      storyId: story.id,
      kind: input.kind,
      storyVersion: story.version,
      authorId: input.authorId,
      kicker: story.kicker,
      headline: story.headline,
      standfirst: story.standfirst,
      body: story.body,
      plainText: story.plainText,
      language: story.language,
      slug: story.slug,
      sectionId: story.sectionId,
      seoTitle: story.seoTitle,
      seoDescription: story.seoDescription,
      leadImageId: story.leadImageId,
      leadImageAlt: story.leadImageAlt,
      leadImageCaption: story.leadImageCaption,
      leadImageCredit: story.leadImageCredit,
      bylines,
      tags: tagRefs,
    })
    .returning({ id: storyRevisions.id });
  if (!revision) throw new Error('revision insert returned nothing');
  return revision.id;
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
    notes,
    revisionId: revision.id,
    state: 'published' as const,
    slug: revision.slug,
    sectionId: revision.sectionId,
    kicker: revision.kicker,
    headline: revision.headline,
    standfirst: revision.standfirst,
    body: revision.body,
    plainText: revision.plainText,
    language: revision.language,
    seoTitle: revision.seoTitle,
    seoDescription: revision.seoDescription,
    leadImage: await resolveLeadImage(tx, revision),
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
