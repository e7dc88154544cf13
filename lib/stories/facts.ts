import { eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { stories, storyAuthors } from '@/db/schema';
import type { StoryFacts } from './rules';

/** Just what the edit rule needs, for checks that do not load the whole copy. */
export async function readStoryFacts(db: Executor, storyId: string): Promise<StoryFacts | null> {
  const [row] = await db
    .select({ createdById: stories.createdById, editorialState: stories.editorialState, archivedAt: stories.archivedAt })
    .from(stories)
    .where(eq(stories.id, storyId));
  if (!row) return null;
  const bylines = await db.select({ id: storyAuthors.authorId }).from(storyAuthors).where(eq(storyAuthors.storyId, storyId));
  return { createdById: row.createdById, editorialState: row.editorialState, archived: row.archivedAt !== null, bylineAuthorIds: bylines.map((b) => b.id) };
}
