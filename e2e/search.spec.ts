import { readFileSync } from 'node:fs';
import { request as playwrightRequest } from '@playwright/test';
import { parseSeedStory } from '@/db/seed-story';
import { createPublishedStory, uniqueHeadline } from './data';
import { expect, test } from './fixtures';
import { newClient, uniqueIp } from './session';

const seed = parseSeedStory(readFileSync('db/seed-story.ar.txt', 'utf8'));

// Each test searches from a client IP of its own, so the per-IP limit of one
// test never touches another.

test('a reader searches from the home page and finds the seed story, however the word is written', async ({ browser, expectAccessible }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  for (const query of ['استثمار', 'الاستثمار', 'والاستثمار', 'إستثمار', 'سوفت بنك', 'OpenAI']) {
    await page.goto('/');
    const box = page.getByRole('searchbox', { name: 'ابحث في صحيفة' });
    await box.fill(query);
    await box.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === '/search' && url.searchParams.get('q') === query);
    const result = page.getByRole('article').filter({ has: page.getByRole('link', { name: seed.headline }) });
    await expect(result, query).toHaveCount(1);
    // The matched words are marked on the story's own text.
    await expect(result.locator('mark').first(), query).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'ابحث في الأخبار' })).toHaveValue(query);
  }
  await expectAccessible(page);
  await context.close();
});

test('results link their section and show the date; the query stays in the URL through paging and sorting', async ({ browser, db, expectAccessible }) => {
  // A word of this test's own, in Arabic letters: «قطار» and a tail spelled from random digits.
  const word = `قطار${Array.from(String(Math.random()).slice(2, 10), (digit) => 'بتثجحخدذرز'[Number(digit)]).join('')}`;
  for (let i = 0; i < 22; i++) await createPublishedStory(db, uniqueHeadline(`${word} رقم`), [`وصل ال${word} في موعده.`]);
  const context = await newClient(browser);
  const page = await context.newPage();
  const response = await page.goto(`/search?q=${encodeURIComponent(word)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('article')).toHaveCount(20);
  const first = page.getByRole('article').first();
  await expect(first.getByRole('link', { name: 'تكنولوجيا' })).toHaveAttribute('href', '/technology');
  await expect(first.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  // «ال» + the word in the body is marked whole.
  await expect(first.locator('mark').filter({ hasText: `ال${word}` }).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('navigation', { name: 'صفحات النتائج' }).getByRole('link', { name: 'الصفحة التالية' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === word && url.searchParams.get('page') === '2');
  await expect(page.getByRole('article')).toHaveCount(2);
  await page.getByRole('navigation', { name: 'ترتيب النتائج' }).getByRole('link', { name: 'الأحدث' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === word && url.searchParams.get('sort') === 'newest' && !url.searchParams.has('page'));
  await expect(page.getByRole('article')).toHaveCount(20);
  await context.close();
});

test('any input is answered, never with a server error', async ({ baseURL }) => {
  const api = await playwrightRequest.newContext({ baseURL });
  const inputs = ['', ' ', 'ب'.repeat(2000), '!@#$%^&*()', 'OR', '-', '"', '""', '"استثمار', '\\', '\\\\\'', '<script>alert(1)</script>', "'; drop table stories; --", 'a:* & !b | (c'];
  for (const q of inputs) {
    // A client IP per input: a hundred searches from one would (rightly) be limited.
    const headers = { 'x-forwarded-for': uniqueIp() };
    for (const extra of ['', '&page=2', '&page=-1', '&page=abc', '&sort=newest', '&sort=bogus', '&q=second']) {
      const response = await api.get(`/search?q=${encodeURIComponent(q)}${extra}`, { headers });
      expect(response.status(), `${JSON.stringify(q)}${extra}`).toBe(200);
      expect(await response.text()).not.toContain('<script>alert(1)</script>');
    }
  }
  await api.dispose();
});

test('too many searches from one client IP get 429 and an Arabic message; other clients are unaffected', async ({ baseURL }) => {
  const ip = uniqueIp();
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': ip } });
  // The default limit is 60 searches a minute (SEARCH_RATE_LIMIT); the empty search page is never counted.
  for (let i = 0; i < 5; i++) expect((await api.get('/search')).status()).toBe(200);
  let limited = null;
  for (let i = 0; i < 61 && !limited; i++) {
    const response = await api.get(`/search?q=${encodeURIComponent('بريق')}`);
    if (response.status() === 429) limited = response;
    else expect(response.status()).toBe(200);
  }
  expect(limited, 'no 429 within 61 searches').not.toBeNull();
  expect(Number(limited!.headers()['retry-after'])).toBeGreaterThan(0);
  const body = await limited!.text();
  expect(body).toContain('lang="ar"');
  expect(body).toContain('أجريت عمليات بحث كثيرة في وقت قصير');
  const other = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  expect((await other.get(`/search?q=${encodeURIComponent('بريق')}`)).status()).toBe(200);
  await Promise.all([api.dispose(), other.dispose()]);
});
