import { getEnv } from '@/lib/env';
import { RSS_TYPE, textResponse } from '@/lib/feeds/respond';
import { buildRss } from '@/lib/feeds/rss';
import { absoluteUrl, SITE_FEED_PATH } from '@/lib/feeds/site-url';
import { getSiteFeedStories } from '@/lib/reader/feed-cache';
import { getSiteSettings } from '@/lib/reader/queries';

// The site's RSS feed: the latest published stories. Public, like the home page.
// Per request, so it reads the tagged cache (and needs no database at build time).
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const siteUrl = getEnv().SITE_URL;
  const [settings, stories] = await Promise.all([getSiteSettings(), getSiteFeedStories()]);
  const channel = {
    siteUrl,
    title: settings.siteName,
    description: settings.siteDescription,
    link: absoluteUrl(siteUrl, '/'),
    selfUrl: absoluteUrl(siteUrl, SITE_FEED_PATH),
  };
  return textResponse(request, buildRss(channel, stories), RSS_TYPE);
}
