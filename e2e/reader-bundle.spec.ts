import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { parseSeedStory } from '@/db/seed-story';
import { authors, publishedStories } from '@/db/schema';
import { slugify } from '@/lib/slug';
import { createPublishedStory, uniqueHeadline } from './data';
import { expect, test } from './fixtures';

// Reader pages are server components only. The production build records, per
// page, every client module the page references: for a reader page that may
// only be Next's own runtime, never a component of ours or the editor.
const siteDir = path.join('.next', 'server', 'app', '(site)');

function manifests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return manifests(full);
    return entry.name === 'page_client-reference-manifest.js' ? [full] : [];
  });
}

test('reader pages reference no client module of their own', () => {
  const files = manifests(siteDir);
  expect(files.length).toBeGreaterThanOrEqual(3);
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const json = source.slice(source.indexOf('= {') + 2).replace(/;\s*$/, '');
    const { clientModules } = JSON.parse(json) as { clientModules: Record<string, unknown> };
    const ours = Object.keys(clientModules).filter((id) => !id.startsWith('[project]/node_modules/next/'));
    expect(ours, file).toEqual([]);
  }
});

const seedPath = `/technology/${encodeURIComponent(slugify(parseSeedStory(readFileSync('db/seed-story.ar.txt', 'utf8')).headline))}`;
const scriptTags = (html: string) => (html.match(/<script\b[^>]*>/gi) ?? []).filter((tag) => !/type="application\/ld\+json"/.test(tag));
const scriptPreloads = (html: string) => (html.match(/<link\b[^>]*>/gi) ?? []).filter((tag) => /rel="modulepreload"|as="script"/i.test(tag));

test('reader pages carry no script but JSON-LD and preload none, 404 and 410 included', async ({ db, request }) => {
  const tag = uniqueHeadline('وسم');
  await createPublishedStory(db, uniqueHeadline('خبر بوسم'), ['فقرة.'], [tag]);
  const gone = await createPublishedStory(db, uniqueHeadline('خبر محجوب'));
  await db.update(publishedStories).set({ state: 'taken_down' }).where(eq(publishedStories.slug, gone.slug));
  const [author] = await db.select({ slug: authors.slug }).from(authors).limit(1);
  const pages: [string, number][] = [
    ['/', 200],
    ['/technology', 200],
    [`/tag/${encodeURIComponent(slugify(tag))}`, 200],
    [`/author/${encodeURIComponent(author!.slug)}`, 200],
    [seedPath, 200],
    ['/search', 200],
    [`/search?q=${encodeURIComponent('بنك')}`, 200],
    ['/economy/no-such-story', 404],
    ['/no-such-section', 404],
    ['/tag/no-such-tag', 404],
    [`/technology/${encodeURIComponent(gone.slug)}`, 410],
  ];
  for (const [pagePath, status] of pages) {
    const response = await request.get(pagePath);
    const html = await response.text();
    expect(response.status(), pagePath).toBe(status);
    expect(scriptTags(html), pagePath).toEqual([]);
    expect(scriptPreloads(html), pagePath).toEqual([]);
    expect(html, pagePath).not.toContain('__next_f');
    expect(response.headers().link ?? '', pagePath).not.toMatch(/as="?script/);
    // In the site's layout: Arabic, right to left, its stylesheet inlined (no request before the first paint), its header and its search box.
    expect(html, pagePath).toMatch(/<html lang="ar" dir="rtl"/);
    expect(html, pagePath).toMatch(/<style data-precedence="next" data-href="\/_next\/static\/[^"]+\.css">@font-face/);
    expect(html, pagePath).not.toContain('rel="stylesheet"');
    expect(html, pagePath).toContain('action="/search"');
    if (status === 404) expect(html, pagePath).toContain('الصفحة غير موجودة');
    if (status === 410) expect(html, pagePath).toContain('لم يعد هذا الخبر متاحًا');
  }
  expect(scriptTags(await (await request.get(seedPath)).text())).toEqual([]);
  expect(await (await request.get(seedPath)).text()).toContain('<script type="application/ld+json">');
});

// The reader stylesheet (app/(site)/site.css) makes Tailwind's utilities only for the reader's own files: a class
// used by a file it does not list would have no rule. Checked in Chromium, every class against every selector.
test('every class on a reader page has a rule in its stylesheet', async ({ db, page }) => {
  const gone = await createPublishedStory(db, uniqueHeadline('خبر محجوب'));
  await db.update(publishedStories).set({ state: 'retracted' }).where(eq(publishedStories.slug, gone.slug));
  const [author] = await db.select({ slug: authors.slug }).from(authors).limit(1);
  const pages = ['/', '/technology', `/author/${encodeURIComponent(author!.slug)}`, seedPath, '/search', `/search?q=${encodeURIComponent('بنك')}`, '/economy/no-such-story', `/technology/${encodeURIComponent(gone.slug)}`];
  for (const pagePath of pages) {
    await page.goto(pagePath);
    const unstyled = await page.evaluate(() => {
      const selectors: string[] = [];
      const walk = (rules: CSSRuleList) => {
        for (const rule of rules) {
          if (rule instanceof CSSStyleRule) selectors.push(rule.selectorText);
          if ('cssRules' in rule) walk(rule.cssRules as CSSRuleList);
        }
      };
      for (const sheet of document.styleSheets) walk(sheet.cssRules);
      const all = selectors.join('\n');
      const classes = new Set([...document.querySelectorAll('[class]')].flatMap((element) => [...element.classList]));
      // A whole class name: `.border` must not be taken for `.border-rule`, nor `.mt-1` for `.mt-10`.
      const literal = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
      return [...classes].filter((name) => !new RegExp(`\\.${literal(CSS.escape(name))}(?![\\w-])`).test(all));
    });
    expect(unstyled, pagePath).toEqual([]);
  }
});

test('with JavaScript off, the search box still searches: a plain GET form', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('searchbox').first().fill('بنك');
  await page.getByRole('searchbox').first().press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('بنك');
  await context.close();
});

test('a reader page in Chromium runs no script and breaks no policy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(seedPath);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(scripts).toEqual([]);
  expect(violations).toEqual([]);
});

// What a first visit fetches before anything can be drawn, on the two pages
// audit:site measures: the document and the one preloaded font. Over a slow
// line each more request is a round trip, and a document past TCP's initial
// window (10 segments of 1,460 bytes) costs one more before the first paint
// (docs/reader-performance.md, "What sets LCP").
test('a first visit fetches the document, under 14.6 KB gzipped with its headers, and one font', async ({ browser }) => {
  for (const pagePath of ['/', seedPath]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const finished: import('@playwright/test').Request[] = [];
    page.on('requestfinished', (request) => finished.push(request));
    await page.goto(pagePath);
    await page.evaluate(() => document.fonts.ready);
    expect(finished.map((request) => request.resourceType()).sort(), pagePath).toEqual(['document', 'font']);
    const documentRequest = finished.find((request) => request.resourceType() === 'document')!;
    expect((await documentRequest.response())?.headers()['content-encoding'], pagePath).toBe('gzip');
    const sizes = await documentRequest.sizes();
    expect(sizes.responseBodySize + sizes.responseHeadersSize, pagePath).toBeLessThan(10 * 1460);
    await context.close();
  }
});
