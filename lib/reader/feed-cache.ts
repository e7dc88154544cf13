import 'server-only';
import { taggedCache } from './tagged-cache';
import { getDb } from '@/db';
import { LATEST_TAG, sectionTag } from './cache-tags';
import { findSection, listFeedStories, listNewsStories, listSitemapPages, listSitemapStories, summarizeSitemap, type FeedStory, type NewsStory, type SitemapStory, type SitemapSummary } from './feed-queries';

// Feeds and sitemaps read through the same tagged cache as the reader pages.
// Every publish, update, take-down, retraction and republish expires LATEST_TAG
// and the story's section tags (lib/stories/scheduled-publish.ts readerTags),
// so a story leaves every feed and sitemap on the next request. The site's
// name comes from getSiteSettings (SETTINGS_TAG).

export const FEED_SIZE = 50;

// unstable_cache serialises results as JSON, so dates come back as strings.
const reviveFeedStory = (s: FeedStory): FeedStory => ({ ...s, publishedAt: new Date(s.publishedAt), updatedAt: new Date(s.updatedAt) });

export async function getSiteFeedStories(): Promise<FeedStory[]> {
  const read = taggedCache(() => listFeedStories(getDb(), { limit: FEED_SIZE }), ['feed-site', String(FEED_SIZE)], { tags: [LATEST_TAG] });
  return (await read()).map(reviveFeedStory);
}

/** The section and its latest stories, or null when there is no such section. */
export async function getSectionFeed(sectionSlug: string): Promise<{ name: string; stories: FeedStory[] } | null> {
  const read = taggedCache(
    async () => {
      const db = getDb();
      const section = await findSection(db, sectionSlug);
      if (!section) return null;
      return { name: section.name, stories: await listFeedStories(db, { sectionId: section.id, limit: FEED_SIZE }) };
    },
    ['feed-section', sectionSlug, String(FEED_SIZE)],
    { tags: [sectionTag(sectionSlug)] },
  );
  const feed = await read();
  return feed && { name: feed.name, stories: feed.stories.map(reviveFeedStory) };
}

export async function getSitemapSummary(): Promise<SitemapSummary> {
  const summary = await taggedCache(() => summarizeSitemap(getDb()), ['sitemap-summary'], { tags: [LATEST_TAG] })();
  return {
    sections: summary.sections.map((s) => ({ slug: s.slug, lastmod: new Date(s.lastmod) })),
    storyCount: summary.storyCount,
    newest: summary.newest && new Date(summary.newest),
  };
}

export async function getSitemapStories(offset: number, limit: number): Promise<SitemapStory[]> {
  const rows = await taggedCache(() => listSitemapStories(getDb(), { offset, limit }), ['sitemap-stories', String(offset), String(limit)], { tags: [LATEST_TAG] })();
  return rows.map((s) => ({ ...s, updatedAt: new Date(s.updatedAt) }));
}

export async function getSitemapPages(size: number): Promise<Date[]> {
  const pages = await taggedCache(() => listSitemapPages(getDb(), size), ['sitemap-pages', String(size)], { tags: [LATEST_TAG] })();
  return pages.map((d) => new Date(d));
}

/**
 * Stories first published in the 48 hours before `now`. The cached list is
 * refiltered on every request: a story only enters it by being published
 * (which expires LATEST_TAG), but it leaves by the clock alone.
 */
export async function getNewsStories(now: Date, hours = 48): Promise<NewsStory[]> {
  const since = new Date(now.getTime() - hours * 3_600_000);
  // The cache key is the hour, so one entry serves a whole hour of requests.
  const hour = Math.floor(since.getTime() / 3_600_000);
  const read = taggedCache(() => listNewsStories(getDb(), new Date(hour * 3_600_000)), ['news-stories', String(hour)], { tags: [LATEST_TAG] });
  return (await read()).map((s) => ({ ...s, publishedAt: new Date(s.publishedAt) })).filter((s) => s.publishedAt >= since);
}
