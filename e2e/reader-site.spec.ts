import { readFileSync } from 'node:fs';
import { parseSeedStory } from '@/db/seed-story';
import { createPublishedStory, uniqueHeadline } from './data';
import { expect, test } from './fixtures';

const seed = parseSeedStory(readFileSync('db/seed-story.ar.txt', 'utf8'));

test('a reader goes home → section → article → tag → author, each page complete and accessible', async ({ page, expectAccessible }) => {
  // Five pages, each scanned for accessibility: 55 s of the default 60 on a loaded two-core machine.
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'الأقسام' })).toBeVisible();
  await expectAccessible(page);

  // Section, from the site's navigation.
  await page.getByRole('navigation', { name: 'الأقسام' }).getByRole('link', { name: 'تكنولوجيا' }).click();
  await expect(page).toHaveURL(/\/technology$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('تكنولوجيا');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/technology$/);
  await expectAccessible(page);

  // The article, with its metadata and structured data. The seed is the section's oldest story, and specs running
  // beside this one publish newer ones: past a page of 20 the reader follows «الأقدم» to it.
  const seedLink = page.getByRole('main').getByRole('link', { name: seed.headline }).first();
  const older = page.getByRole('navigation', { name: 'الصفحات' }).getByRole('link', { name: /الأقدم/ });
  for (let pages = 1; !(await seedLink.isVisible()); pages++) {
    expect(pages, 'the seed story is on one of the first five pages').toBeLessThan(5);
    await expect(older, `the seed story is not on page ${pages}, and it is the last`).toBeVisible();
    await older.click();
    await expect(page).toHaveURL(new RegExp(`/technology\\?page=${pages + 1}$`));
    await page.waitForLoadState();
  }
  await seedLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.headline);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(canonical).toMatch(/\/technology\/%D8%B3%D9%88%D9%81%D8%AA-/);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', canonical!);
  // No lead image: the site's default share image stands in, so the card is the large one.
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /share-default\.jpg$/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{20,}/);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, unknown>;
  expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: seed.headline, inLanguage: 'ar', articleSection: 'تكنولوجيا', publisher: { name: 'صحيفة' } });
  for (const field of ['datePublished', 'dateModified', 'author', 'keywords']) expect(ld, field).toHaveProperty(field);
  expect(new Date(ld.datePublished as string).getTime()).not.toBeNaN();
  for (const network of ['X', 'Facebook', 'WhatsApp', 'Telegram']) await expect(page.getByRole('link', { name: new RegExp(`^${network}`) })).toHaveAttribute('href', /^https:\/\//);
  await expectAccessible(page);

  // A tag of the story lists it.
  await page.locator('article footer').getByRole('link', { name: 'OpenAI' }).click();
  await expect(page).toHaveURL(/\/tag\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('وسم: OpenAI');
  await expect(page.getByRole('link', { name: seed.headline })).toBeVisible();
  await expectAccessible(page);

  // Its byline leads to the author's page, which lists it too.
  await page.goBack();
  await page.locator('article header').getByRole('link', { name: 'فريق التحرير' }).click();
  await expect(page).toHaveURL(/\/author\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('فريق التحرير');
  await expect(page.getByRole('link', { name: seed.headline })).toBeVisible();
  await expectAccessible(page);
});

test('unknown sections, tags, authors and pages are 404; tracking parameters change nothing', async ({ request }) => {
  for (const path of ['/no-such-section', '/tag/no-such-tag', '/author/no-such-author', '/technology?page=999', '/technology?page=0', '/technology?page=abc', '/tag/openai?page=-1']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  const plain = await (await request.get('/technology')).text();
  const tracked = await request.get('/technology?utm_source=x&utm_medium=y&fbclid=abc&junk=%00');
  expect(tracked.status()).toBe(200);
  // Same listing, same canonical: the parameters do not make a page of their own.
  const body = await tracked.text();
  expect(body.match(/<link rel="canonical"[^>]*>/)?.[0]).toBe(plain.match(/<link rel="canonical"[^>]*>/)?.[0]);
});

test('related stories put the ones sharing the most tags first, and never the story itself', async ({ page, db }) => {
  const [shared, other] = [uniqueHeadline('وسم مشترك'), uniqueHeadline('وسم ثان')];
  const both = await createPublishedStory(db, uniqueHeadline('يشارك الوسمين'), undefined, [shared, other]);
  const one = await createPublishedStory(db, uniqueHeadline('يشارك وسمًا واحدًا'), undefined, [shared]);
  const story = await createPublishedStory(db, uniqueHeadline('الخبر المقروء'), undefined, [shared, other]);
  await page.goto(`/technology/${encodeURIComponent(story.slug)}`);
  const related = page.getByTestId('related').getByRole('link');
  const hrefs = await related.evaluateAll((links) => links.map((link) => decodeURIComponent(link.getAttribute('href') ?? '')));
  expect(hrefs.slice(0, 2)).toEqual([`/technology/${both.slug}`, `/technology/${one.slug}`]);
  expect(hrefs).not.toContain(`/technology/${story.slug}`);
});
