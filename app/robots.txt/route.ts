import { getEnv } from '@/lib/env';
import { textResponse, TEXT_TYPE } from '@/lib/feeds/respond';
import { buildRobots } from '@/lib/feeds/robots';
import { absoluteUrl, NEWS_SITEMAP_PATH, SITEMAP_PATH } from '@/lib/feeds/site-url';

// Per request rather than at build time: the sitemap URLs carry SITE_URL, which is runtime configuration.
export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  const siteUrl = getEnv().SITE_URL;
  return textResponse(request, buildRobots([absoluteUrl(siteUrl, SITEMAP_PATH), absoluteUrl(siteUrl, NEWS_SITEMAP_PATH)]), TEXT_TYPE);
}
