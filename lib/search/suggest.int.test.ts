import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedStories, searchWords } from '@/db/schema';
import { ensureSection } from '@/db/seed';
import { isolatedTestDb } from '@/test/db';
import { insertPublished } from '@/test/published';
import { parseSearchQuery } from './query-syntax';
import { searchStories } from './search-stories';
import { suggestQuery } from './suggest';

// «هل تقصد: …» from the live stories' own vocabulary, and the vocabulary kept
// by the triggers as stories go live, change and leave.

let drop: () => Promise<void>;
let db: Awaited<ReturnType<typeof isolatedTestDb>>['db'];
let sectionId: string;

beforeAll(async () => {
  ({ db, drop } = await isolatedTestDb());
  sectionId = await db.transaction((tx) => ensureSection(tx, 'suggest', 'اقتراح'));
  await insertPublished(db, { headline: 'سوفت بنك تخطط لاستثمار ضخم', paragraphs: ['يبحث الاستثمار الجديد عن شركات الذكاء الاصطناعي'], sectionId });
  await insertPublished(db, { headline: 'أسعار النفط ترتفع', paragraphs: ['ارتفعت الأسعار في الأسواق العالمية'], sectionId });
});
afterAll(() => drop());

const suggest = (q: string) => suggestQuery(db, q, parseSearchQuery(q));
const stories = async (words: string[]) =>
  new Map((await db.select().from(searchWords).where(inArray(searchWords.word, words))).map((row) => [row.word, row.stories]));

describe('did you mean', () => {
  it('corrects a misspelt word to one the stories use, keeping its ال', async () => {
    const misspelt = await searchStories(db, { q: 'الاستثمر', page: 1, sort: 'relevance' });
    expect(misspelt.kind === 'results' && misspelt.total).toBe(0);
    expect(await suggest('الاستثمر')).toBe('الاستثمار');
    const corrected = await searchStories(db, { q: 'الاستثمار', page: 1, sort: 'relevance' });
    expect(corrected.kind === 'results' && corrected.total).toBe(1);
  });

  it('corrects only the misspelt word of several, and offers nothing for words it knows or cannot place', async () => {
    expect(await suggest('اسعار النفظ')).toBe('اسعار النفط');
    expect(await suggest('اسعار النفط')).toBeNull();
    expect(await suggest('كمبيوتر')).toBeNull();
    expect(await suggest('123')).toBeNull();
  });
});

describe('the vocabulary', () => {
  it('counts the live stories using each word, in both its forms', async () => {
    expect(await stories(['الاستثمار', 'استثمار', 'لاستثمار', 'سوفت'])).toEqual(new Map([['الاستثمار', 1], ['استثمار', 1], ['لاستثمار', 1], ['سوفت', 1]]));
  });

  it('forgets the words of a story taken down, and learns them back when it returns', async () => {
    const id = await insertPublished(db, { headline: 'زلزال يضرب المدينة', paragraphs: ['هزة قوية'], sectionId });
    expect(await stories(['زلزال'])).toEqual(new Map([['زلزال', 1]]));
    await db.update(publishedStories).set({ state: 'taken_down' }).where(eq(publishedStories.storyId, id));
    expect(await stories(['زلزال'])).toEqual(new Map());
    expect(await suggest('زلزل')).toBeNull();
    await db.update(publishedStories).set({ state: 'published', headline: 'زلزال عنيف' }).where(eq(publishedStories.storyId, id));
    expect(await stories(['زلزال', 'عنيف', 'يضرب'])).toEqual(new Map([['زلزال', 1], ['عنيف', 1]]));
    await db.delete(publishedStories).where(eq(publishedStories.storyId, id));
    expect(await stories(['زلزال', 'عنيف'])).toEqual(new Map());
  });
});
