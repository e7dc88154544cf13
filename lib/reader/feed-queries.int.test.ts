import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedStories, stories } from '@/db/schema';
import { ensureSection, insertPublishedStory } from '@/db/seed';
import { paragraphsToDoc, toPlainText } from '@/lib/content/document';
import { slugify } from '@/lib/slug';
import { readerTags } from '@/lib/stories/publication';
import { transition } from '@/lib/stories/transitions';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { LATEST_TAG, sectionTag } from './cache-tags';
import { findSection, listFeedStories, listNewsStories, listSitemapPages, listSitemapStories, summarizeSitemap } from './feed-queries';

// Feeds and sitemaps list exactly the published stories. Other test files
// share this database, so the site-wide lists are checked for the stories made
// here, and a section of this file's own is checked whole.

const { db, client } = connectTestDb();
const run = randomUUID().slice(0, 8);
const sectionSlug = slugify(`اقتصاد ${run}`);
const HOUR = 3_600_000;
const ids: Record<'fresh' | 'older' | 'old' | 'takenDown' | 'retracted', string> = { fresh: '', older: '', old: '', takenDown: '', retracted: '' };
const slugs: Record<string, string> = {};
let draftSlug = '';

async function publish(label: keyof typeof ids, hoursAgo: number) {
  const headline = `خبر ${label} ${run}`;
  const slug = slugify(headline);
  const id = await db.transaction(async (tx) => {
    const sectionId = await ensureSection(tx, sectionSlug, `اقتصاد ${run}`);
    return insertPublishedStory(tx, { kicker: '', headline, paragraphs: ['فقرة.'], slug, sectionId, authorIds: [], tagIds: [] });
  });
  // As if it had gone live that long ago (the clock module is never swapped out).
  const at = new Date(Date.now() - hoursAgo * HOUR);
  await db.update(publishedStories).set({ publishedAt: at, updatedAt: at }).where(eq(publishedStories.storyId, id));
  ids[label] = id;
  slugs[id] = slug;
}

beforeAll(async () => {
  const editor = await createStaff(db, 'editor');
  await publish('old', 72);
  await publish('older', 30);
  await publish('fresh', 1);
  await publish('takenDown', 2);
  await publish('retracted', 3);
  // Through the workflow, as an editor does it.
  expect((await transition(editor, ids.takenDown, { action: 'take_down', reason: 'طلب قانوني' })).ok).toBe(true);
  expect((await transition(editor, ids.retracted, { action: 'retract', reason: 'الرقم غير دقيق' })).ok).toBe(true);
  // A story that was never published has no projection at all.
  const body = paragraphsToDoc(['مسودة.']);
  draftSlug = slugify(`مسودة ${run}`);
  const section = await findSection(db, sectionSlug);
  await db.insert(stories).values({ headline: `مسودة ${run}`, body, plainText: toPlainText(body), slug: draftSlug, sectionId: section!.id });
});
afterAll(() => client.end());

const published = () => [ids.fresh, ids.older, ids.old];
const hidden = () => [ids.takenDown, ids.retracted];

describe('feeds', () => {
  it('list the published stories of the site, newest first, and never a taken-down, retracted or unpublished one', async () => {
    const feed = await listFeedStories(db, { limit: 1000 });
    const mine = feed.filter((s) => Object.values(ids).includes(s.storyId)).map((s) => s.storyId);
    expect(mine).toEqual(published());
    expect(feed.map((s) => s.slug)).not.toContain(draftSlug);
  });

  it('list exactly the published stories of a section', async () => {
    const section = await findSection(db, sectionSlug);
    const feed = await listFeedStories(db, { sectionId: section!.id, limit: 50 });
    expect(feed.map((s) => s.storyId)).toEqual(published());
    expect(feed[0]).toMatchObject({ sectionSlug, headline: `خبر fresh ${run}`, textStart: 'فقرة.', language: 'ar' });
    expect(feed[0]!.publishedAt).toBeInstanceOf(Date);
  });
});

describe('sitemap', () => {
  it('lists every published story, oldest first, and the sections that have one, with their newest change', async () => {
    const summary = await summarizeSitemap(db);
    const all = await listSitemapStories(db, { offset: 0, limit: 50_000 });
    expect(all.length).toBe(summary.storyCount);
    const mine = all.filter((s) => Object.values(slugs).includes(s.slug)).map((s) => s.slug);
    expect(mine).toEqual([ids.old, ids.older, ids.fresh].map((id) => slugs[id]));
    for (const id of hidden()) expect(all.map((s) => s.slug)).not.toContain(slugs[id]);
    expect(all.map((s) => s.slug)).not.toContain(draftSlug);
    const section = summary.sections.find((s) => s.slug === sectionSlug);
    // The newest published story of the section is an hour old; the taken-down one (2 h) does not count.
    expect(Math.abs(section!.lastmod.getTime() - (Date.now() - HOUR))).toBeLessThan(60_000);
  });

  it('pages the stories for a sitemap index: each page dated by its newest change', async () => {
    const { storyCount } = await summarizeSitemap(db);
    const pages = await listSitemapPages(db, 2);
    expect(pages.length).toBe(Math.ceil(storyCount / 2));
    expect(pages.every((d) => d instanceof Date && !Number.isNaN(d.getTime()))).toBe(true);
    const second = await listSitemapStories(db, { offset: 2, limit: 2 });
    expect(second.length).toBe(Math.min(2, storyCount - 2));
  });
});

describe('news sitemap', () => {
  it('holds only stories first published in the last 48 hours', async () => {
    const news = await listNewsStories(db, new Date(Date.now() - 48 * HOUR));
    const mine = news.filter((s) => Object.values(slugs).includes(s.slug)).map((s) => s.slug);
    expect(mine).toEqual([slugs[ids.fresh], slugs[ids.older]]);
  });
});

describe('cache expiry', () => {
  it('a publish or take-down expires the tags feeds and sitemaps are cached under', async () => {
    for (const id of [ids.fresh, ids.takenDown]) {
      const tags = await readerTags(db, id);
      expect(tags).toContain(LATEST_TAG);
      expect(tags).toContain(sectionTag(sectionSlug));
    }
  });
});
