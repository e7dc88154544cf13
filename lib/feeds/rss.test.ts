import { describe, expect, it } from 'vitest';
import type { FeedStory } from '@/lib/reader/feed-queries';
import { elementsNamed, parseXml, textsOf as text } from '@/test/xml';
import { buildRss, cdataSafe } from './rss';

const SITE = 'https://sahifa.example';

function story(overrides: Partial<FeedStory> = {}): FeedStory {
  return {
    storyId: '00000000-0000-4000-8000-000000000001',
    slug: 'سوفت-بنك-تخطط',
    sectionSlug: 'technology',
    sectionName: 'تكنولوجيا',
    headline: 'سوفت بنك تخطط لاستثمار ضخم',
    standfirst: 'مقدمة الخبر.',
    textStart: 'نص الخبر.',
    bylines: ['فريق التحرير'],
    tags: ['OpenAI'],
    language: 'ar',
    publishedAt: new Date('2026-11-28T09:30:00Z'),
    updatedAt: new Date('2026-11-28T10:00:00Z'),
    ...overrides,
  };
}

const channel = { siteUrl: SITE, title: 'صحيفة', description: 'أخبار <اليوم> & غدًا', link: `${SITE}/`, selfUrl: `${SITE}/feed.xml` };

const parse = parseXml;
const items = (xml: string) => elementsNamed(parse(xml), 'item');

describe('buildRss', () => {
  it('lists each story with its canonical, percent-encoded URL, a stable guid, its date, byline and summary', () => {
    const [item] = items(buildRss(channel, [story()]));
    expect(text(item!, 'title')).toEqual(['سوفت بنك تخطط لاستثمار ضخم']);
    expect(text(item!, 'link')).toEqual([`${SITE}/technology/%D8%B3%D9%88%D9%81%D8%AA-%D8%A8%D9%86%D9%83-%D8%AA%D8%AE%D8%B7%D8%B7`]);
    expect(text(item!, 'guid')).toEqual(['urn:uuid:00000000-0000-4000-8000-000000000001']);
    expect(text(item!, 'pubDate')).toEqual(['Sat, 28 Nov 2026 09:30:00 GMT']);
    expect(text(item!, 'description')).toEqual(['مقدمة الخبر.']);
    const [creator] = elementsNamed(item!, 'dc:creator');
    expect(creator?.attributes?.['xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(text(item!, 'dc:creator')).toEqual(['فريق التحرير']);
    expect(text(item!, 'category')).toEqual(['تكنولوجيا', 'OpenAI']);
  });

  it('describes the channel in Arabic, dated by its newest change, pointing at itself', () => {
    const xml = buildRss(channel, [story(), story({ storyId: '00000000-0000-4000-8000-000000000002', slug: 'b', updatedAt: new Date('2026-11-29T08:00:00Z') })]);
    const doc = parse(xml);
    expect(text(doc, 'language')).toEqual(['ar']);
    expect(text(doc, 'lastBuildDate')).toEqual(['Sun, 29 Nov 2026 08:00:00 GMT']);
    // The channel's <title> comes first; the site description is escaped, not markup.
    expect(text(doc, 'title')[0]).toBe('صحيفة');
    expect(text(doc, 'description')[0]).toBe('أخبار <اليوم> & غدًا');
    expect(elementsNamed(doc, 'rss')[0]?.attributes?.['xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(elementsNamed(doc, 'atom:link')[0]?.attributes).toMatchObject({ href: `${SITE}/feed.xml`, rel: 'self' });
    expect(xml).not.toContain('<generator>');
  });

  it('keeps <, & and ]]> in Arabic headlines as text, and escapes a summary that readers take as HTML', () => {
    const headline = 'أرباح «أ&ب» ترتفع <٥٪> ]]> مرتين ]]> و]]>';
    const [item] = items(buildRss(channel, [story({ headline, standfirst: '', textStart: 'سعر <b>السهم</b> & العائد' })]));
    expect(text(item!, 'title')).toEqual([headline]);
    // As HTML, "&#60;b&#62;" reads "<b>" literally: the summary cannot inject markup into a reader.
    expect(text(item!, 'description')).toEqual(['سعر &#60;b&#62;السهم&#60;/b&#62; &#38; العائد']);
  });

  it('drops characters XML forbids rather than emit an unparseable feed', () => {
    const xml = buildRss(channel, [story({ headline: 'عنوان\u0000 مع\u0008 تحكم' })]);
    expect(xml).not.toMatch(/[\u0000\u0008]/);
    expect(text(items(xml)[0]!, 'title')).toEqual(['عنوان مع تحكم']);
  });

  it('summarises from the text when there is no standfirst, cut at a word', () => {
    const long = 'كلمة '.repeat(200);
    const summary = text(items(buildRss(channel, [story({ standfirst: '  ', textStart: long })]))[0]!, 'description')[0]!;
    expect(summary.endsWith('كلمة…')).toBe(true);
    expect(Array.from(summary).length).toBeLessThanOrEqual(281);
  });

  it('gives an empty but valid feed when nothing is published', () => {
    expect(items(buildRss(channel, []))).toHaveLength(0);
  });
});

describe('cdataSafe', () => {
  it('leaves the first ]]> to the library and splits the rest', () => {
    expect(cdataSafe('a]]>b]]>c')).toBe('a]]>b]]]]><![CDATA[>c');
    expect(cdataSafe('plain')).toBe('plain');
  });
});
