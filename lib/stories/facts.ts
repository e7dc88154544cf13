import { eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { sections, stories, storyAuthors } from '@/db/schema';
import { canOpenStory, type StoryActor, type StoryFacts } from './rules';

/** Just what the open and edit rules need, for checks that do not load the whole copy. */
export async function readStoryFacts(db: Executor, storyId: string): Promise<StoryFacts | null> {
  const [row] = await db
    .select({ createdById: stories.createdById, editorialState: stories.editorialState, archivedAt: stories.archivedAt, restricted: stories.restricted, deskId: sections.deskId })
    .from(stories)
    .leftJoin(sections, eq(sections.id, stories.sectionId))
    .where(eq(stories.id, storyId));
  if (!row) return null;
  const bylines = await db.select({ id: storyAuthors.authorId }).from(storyAuthors).where(eq(storyAuthors.storyId, storyId));
  return {
    createdById: row.createdById,
    editorialState: row.editorialState,
    archived: row.archivedAt !== null,
    restricted: row.restricted,
    deskId: row.deskId,
    bylineAuthorIds: bylines.map((b) => b.id),
  };
}

/** Whether this person may open the story at all; one they may not is, to them, one that does not exist. */
export async function mayOpenStory(db: Executor, actor: StoryActor | null, storyId: string): Promise<boolean> {
  const facts = await readStoryFacts(db, storyId);
  return facts !== null && canOpenStory(actor, facts);
}

/** A story's desk: its section's; null (the general desk) with no section, or a section no desk owns. */
export async function deskOfSection(db: Executor, sectionId: string | null): Promise<string | null> {
  if (!sectionId) return null;
  const [row] = await db.select({ deskId: sections.deskId }).from(sections).where(eq(sections.id, sectionId));
  return row?.deskId ?? null;
}
