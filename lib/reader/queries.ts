import 'server-only';
import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { taggedCache } from './tagged-cache';
import { getDb } from '@/db';
import { media, publishedStories, sections, settings } from '@/db/schema';
import { lookupArticle, type ArticleLookup } from './article-lookup';
import { LATEST_TAG, sectionTag, SETTINGS_TAG, slugTag } from './cache-tags';
import { newestFirst } from './order';
import type { LibraryImage } from './share-image';

// Reader reads. They touch only the published projection (plus sections and
// settings), never the working copy, and are cached by tag.

export type StoryCard = {
  storyId: string;
  slug: string;
  sectionSlug: string;
  sectionName: string;
  kicker: string;
  headline: string;
  standfirst: string;
  publishedAt: Date;
};

export const cardColumns = {
  storyId: publishedStories.storyId,
  slug: publishedStories.slug,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  kicker: publishedStories.kicker,
  headline: publishedStories.headline,
  standfirst: publishedStories.standfirst,
  publishedAt: publishedStories.publishedAt,
};

// unstable_cache serialises results as JSON, so dates come back as strings.
export const reviveCard = (card: StoryCard): StoryCard => ({ ...card, publishedAt: new Date(card.publishedAt) });

export async function getLatestStories(limit = 30): Promise<StoryCard[]> {
  const read = taggedCache(
    () =>
      getDb()
        .select(cardColumns)
        .from(publishedStories)
        .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
        .where(eq(publishedStories.state, 'published'))
        .orderBy(newestFirst)
        .limit(limit),
    ['latest-stories', String(limit)],
    { tags: [LATEST_TAG] },
  );
  return (await read()).map(reviveCard);
}

export type SectionListing = { slug: string; name: string; stories: StoryCard[] };

export async function getSectionListing(sectionSlug: string, limit = 30): Promise<SectionListing | null> {
  const read = taggedCache(
    async () => {
      const db = getDb();
      const [section] = await db.select().from(sections).where(eq(sections.slug, sectionSlug));
      if (!section) return null;
      const stories = await db
        .select(cardColumns)
        .from(publishedStories)
        .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
        .where(and(eq(publishedStories.sectionId, section.id), eq(publishedStories.state, 'published')))
        .orderBy(newestFirst)
        .limit(limit);
      return { slug: section.slug, name: section.name, stories };
    },
    ['section-listing', sectionSlug, String(limit)],
    { tags: [sectionTag(sectionSlug)] },
  );
  const listing = await read();
  return listing && { ...listing, stories: listing.stories.map(reviveCard) };
}

export async function getArticle(sectionSlug: string, slug: string): Promise<ArticleLookup> {
  const result = await taggedCache(() => lookupArticle(getDb(), sectionSlug, slug), ['article', sectionSlug, slug], {
    tags: [slugTag(slug), sectionTag(sectionSlug)],
  })();
  if (result.kind !== 'article') return result;
  const { article } = result;
  return { kind: 'article', article: { ...article, publishedAt: new Date(article.publishedAt), updatedAt: new Date(article.updatedAt) } };
}

export type { Article, ArticleLookup } from './article-lookup';

/** The settings row, with the library images it names (logo, default share image) once they are ready to serve. */
export type SiteSettings = typeof settings.$inferSelect & { logo: LibraryImage | null; shareImage: LibraryImage | null };

const logoMedia = alias(media, 'logo_media');
const shareMedia = alias(media, 'share_media');
const imageColumns = (table: typeof logoMedia | typeof shareMedia) => ({ id: table.id, width: table.width, height: table.height, alt: table.alt });

type Joined = { [K in keyof LibraryImage]: LibraryImage[K] | null };
/** A left-joined image: drizzle gives null (its type says all columns null) when the row names none, or it is not ready. */
const joinedImage = (image: Joined | null): LibraryImage | null =>
  image === null || image.id === null || image.width === null || image.height === null ? null : { id: image.id, width: image.width, height: image.height, alt: image.alt ?? '' };

export const getSiteSettings = taggedCache(
  async (): Promise<SiteSettings> => {
    const [row] = await getDb()
      .select({ settings, logo: imageColumns(logoMedia), shareImage: imageColumns(shareMedia) })
      .from(settings)
      .leftJoin(logoMedia, and(eq(logoMedia.id, settings.logoMediaId), eq(logoMedia.state, 'ready')))
      .leftJoin(shareMedia, and(eq(shareMedia.id, settings.shareImageMediaId), eq(shareMedia.state, 'ready')))
      .where(eq(settings.id, 1));
    if (!row) throw new Error('settings row missing: the seed has not run');
    return { ...row.settings, logo: joinedImage(row.logo), shareImage: joinedImage(row.shareImage) };
  },
  ['site-settings'],
  { tags: [SETTINGS_TAG] },
);
