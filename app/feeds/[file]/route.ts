import { getEnv } from '@/lib/env';
import { notFoundResponse, RSS_TYPE, textResponse } from '@/lib/feeds/respond';
import { buildRss } from '@/lib/feeds/rss';
import { absoluteUrl, sectionFeedPath, sectionUrl } from '@/lib/feeds/site-url';
import { getSectionFeed } from '@/lib/reader/feed-cache';
import { slugFromParam } from '@/lib/reader/params';
import { getSiteSettings } from '@/lib/reader/queries';

// A section's RSS feed at /feeds/{section}.xml. Not /{section}/feed.xml: that
// path belongs to the article route's tree, and a top-level "feeds" keeps
// feeds apart from articles (it is a reserved word for section slugs).
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const slug = file.endsWith('.xml') ? slugFromParam(file.slice(0, -'.xml'.length)) : null;
  if (!slug) return notFoundResponse();
  const [settings, feed] = await Promise.all([getSiteSettings(), getSectionFeed(slug)]);
  if (!feed) return notFoundResponse();
  const siteUrl = getEnv().SITE_URL;
  const channel = {
    siteUrl,
    title: `${feed.name} | ${settings.siteName}`,
    description: settings.siteDescription,
    link: sectionUrl(siteUrl, slug),
    selfUrl: absoluteUrl(siteUrl, sectionFeedPath(slug)),
  };
  return textResponse(request, buildRss(channel, feed.stories), RSS_TYPE);
}
