import { eq, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { publishedStories, stories } from '@/db/schema';

// Which stories use an image: as the lead image, or as a figure anywhere in
// the body (jsonpath over the stored JSON). Both the working copy and what
// readers have are checked, since they can differ.

export type MediaUse = { storyId: string; headline: string; published: boolean };

const inBody = (column: typeof stories.body | typeof publishedStories.body, mediaId: string) =>
  sql`jsonb_path_exists(${column}, 'strict $.**.mediaId ? (@ == $id)', jsonb_build_object('id', ${mediaId}::text))`;

export async function findMediaUses(db: Executor, mediaId: string): Promise<MediaUse[]> {
  const [working, live] = await Promise.all([
    db.select({ storyId: stories.id, headline: stories.headline }).from(stories).where(or(eq(stories.leadImageId, mediaId), inBody(stories.body, mediaId))),
    db
      .select({ storyId: publishedStories.storyId, headline: publishedStories.headline })
      .from(publishedStories)
      .where(or(sql`${publishedStories.leadImage}->>'id' = ${mediaId}`, inBody(publishedStories.body, mediaId))),
  ]);
  const liveIds = new Set(live.map((use) => use.storyId));
  const uses = new Map<string, MediaUse>();
  for (const use of [...live, ...working]) if (!uses.has(use.storyId)) uses.set(use.storyId, { ...use, published: liveIds.has(use.storyId) });
  return [...uses.values()];
}
