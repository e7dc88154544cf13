import { sectionPath, storyPath } from '@/lib/reader/paths';

// Absolute URLs for feeds, sitemaps and robots.txt: the public origin
// (SITE_URL) plus the canonical, percent-encoded path. Pure: the caller passes
// the origin, so tests need no environment.

export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, siteUrl).toString();
}

export const storyUrl = (siteUrl: string, sectionSlug: string, storySlug: string) => absoluteUrl(siteUrl, storyPath(sectionSlug, storySlug));
export const sectionUrl = (siteUrl: string, sectionSlug: string) => absoluteUrl(siteUrl, sectionPath(sectionSlug));

/** Where each section's RSS feed lives: /feeds/{section}.xml (see README, "Feeds and sitemaps"). */
export const sectionFeedPath = (sectionSlug: string) => `/feeds/${encodeURIComponent(sectionSlug)}.xml`;
export const SITE_FEED_PATH = '/feed.xml';
export const SITEMAP_PATH = '/sitemap.xml';
export const NEWS_SITEMAP_PATH = '/news-sitemap.xml';
