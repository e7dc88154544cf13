import { and, asc, desc, eq, gte, max, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { publishedStories, sections } from '@/db/schema';
import { newestFirst } from './order';

// Reads for feeds and sitemaps. Like every reader read they touch only the
// published projection (plus sections), and only rows in state 'published':
// unpublished stories have no row, taken-down and retracted ones are filtered
// here. Uncached and free of Next APIs, so integration tests run them against
// a real database; lib/reader/feed-cache.ts wraps them in the tagged cache.

export type FeedStory = {
  storyId: string;
  slug: string;
  sectionSlug: string;
  sectionName: string;
  headline: string;
  standfirst: string;
  /** The start of the plain text, for a summary when there is no standfirst. */
  textStart: string;
  bylines: string[];
  tags: string[];
  language: 'ar' | 'en';
  publishedAt: Date;
  updatedAt: Date;
};

const live = eq(publishedStories.state, 'published');

export async function listFeedStories(db: Executor, options: { sectionId?: string; limit: number }): Promise<FeedStory[]> {
  const rows = await db
    .select({
      storyId: publishedStories.storyId,
      slug: publishedStories.slug,
      sectionSlug: sections.slug,
      sectionName: sections.name,
      headline: publishedStories.headline,
      standfirst: publishedStories.standfirst,
      textStart: sql<string>`left(${publishedStories.plainText}, 600)`,
      bylines: publishedStories.bylines,
      tags: publishedStories.tags,
      language: publishedStories.language,
      publishedAt: publishedStories.publishedAt,
      updatedAt: publishedStories.updatedAt,
    })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(options.sectionId ? and(live, eq(publishedStories.sectionId, options.sectionId)) : live)
    .orderBy(newestFirst, desc(publishedStories.storyId))
    .limit(options.limit);
  return rows.map((row) => ({ ...row, bylines: row.bylines.map((b) => b.name), tags: row.tags.map((t) => t.name) }));
}

export type SectionRef = { id: string; slug: string; name: string };

export async function findSection(db: Executor, slug: string): Promise<SectionRef | null> {
  const [row] = await db.select({ id: sections.id, slug: sections.slug, name: sections.name }).from(sections).where(eq(sections.slug, slug));
  return row ?? null;
}

export type SitemapSummary = {
  /** Sections that have at least one published story, with their newest change. */
  sections: { slug: string; lastmod: Date }[];
  storyCount: number;
  /** The newest change on the site: the home page's lastmod. */
  newest: Date | null;
};

export async function summarizeSitemap(db: Executor): Promise<SitemapSummary> {
  const rows = await db
    .select({ slug: sections.slug, lastmod: max(publishedStories.updatedAt), count: sql<number>`count(*)::int` })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(live)
    .groupBy(sections.slug, sections.position)
    .orderBy(asc(sections.position), asc(sections.slug));
  const withDates = rows.flatMap((row) => (row.lastmod ? [{ slug: row.slug, lastmod: row.lastmod, count: row.count }] : []));
  const newest = withDates.reduce<Date | null>((latest, row) => (!latest || row.lastmod > latest ? row.lastmod : latest), null);
  return { sections: withDates.map(({ slug, lastmod }) => ({ slug, lastmod })), storyCount: withDates.reduce((sum, row) => sum + row.count, 0), newest };
}

export type SitemapStory = { slug: string; sectionSlug: string; updatedAt: Date };

/**
 * Published stories oldest first, so a page of a paged sitemap keeps its
 * stories as new ones are published: only the last page grows.
 */
export async function listSitemapStories(db: Executor, options: { offset: number; limit: number }): Promise<SitemapStory[]> {
  return db
    .select({ slug: publishedStories.slug, sectionSlug: sections.slug, updatedAt: publishedStories.updatedAt })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(live)
    .orderBy(asc(publishedStories.publishedAt), asc(publishedStories.storyId))
    .offset(options.offset)
    .limit(options.limit);
}

/** The newest change in each page of `size` stories (same order as listSitemapStories), for a sitemap index. */
export async function listSitemapPages(db: Executor, size: number): Promise<Date[]> {
  const ranked = db
    .select({
      updatedAt: publishedStories.updatedAt,
      page: sql<number>`((row_number() over (order by ${publishedStories.publishedAt}, ${publishedStories.storyId}) - 1) / ${size})::int`.as('page'),
    })
    .from(publishedStories)
    .where(live)
    .as('ranked');
  const rows = await db.select({ page: ranked.page, lastmod: max(ranked.updatedAt) }).from(ranked).groupBy(ranked.page).orderBy(asc(ranked.page));
  // A max() over a subquery's column comes back as the driver's text, not a Date.
  return rows.flatMap((row) => (row.lastmod ? [new Date(row.lastmod)] : []));
}

export type NewsStory = { slug: string; sectionSlug: string; headline: string; language: 'ar' | 'en'; publishedAt: Date };

/** Stories first published since `since`, newest first: Google News reads the last two days, at most 1,000. */
export async function listNewsStories(db: Executor, since: Date, limit = 1000): Promise<NewsStory[]> {
  return db
    .select({
      slug: publishedStories.slug,
      sectionSlug: sections.slug,
      headline: publishedStories.headline,
      language: publishedStories.language,
      publishedAt: publishedStories.publishedAt,
    })
    .from(publishedStories)
    .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
    .where(and(live, gte(publishedStories.publishedAt, since)))
    .orderBy(newestFirst, desc(publishedStories.storyId))
    .limit(limit);
}
