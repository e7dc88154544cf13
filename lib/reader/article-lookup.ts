import { eq, getTableColumns, inArray, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '@/db';
import { publishedStories, sections, slugHistory } from '@/db/schema';

// Resolves /{section}/{slug} against the published projection. Uncached and
// free of Next APIs, so integration tests run it against a real database;
// lib/reader/queries.ts wraps it in the tagged cache.

// Every column but the search vector, which only SQL reads.
function withoutSearchVector<T extends { searchVector: unknown }>(columns: T): Omit<T, 'searchVector'> {
  const copy: Partial<T> = { ...columns };
  delete copy.searchVector;
  return copy as Omit<T, 'searchVector'>;
}
const storyColumns = withoutSearchVector(getTableColumns(publishedStories));

export type Article = Omit<typeof publishedStories.$inferSelect, 'searchVector'> & { sectionSlug: string; sectionName: string };

export type ArticleLookup =
  | { kind: 'article'; article: Article }
  | { kind: 'redirect'; sectionSlug: string; slug: string }
  | { kind: 'gone'; state: 'taken_down' | 'retracted'; notice: string | null }
  | { kind: 'missing' };

export async function lookupArticle(db: Executor, sectionSlug: string, slug: string): Promise<ArticleLookup> {
  const columns = { story: storyColumns, sectionSlug: sections.slug, sectionName: sections.name };
  const [current] = await db
    .select(columns)
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(eq(publishedStories.slug, slug));
  if (current) {
    if (current.story.state !== 'published') {
      const retracted = current.story.state === 'retracted';
      // A take-down's reason is internal: only a retraction's public notice reaches the page.
      return { kind: 'gone', state: retracted ? 'retracted' : 'taken_down', notice: retracted ? current.story.notice : null };
    }
    if (current.sectionSlug !== sectionSlug) return { kind: 'redirect', sectionSlug: current.sectionSlug, slug };
    return { kind: 'article', article: { ...current.story, sectionSlug: current.sectionSlug, sectionName: current.sectionName } };
  }
  // An old slug: send the reader to where the story lives now.
  const moved = await whereStoryLives(db, db.select({ storyId: slugHistory.storyId }).from(slugHistory).where(eq(slugHistory.slug, slug)));
  if (moved) return { kind: 'redirect', sectionSlug: moved.sectionSlug, slug: moved.slug };
  return { kind: 'missing' };
}

/** Where the story the subquery names lives now (its section and slug), if readers have it; for old slugs and imported sites' old paths (./legacy-lookup.ts). */
export async function whereStoryLives(db: Executor, storyIds: SQLWrapper): Promise<{ sectionSlug: string; slug: string } | null> {
  const [row] = await db
    .select({ slug: publishedStories.slug, sectionSlug: sections.slug })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(inArray(publishedStories.storyId, storyIds));
  return row ?? null;
}

