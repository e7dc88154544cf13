import { getEnv } from '@/lib/env';
import { notFoundResponse, textResponse, XML_TYPE } from '@/lib/feeds/respond';
import { absoluteUrl, sectionUrl, SITEMAP_PATH, storyUrl } from '@/lib/feeds/site-url';
import { buildSitemapIndex, buildUrlset, fitsOneSitemap, SITEMAP_URL_LIMIT, sitemapPageCount, type SitemapEntry } from '@/lib/feeds/sitemap';
import { getSitemapPages, getSitemapStories, getSitemapSummary } from '@/lib/reader/feed-cache';

// /sitemap.xml: the home page, the sections with published stories and every
// published story, each with its lastmod. Past 50,000 URLs it becomes a
// sitemap index of /sitemap.xml?page=0 (home and sections) and
// /sitemap.xml?page=1… (stories, oldest first, 50,000 a page).
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const siteUrl = getEnv().SITE_URL;
  const summary = await getSitemapSummary();
  const listingEntries: SitemapEntry[] = [
    { loc: absoluteUrl(siteUrl, '/'), lastmod: summary.newest },
    ...summary.sections.map((s) => ({ loc: sectionUrl(siteUrl, s.slug), lastmod: s.lastmod })),
  ];
  const storyEntries = async (page: number) =>
    (await getSitemapStories(page * SITEMAP_URL_LIMIT, SITEMAP_URL_LIMIT)).map((s) => ({ loc: storyUrl(siteUrl, s.sectionSlug, s.slug), lastmod: s.updatedAt }));

  const pageParam = new URL(request.url).searchParams.get('page');
  if (pageParam === null) {
    if (fitsOneSitemap(summary.sections.length, summary.storyCount)) {
      return textResponse(request, buildUrlset([...listingEntries, ...(await storyEntries(0))]), XML_TYPE);
    }
    const pageUrl = (page: number) => absoluteUrl(siteUrl, `${SITEMAP_PATH}?page=${page}`);
    const storyPages = await getSitemapPages(SITEMAP_URL_LIMIT);
    const index = [{ loc: pageUrl(0), lastmod: summary.newest }, ...storyPages.map((lastmod, i) => ({ loc: pageUrl(i + 1), lastmod }))];
    return textResponse(request, buildSitemapIndex(index), XML_TYPE);
  }
  const page = /^\d{1,6}$/.test(pageParam) ? Number(pageParam) : -1;
  if (page < 0 || page >= sitemapPageCount(summary.storyCount)) return notFoundResponse();
  return textResponse(request, buildUrlset(page === 0 ? listingEntries : await storyEntries(page - 1)), XML_TYPE);
}
