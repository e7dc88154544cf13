import { readFileSync } from 'node:fs';
import { parseSeedStory } from '@/db/seed-story';
import { slugify } from '@/lib/slug';
import { createPublishedStory, renameAndPublish, uniqueHeadline } from './data';
import { expect, test } from './fixtures';

const seedSlug = slugify(parseSeedStory(readFileSync('db/seed-story.ar.txt', 'utf8')).headline);

test('health answers ok with the database and the job runner', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', db: 'ok', jobs: 'ok' });
});

test('the canonical article URL answers 200', async ({ request }) => {
  expect((await request.get(`/technology/${encodeURIComponent(seedSlug)}`)).status()).toBe(200);
});

test.describe('unknown and odd paths answer 404 with the Arabic page', () => {
  const paths = [
    '/no-such-section',
    '/no-such-section/no-such-story',
    `/technology/${encodeURIComponent('خبر-غير-موجود')}`,
    '/technology/%E0%A4%A',
    '/technology/%C3%28',
    '/%ZZ',
    '/technology/..x',
    '/technology/a..b',
    '/technology/%2E%2Ex',
    `/technology/${'ب'.repeat(2000)}`,
    `/technology/${'a'.repeat(2000)}`,
    '/technology/Upper-Case',
    '/a/b/c/d',
  ];
  for (const path of paths) {
    test(`${path.slice(0, 60)}`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(404);
      expect(await response.text()).toContain('الصفحة غير موجودة');
    });
  }
});

test('an old slug and an old section answer a permanent redirect to the canonical URL', async ({ db, request }) => {
  const story = await createPublishedStory(db, uniqueHeadline('خبر سيغير اسمه'));
  const newSlug = `${story.slug}-محدث`;
  await renameAndPublish(db, story.id, newSlug);
  const canonical = `/technology/${encodeURIComponent(newSlug)}`;

  const old = await request.get(`/technology/${encodeURIComponent(story.slug)}`, { maxRedirects: 0 });
  expect([301, 308]).toContain(old.status());
  expect(new URL(old.headers().location ?? '', 'http://x').pathname).toBe(canonical);

  const wrongSection = await request.get(`/world/${encodeURIComponent(newSlug)}`, { maxRedirects: 0 });
  expect([301, 308]).toContain(wrongSection.status());
  expect(new URL(wrongSection.headers().location ?? '', 'http://x').pathname).toBe(canonical);

  const followed = await request.get(`/technology/${encodeURIComponent(story.slug)}`);
  expect(followed.status()).toBe(200);
  expect(followed.url()).toContain(canonical);
});
