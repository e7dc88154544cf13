import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSection } from '@/db/seed';
import { isolatedTestDb } from '@/test/db';
import { insertPublished } from '@/test/published';
import { highlightRows } from './highlight';
import { SEARCH_PAGE_SIZE, searchStories } from './search-stories';

// The search over a database of its own, so counts and orders are exact.

let db: Awaited<ReturnType<typeof isolatedTestDb>>['db'];
let drop: () => Promise<void>;
let sectionId: string;
const day = (n: number) => new Date(Date.UTC(2026, 0, n, 9));
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ db, drop } = await isolatedTestDb());
  sectionId = await db.transaction((tx) => ensureSection(tx, 'economy', 'اقتصاد'));
  const story = (headline: string, paragraphs: string[], n: number, state: 'published' | 'taken_down' = 'published') =>
    insertPublished(db, { headline, paragraphs, sectionId, publishedAt: day(n), state });
  // Ranking: the headline match outranks body-only matches, whatever their dates.
  ids.headline = await story('صندوق الاستثمار يعلن أرباحه', ['أعلن الصندوق أرباحًا قياسية.'], 1);
  ids.bodyOld = await story('أخبار الأسواق', ['تحدث التقرير عن الاستثمار في الطاقة.'], 2);
  ids.bodyNew = await story('أخبار المال', ['تتجه الشركات إلى الاستثمار في النقل.'], 3);
  ids.gone = await story('الاستثمار المحذوف', ['قصة سُحبت من النشر.'], 4, 'taken_down');
  // Thirty stories for pages, each mentioning «قطار».
  for (let i = 0; i < 30; i++) ids[`train${i}`] = await story(`خبر رقم ${i}`, [`وصل القطار في موعده ${i}.`], 5 + i);
  ids.voweled = await story('خبر مشكول', ['قال إنّ الاستِثْمَارَ في التَّعليمِ أساسُ النهضة، واستثمـــارات أخرى.'], 40);
});
afterAll(() => drop());

const idsOf = (outcome: Awaited<ReturnType<typeof searchStories>>) => (outcome.kind === 'results' ? outcome.rows.map((row) => row.storyId) : []);

describe('searchStories', () => {
  it('ranks a headline match first, then body matches newest first; taken-down stories never show', async () => {
    const outcome = await searchStories(db, { q: 'استثمار', page: 1, sort: 'relevance' });
    const found = idsOf(outcome);
    expect(found[0]).toBe(ids.headline);
    expect(found).not.toContain(ids.gone);
    expect(found.indexOf(ids.bodyNew!)).toBeLessThan(found.indexOf(ids.bodyOld!));
  });

  it('sorts by date when asked', async () => {
    const found = idsOf(await searchStories(db, { q: 'استثمار', page: 1, sort: 'newest' }));
    expect(found).toEqual([ids.voweled, ids.bodyNew, ids.bodyOld, ids.headline]);
  });

  it('pages through results, with a total', async () => {
    const first = await searchStories(db, { q: 'القطار', page: 1, sort: 'newest' });
    const second = await searchStories(db, { q: 'قطار', page: 2, sort: 'newest' });
    expect(first).toMatchObject({ kind: 'results', total: 30, pages: 2, page: 1, capped: false });
    expect(idsOf(first)).toHaveLength(SEARCH_PAGE_SIZE);
    expect(idsOf(second)).toHaveLength(10);
    expect(new Set([...idsOf(first), ...idsOf(second)]).size).toBe(30);
    expect(idsOf(first)[0]).toBe(ids.train29);
    // A page past the end is the last page's neighbour: empty, not an error.
    expect(idsOf(await searchStories(db, { q: 'قطار', page: 3, sort: 'relevance' }))).toEqual([]);
  });

  it('finds the same pages whichever plan it follows', async () => {
    for (const sort of ['relevance', 'newest'] as const) {
      for (const page of [1, 2]) {
        const byDate = await searchStories(db, { q: 'قطار', page, sort, plan: 'date-index' });
        const byBitmap = await searchStories(db, { q: 'قطار', page, sort, plan: 'bitmap' });
        expect(byDate.kind === 'results' && byDate.plan).toBe('date-index');
        expect(idsOf(byDate), `${sort} page ${page}`).toEqual(idsOf(byBitmap));
      }
    }
  });

  it.each([
    ['empty', ''],
    ['2,000 characters', 'ب'.repeat(2000)],
    ['2,000 characters of words', 'استثمار '.repeat(250)],
    ['symbols only', '!@#$%^&*()_+=[]{};:,./?~`|'],
    ['a lone operator', 'OR'],
    ['a lone minus', '-'],
    ['quotes', '"""'],
    ['an unclosed quote', '"استثمار'],
    ['backslashes', '\\\\ \\ \\\''],
    ['markup', '<script>alert("x")</script>'],
    ['SQL', "'; drop table published_stories; --"],
    ['tsquery syntax', "!(a & b) | c:* <-> 'd'"],
    ['only exclusions', '-استثمار -"سوفت بنك"'],
    ['tashkeel only', 'ًٌٍَُِّْ'],
    ['tatweel only', 'ـــــ'],
    ['NUL-free control characters', '\u0001\u0002\u001f'],
  ])('answers %s without an error', async (_label, q) => {
    const outcome = await searchStories(db, { q, page: 1, sort: 'relevance' });
    expect(['empty', 'results']).toContain(outcome.kind);
    const newest = await searchStories(db, { q, page: 2, sort: 'newest' });
    expect(['empty', 'results']).toContain(newest.kind);
  });

  it('still finds words in an overlong query, which it cuts', async () => {
    const outcome = await searchStories(db, { q: `استثمار ${'x'.repeat(2000)}`, page: 1, sort: 'relevance' });
    expect(outcome.query.truncated).toBe(true);
  });
});

describe('highlightRows', () => {
  it('marks the matching words on the original text, tashkeel and tatweel kept', async () => {
    const outcome = await searchStories(db, { q: 'والاستثمار', page: 1, sort: 'newest' });
    if (outcome.kind !== 'results') throw new Error('no results');
    const hits = await highlightRows(db, outcome.rows, outcome.prepared.highlight);
    const voweled = hits.find((hit) => hit.storyId === ids.voweled)!;
    expect(voweled.snippet.filter((s) => s.mark).map((s) => s.text)).toEqual(['الاستِثْمَارَ', 'واستثمـــارات']);
    expect(voweled.snippet.map((s) => s.text).join('')).toBe('قال إنّ الاستِثْمَارَ في التَّعليمِ أساسُ النهضة، واستثمـــارات أخرى.');
    const headline = hits.find((hit) => hit.storyId === ids.headline)!;
    expect(headline.headline).toEqual([
      { text: 'صندوق ', mark: false },
      { text: 'الاستثمار', mark: true },
      { text: ' يعلن أرباحه', mark: false },
    ]);
  });

  it('marks each word of a phrase, and nothing excluded', async () => {
    const outcome = await searchStories(db, { q: '"وصل القطار" -موعده12', page: 1, sort: 'newest' });
    if (outcome.kind !== 'results') throw new Error('no results');
    const [hit] = await highlightRows(db, outcome.rows.slice(0, 1), outcome.prepared.highlight);
    expect(hit!.snippet.filter((s) => s.mark).map((s) => s.text)).toEqual(['وصل', 'القطار']);
  });
});
