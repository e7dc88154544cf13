import { now } from '@/lib/clock';
import { getEnv } from '@/lib/env';
import { textResponse, XML_TYPE } from '@/lib/feeds/respond';
import { storyUrl } from '@/lib/feeds/site-url';
import { buildNewsSitemap } from '@/lib/feeds/sitemap';
import { getNewsStories } from '@/lib/reader/feed-cache';
import { getSiteSettings } from '@/lib/reader/queries';

// The Google News sitemap: stories first published in the last 48 hours.
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const siteUrl = getEnv().SITE_URL;
  const [settings, stories] = await Promise.all([getSiteSettings(), getNewsStories(now())]);
  const entries = stories.map((s) => ({ loc: storyUrl(siteUrl, s.sectionSlug, s.slug), title: s.headline, language: s.language, publishedAt: s.publishedAt }));
  return textResponse(request, buildNewsSitemap(settings.siteName, entries), XML_TYPE);
}
