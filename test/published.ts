import { randomUUID } from 'node:crypto';
import type { Database } from '@/db';
import { publishedStories, stories, storyRevisions, storyTags, type TagRef } from '@/db/schema';
import { paragraphsToDoc } from '@/lib/content/document';

export type PublishedInput = {
  headline: string;
  standfirst?: string;
  paragraphs: string[];
  sectionId: string;
  publishedAt?: Date;
  state?: 'published' | 'taken_down' | 'retracted';
  tags?: TagRef[];
};

/**
 * A story as readers get it, written straight into the projection (with the
 * story and revision rows it points to): search reads nothing else, so its
 * tests need no workflow.
 */
export async function insertPublished(db: Database, input: PublishedInput): Promise<string> {
  const body = paragraphsToDoc(input.paragraphs);
  const plainText = input.paragraphs.join('\n');
  const content = { kicker: '', headline: input.headline, standfirst: input.standfirst ?? '', body, plainText, language: 'ar' as const };
  const at = input.publishedAt ?? new Date();
  const slug = `search-${randomUUID()}`;
  return db.transaction(async (tx) => {
    const [story] = await tx.insert(stories).values({ ...content, slug, sectionId: input.sectionId, publicationState: input.state ?? 'published' }).returning({ id: stories.id });
    const storyId = story!.id;
    const [revision] = await tx
      .insert(storyRevisions)
      .values({ ...content, storyId, kind: 'approval', storyVersion: 1, slug, sectionId: input.sectionId, bylines: [], tags: input.tags ?? [] })
      .returning({ id: storyRevisions.id });
    await tx.insert(publishedStories).values({
      ...content,
      storyId,
      revisionId: revision!.id,
      state: input.state ?? 'published',
      slug,
      sectionId: input.sectionId,
      bylines: [],
      tags: input.tags ?? [],
      publishedAt: at,
      updatedAt: at,
    });
    if (input.tags?.length) await tx.insert(storyTags).values(input.tags.map((tag, position) => ({ storyId, tagId: tag.id, position })));
    return storyId;
  });
}
