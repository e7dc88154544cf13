import { describe, expect, it } from 'vitest';
import { elementsNamed, parseXml, textsOf } from '@/test/xml';
import { buildNewsSitemap, buildSitemapIndex, buildUrlset, fitsOneSitemap, SITEMAP_URL_LIMIT, sitemapPageCount } from './sitemap';
import { sectionFeedPath, storyUrl } from './site-url';

const SITE = 'https://sahifa.example';

describe('buildUrlset', () => {
  it('lists each URL with its lastmod in W3C format, escaped', () => {
    const doc = parseXml(
      buildUrlset([
        { loc: `${SITE}/`, lastmod: new Date('2026-11-29T08:00:00Z') },
        { loc: `${SITE}/a?x=1&y=2`, lastmod: null },
      ]),
    );
    expect(elementsNamed(doc, 'urlset')[0]?.attributes?.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(textsOf(doc, 'loc')).toEqual([`${SITE}/`, `${SITE}/a?x=1&y=2`]);
    expect(textsOf(doc, 'lastmod')).toEqual(['2026-11-29T08:00:00.000Z']);
  });

  it('is a valid empty urlset with no URLs', () => {
    expect(elementsNamed(parseXml(buildUrlset([])), 'url')).toHaveLength(0);
  });
});

describe('buildSitemapIndex', () => {
  it('lists the pages of a large sitemap', () => {
    const doc = parseXml(buildSitemapIndex([{ loc: `${SITE}/sitemap.xml?page=0`, lastmod: new Date('2026-11-29T08:00:00Z') }]));
    expect(elementsNamed(doc, 'sitemap')).toHaveLength(1);
    expect(textsOf(doc, 'loc')).toEqual([`${SITE}/sitemap.xml?page=0`]);
  });
});

describe('the 50,000-URL limit', () => {
  it('keeps one file while home, sections and stories fit, and pages beyond', () => {
    expect(SITEMAP_URL_LIMIT).toBe(50_000);
    expect(fitsOneSitemap(9, 49_990)).toBe(true);
    expect(fitsOneSitemap(10, 49_990)).toBe(false);
    // Page 0 holds the home and section pages; stories fill pages of 50,000 after it.
    expect(sitemapPageCount(0)).toBe(1);
    expect(sitemapPageCount(50_000)).toBe(2);
    expect(sitemapPageCount(50_001)).toBe(3);
  });
});

describe('buildNewsSitemap', () => {
  it('names the publication, its language, the first publication date and the title, with < and & escaped', () => {
    const title = 'أرباح «أ&ب» <ترتفع>';
    const xml = buildNewsSitemap('صحيفة & شركاه', [{ loc: storyUrl(SITE, 'technology', 'أرباح-أ-ب'), title, language: 'ar', publishedAt: new Date('2026-11-28T21:00:00Z') }]);
    const doc = parseXml(xml);
    expect(elementsNamed(doc, 'urlset')[0]?.attributes?.['xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(textsOf(doc, 'loc')).toEqual([`${SITE}/technology/%D8%A3%D8%B1%D8%A8%D8%A7%D8%AD-%D8%A3-%D8%A8`]);
    expect(textsOf(doc, 'news:name')).toEqual(['صحيفة & شركاه']);
    expect(textsOf(doc, 'news:language')).toEqual(['ar']);
    expect(textsOf(doc, 'news:publication_date')).toEqual(['2026-11-28T21:00:00.000Z']);
    expect(textsOf(doc, 'news:title')).toEqual([title]);
  });
});

describe('canonical URLs in feeds and sitemaps', () => {
  it('percent-encode Arabic slugs of stories, sections and section feeds, and join the origin once', () => {
    expect(storyUrl(`${SITE}/`, 'اقتصاد', 'ميزانية-2026')).toBe(`${SITE}/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF/%D9%85%D9%8A%D8%B2%D8%A7%D9%86%D9%8A%D8%A9-2026`);
    expect(sectionFeedPath('اقتصاد')).toBe('/feeds/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF.xml');
    // Round trip: decoding the URL gives back the slug.
    expect(decodeURIComponent(new URL(storyUrl(SITE, 'technology', 'سوفت-بنك')).pathname)).toBe('/technology/سوفت-بنك');
  });
});
