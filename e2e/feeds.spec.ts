import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { publishedStories, sections } from '@/db/schema';
import { parseSeedStory } from '@/db/seed-story';
import { slugify } from '@/lib/slug';
import { expect, test } from './fixtures';
import { expectNotModified } from './newsroom-steps';
import { parseInBrowser } from './xml';

// Feeds, sitemaps and robots.txt over HTTP, parsed by Chromium's XML parser.
const seed = parseSeedStory(readFileSync('db/seed-story.ar.txt', 'utf8'));
const seedPath = `/technology/${encodeURIComponent(slugify(seed.headline))}`;

test('the site and section feeds are RSS 2.0 in Arabic and list their newest story by its canonical URL', async ({ page, request, baseURL, db }) => {
  for (const path of ['/feed.xml', '/feeds/technology.xml']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers()['cache-control']).toBe('public, max-age=300');
    const feed = await parseInBrowser(page, await response.text(), ['language', 'item', 'guid', 'link', 'title', 'pubDate', 'author']);
    expect(feed.error, path).toBeNull();
    expect(feed.root).toBe('rss');
    expect(feed.texts.language).toEqual(['ar']);
    // Specs beside this one publish stories, so which fifty a feed lists changes as it runs (the seed, the oldest,
    // can drop out): its newest item stands for all, checked against the story's row.
    const items = feed.texts.item!.length;
    expect(items, path).toBeGreaterThan(0);
    for (const name of ['guid', 'pubDate'] as const) expect(feed.texts[name], `${path} ${name}`).toHaveLength(items);
    // The channel's link and title come first, then one of each per item.
    for (const name of ['link', 'title'] as const) expect(feed.texts[name], `${path} ${name}`).toHaveLength(items + 1);
    const storyId = feed.texts.guid![0]!.replace(/^urn:uuid:/, '');
    const [newest] = await db
      .select({ slug: publishedStories.slug, headline: publishedStories.headline, section: sections.slug })
      .from(publishedStories)
      .innerJoin(sections, eq(sections.id, publishedStories.sectionId))
      .where(eq(publishedStories.storyId, storyId));
    expect(newest, `${path}: its newest item is a published story`).toBeDefined();
    expect(feed.texts.link![1]).toBe(`${baseURL}/${encodeURIComponent(newest!.section)}/${encodeURIComponent(newest!.slug)}`);
    expect(feed.texts.title![1]).toBe(newest!.headline);
    // Bylines are names, carried as dc:creator (lib/feeds/rss.test.ts): never RSS's e-mail <author>.
    expect(feed.texts.author, path).toEqual([]);
    await expectNotModified(request, path);
  }
  expect((await request.get('/feeds/no-such-section.xml')).status()).toBe(404);
});

test('the sitemap and the news sitemap parse and list the seed story with its dates', async ({ page, request, baseURL }) => {
  const sitemap = await request.get('/sitemap.xml');
  expect(sitemap.headers()['content-type']).toBe('application/xml; charset=utf-8');
  const urls = await parseInBrowser(page, await sitemap.text(), ['loc', 'lastmod']);
  expect(urls.error).toBeNull();
  expect(urls.root).toBe('urlset');
  expect(urls.texts.loc).toEqual(expect.arrayContaining([`${baseURL}/`, `${baseURL}/technology`, `${baseURL}${seedPath}`]));
  expect(urls.texts.lastmod!.length).toBe(urls.texts.loc!.length);

  // The e2e database is seeded minutes before the run, so the seed story is in its first 48 hours.
  const news = await parseInBrowser(page, await (await request.get('/news-sitemap.xml')).text(), ['loc', 'news:name', 'news:language', 'news:title', 'news:publication_date']);
  expect(news.error).toBeNull();
  const index = news.texts.loc!.indexOf(`${baseURL}${seedPath}`);
  expect(index).toBeGreaterThanOrEqual(0);
  expect(news.texts['news:name']![index]).toBe('صحيفة');
  expect(news.texts['news:language']![index]).toBe('ar');
  expect(news.texts['news:title']![index]).toBe(seed.headline);
  expect(Date.now() - Date.parse(news.texts['news:publication_date']![index]!)).toBeLessThan(48 * 3_600_000);
});

test('robots.txt names both sitemaps and keeps crawlers out of the staff area', async ({ request, baseURL }) => {
  const response = await request.get('/robots.txt');
  expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
  const robots = await response.text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(robots).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
  for (const path of ['/newsroom', '/login', '/api', '/preview', '/share']) expect(robots).toContain(`Disallow: ${path}/`);
});
