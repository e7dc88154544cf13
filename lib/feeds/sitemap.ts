import { escapeXml, w3cDate } from './xml';

// sitemaps.org and Google News sitemaps. Pure: the caller passes absolute URLs.

/** sitemaps.org: at most 50,000 URLs (and 50 MB) per file; more go through a sitemap index. */
export const SITEMAP_URL_LIMIT = 50_000;

export type SitemapEntry = { loc: string; lastmod: Date | null };

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

const lastmodOf = (entry: SitemapEntry) => (entry.lastmod ? `<lastmod>${w3cDate(entry.lastmod)}</lastmod>` : '');

export function buildUrlset(entries: SitemapEntry[]): string {
  const urls = entries.map((entry) => `<url><loc>${escapeXml(entry.loc)}</loc>${lastmodOf(entry)}</url>`);
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${urls.join('\n')}\n</urlset>\n`;
}

export function buildSitemapIndex(entries: SitemapEntry[]): string {
  const sitemaps = entries.map((entry) => `<sitemap><loc>${escapeXml(entry.loc)}</loc>${lastmodOf(entry)}</sitemap>`);
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${sitemaps.join('\n')}\n</sitemapindex>\n`;
}

export type NewsEntry = { loc: string; title: string; language: string; publishedAt: Date };

/** A Google News sitemap: the publication (the site's name), each story's first publication date and its title. */
export function buildNewsSitemap(publicationName: string, entries: NewsEntry[]): string {
  const urls = entries.map(
    (entry) =>
      `<url><loc>${escapeXml(entry.loc)}</loc><news:news><news:publication><news:name>${escapeXml(publicationName)}</news:name>` +
      `<news:language>${escapeXml(entry.language)}</news:language></news:publication>` +
      `<news:publication_date>${w3cDate(entry.publishedAt)}</news:publication_date><news:title>${escapeXml(entry.title)}</news:title></news:news></url>`,
  );
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${urls.join('\n')}\n</urlset>\n`;
}

/**
 * How /sitemap.xml is laid out for a site of `total` URLs: one urlset when it
 * fits, otherwise an index of pages, page 0 holding the home and section
 * pages and each later page up to `limit` stories.
 */
export function sitemapPageCount(storyCount: number, limit = SITEMAP_URL_LIMIT): number {
  return 1 + Math.ceil(storyCount / limit);
}

export function fitsOneSitemap(sectionCount: number, storyCount: number, limit = SITEMAP_URL_LIMIT): boolean {
  return 1 + sectionCount + storyCount <= limit;
}
