import { getSchema, type JSONContent } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import type { TextQuoteAnchor } from '@/db/schema';
import { contentExtensions } from '@/lib/content/extensions';
import { ANCHOR_CONTEXT, createAnchor, docText, resolveAnchor, validAnchorIn } from './anchor';
import { fromDocRange, textWithPositions, toDocRange } from './pm-text';

const STORY =
  'أعلنت الحكومة اليوم عن خطة جديدة لدعم الصناعات الصغيرة في المدن الساحلية، وقال الوزير إن الخطة ستبدأ في الربيع المقبل بميزانية كبيرة.';
const QUOTE = 'خطة جديدة لدعم الصناعات الصغيرة';

/** An anchor on the first occurrence of `quote` in `text`. */
function anchorOn(text: string, quote: string, from = 0): TextQuoteAnchor {
  const start = text.indexOf(quote, from);
  if (start === -1) throw new Error(`quote not in text: ${quote}`);
  return createAnchor(text, start, start + quote.length);
}

/** The text the anchor resolves to, or null when detached. */
function resolvedText(text: string, anchor: TextQuoteAnchor): string | null {
  const range = resolveAnchor(text, anchor);
  return range ? text.slice(range.start, range.end) : null;
}

describe('createAnchor', () => {
  it('keeps the quote, at most 32 characters of context each side, and the start', () => {
    const anchor = anchorOn(STORY, QUOTE);
    expect(anchor.exact).toBe(QUOTE);
    expect(anchor.position).toBe(STORY.indexOf(QUOTE));
    // The quote starts 23 characters in, so the prefix is everything before it.
    expect(anchor.prefix).toBe('أعلنت الحكومة اليوم عن ');
    expect(anchor.suffix).toHaveLength(ANCHOR_CONTEXT);
    expect(STORY.startsWith(anchor.suffix, anchor.position + QUOTE.length)).toBe(true);
  });

  it('clamps offsets outside the text instead of throwing', () => {
    expect(createAnchor('نص', -5, 99)).toEqual({ exact: 'نص', prefix: '', suffix: '', position: 0 });
    expect(createAnchor('نص', 2, 1)).toEqual({ exact: '', prefix: 'نص', suffix: '', position: 2 });
    expect(createAnchor('', Number.NaN, Number.POSITIVE_INFINITY).exact).toBe('');
  });
});

describe('resolveAnchor', () => {
  it('finds an unchanged quote where it was', () => {
    const anchor = anchorOn(STORY, QUOTE);
    expect(resolveAnchor(STORY, anchor)).toEqual({ start: anchor.position, end: anchor.position + QUOTE.length });
  });

  it('follows the quote when text is inserted before it', () => {
    const anchor = anchorOn(STORY, QUOTE);
    const edited = 'عاجل: ' + STORY;
    expect(resolveAnchor(edited, anchor)).toEqual({ start: anchor.position + 6, end: anchor.position + 6 + QUOTE.length });
  });

  it('covers the edited quote via prefix and suffix when text is inserted inside it', () => {
    const anchor = anchorOn(STORY, QUOTE);
    const edited = STORY.replace('لدعم الصناعات', 'لدعم وتطوير الصناعات');
    expect(resolvedText(edited, anchor)).toBe('خطة جديدة لدعم وتطوير الصناعات الصغيرة');
  });

  it('refuses a gap far longer than the quote between surviving prefix and suffix', () => {
    const anchor = anchorOn(STORY, QUOTE);
    const edited = STORY.replace('لدعم', 'لدعم ' + 'كلام كثير '.repeat(20));
    expect(resolveAnchor(edited, anchor)).toBeNull();
  });

  it('detaches when a deletion runs across the quote and its context', () => {
    const anchor = anchorOn(STORY, QUOTE);
    const edited = STORY.replace('عن خطة جديدة لدعم الصناعات الصغيرة في المدن', 'في');
    expect(resolveAnchor(edited, anchor)).toBeNull();
  });

  it('detaches when exactly the quote is deleted (nothing left between prefix and suffix)', () => {
    const anchor = anchorOn(STORY, QUOTE);
    expect(resolveAnchor(STORY.replace(QUOTE, ''), anchor)).toBeNull();
  });

  it('picks the duplicate whose context matches, even when the other is nearer the old position', () => {
    const text = 'قال الرئيس إن الوضع مستقر تماماً. وقال المعارض إن الوضع مستقر تماماً في العاصمة فقط.';
    const second = text.lastIndexOf('الوضع مستقر');
    const anchor = { ...createAnchor(text, second, second + 'الوضع مستقر'.length), position: 0 };
    expect(resolveAnchor(text, anchor)).toEqual({ start: second, end: second + 'الوضع مستقر'.length });
  });

  it('picks the duplicate nearest the old position when contexts are equal', () => {
    const text = 'الخبر العاجل '.repeat(20);
    const tenth = 'الخبر العاجل '.length * 9 + 'الخبر '.length;
    const anchor = createAnchor(text, tenth, tenth + 'العاجل'.length);
    expect(resolveAnchor(text, anchor)).toEqual({ start: tenth, end: tenth + 6 });
    // Shifted by an insertion: every copy has the same full context, so position decides.
    expect(resolveAnchor('هام ' + text, anchor)).toEqual({ start: tenth + 4, end: tenth + 10 });
  });

  it('still finds a quote with harakat after the text lost them', () => {
    const voweled = 'وقال الوزيرُ إنَّ الخطةَ ستبدأُ في الربيعِ المقبلِ.';
    const anchor = anchorOn(voweled, 'إنَّ الخطةَ ستبدأُ');
    const bare = 'وقال الوزير إن الخطة ستبدأ في الربيع المقبل.';
    expect(resolvedText(bare, anchor)).toBe('إن الخطة ستبدأ');
  });

  it('still finds a bare quote after the writer added harakat and tatweel, keeping the last letter’s marks', () => {
    const bare = 'وقال الوزير إن الخطة ستبدأ في الربيع المقبل.';
    const anchor = anchorOn(bare, 'إن الخطة ستبدأ');
    const voweled = 'وقال الوزيرُ إنَّ الخطـــةَ ستبدأُ في الربيعِ المقبلِ.';
    expect(resolvedText(voweled, anchor)).toBe('إنَّ الخطـــةَ ستبدأُ');
  });

  it('uses context to choose among duplicates when matching without harakat', () => {
    const bare = 'محمد الأول وصل. ثم جاء محمد الثاني.';
    const anchor = anchorOn(bare, 'محمد', 5);
    const voweled = 'مُحَمَّدٌ الأول وصل. ثم جاء مُحَمَّدٌ الثاني.';
    const range = resolveAnchor(voweled, anchor);
    expect(range).toEqual({ start: voweled.lastIndexOf('مُحَمَّدٌ'), end: voweled.lastIndexOf('مُحَمَّدٌ') + 'مُحَمَّدٌ'.length });
  });

  it('returns null for an empty quote, and never throws on odd input', () => {
    expect(resolveAnchor(STORY, { exact: '', prefix: 'أ', suffix: 'ب', position: 0 })).toBeNull();
    expect(resolveAnchor('', anchorOn(STORY, QUOTE))).toBeNull();
    expect(resolveAnchor(STORY, { exact: 'َ', prefix: '', suffix: '', position: 0 })).toBeNull();
    const odd: unknown[] = [
      null,
      undefined,
      {},
      { exact: 5, prefix: '', suffix: '', position: 0 },
      { exact: QUOTE, prefix: null, suffix: '', position: 0 },
      { exact: QUOTE, prefix: '', suffix: '', position: Number.NaN },
      { exact: QUOTE, prefix: '', suffix: '', position: -1e9 },
      { exact: QUOTE, prefix: '', suffix: '', position: 1e12 },
      { exact: 'غير موجود', prefix: 'ا', suffix: 'ا', position: 3 },
    ];
    for (const anchor of odd) {
      expect(() => resolveAnchor(STORY, anchor as TextQuoteAnchor)).not.toThrow();
      expect(() => resolveAnchor(null as unknown as string, anchor as TextQuoteAnchor)).not.toThrow();
    }
    expect(resolveAnchor(STORY, { exact: QUOTE, prefix: '', suffix: '', position: Number.NaN })?.start).toBe(STORY.indexOf(QUOTE));
  });

  it('stays quick on repetitive text', () => {
    const text = 'ا'.repeat(50_000);
    const anchor = createAnchor(text, 25_000, 25_010);
    const started = performance.now();
    expect(resolveAnchor(text, anchor)).toEqual({ start: 25_000, end: 25_010 });
    expect(resolveAnchor(text + 'ب', { ...anchor, exact: 'ب' + anchor.exact })).not.toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('validAnchorIn', () => {
  it('accepts a quote that occurs verbatim and refuses anything else', () => {
    expect(validAnchorIn(STORY, anchorOn(STORY, QUOTE))).toBe(true);
    expect(validAnchorIn(STORY, { exact: 'ليس في النص', prefix: '', suffix: '', position: 0 })).toBe(false);
    expect(validAnchorIn(STORY, { exact: '', prefix: '', suffix: '', position: 0 })).toBe(false);
    // Verbatim means verbatim: harakat the story lacks make it a different quote.
    expect(validAnchorIn(STORY, { exact: 'خطةٌ', prefix: '', suffix: '', position: 0 })).toBe(false);
    expect(validAnchorIn(STORY, null as unknown as TextQuoteAnchor)).toBe(false);
  });
});

const schema = getSchema(contentExtensions);
const text = (value: string): JSONContent => ({ type: 'text', text: value });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

const DOC: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('عنوان فرعي')] },
    paragraph(text('الفقرة الأولى '), { type: 'text', text: 'بخط عريض', marks: [{ type: 'bold' }] }, text('.')),
    paragraph(text('الفقرة الثانية فيها الاقتباس المطلوب هنا.')),
    { type: 'paragraph' },
    { type: 'blockquote', content: [paragraph(text('اقتباس أول')), paragraph(text('اقتباس ثان'))] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph(text('بند واحد'))] },
        { type: 'listItem', content: [paragraph(text('بند'), { type: 'hardBreak' }, text('بسطرين'))] },
      ],
    },
    { type: 'horizontalRule' },
    paragraph(text('الخاتمة')),
  ],
};

describe('docText and textWithPositions', () => {
  it('give the same text for the same document', () => {
    const expected = [
      'عنوان فرعي',
      'الفقرة الأولى بخط عريض.',
      'الفقرة الثانية فيها الاقتباس المطلوب هنا.',
      'اقتباس أول',
      'اقتباس ثان',
      'بند واحد',
      'بند\nبسطرين',
      'الخاتمة',
    ].join('\n');
    expect(docText(DOC)).toBe(expected);
    const map = textWithPositions(Node.fromJSON(schema, DOC));
    expect(map.text).toBe(expected);
    expect(map.positions).toHaveLength(expected.length + 1);
    // Positions increase strictly, so the text order is the document order.
    expect(map.positions.every((pos, i) => i === 0 || pos > (map.positions[i - 1] ?? Infinity))).toBe(true);
  });

  it('agree on edge documents', () => {
    const docs: JSONContent[] = [
      { type: 'doc', content: [{ type: 'paragraph' }] },
      { type: 'doc', content: [paragraph({ type: 'hardBreak' })] },
      { type: 'doc', content: [paragraph(text('أ')), { type: 'paragraph' }, paragraph(text('ب'))] },
    ];
    for (const doc of docs) expect(textWithPositions(Node.fromJSON(schema, doc)).text).toBe(docText(doc));
    expect(docText({})).toBe('');
    expect(docText(null as unknown as JSONContent)).toBe('');
  });

  it('maps a quote resolved in the second paragraph to the ProseMirror range holding it, and back', () => {
    const doc = Node.fromJSON(schema, DOC);
    const map = textWithPositions(doc);
    const quote = 'الاقتباس المطلوب';
    const anchor = anchorOn(docText(DOC), quote);
    const range = resolveAnchor(map.text, anchor);
    expect(range).not.toBeNull();
    if (!range) return;
    const { from, to } = toDocRange(map, range.start, range.end);
    expect(doc.textBetween(from, to)).toBe(quote);
    expect(fromDocRange(map, from, to)).toEqual(range);
  });

  it('maps a selection across blocks and a hard break to text offsets and back', () => {
    const doc = Node.fromJSON(schema, DOC);
    const map = textWithPositions(doc);
    const start = map.text.indexOf('واحد');
    const end = map.text.indexOf('بسطرين') + 3;
    const { from, to } = toDocRange(map, start, end);
    expect(fromDocRange(map, from, to)).toEqual({ start, end });
    expect(doc.textBetween(from, to, '\n', '\n')).toBe(map.text.slice(start, end));
  });

  it('clamps out-of-range offsets and gives empty ranges for collapsed selections', () => {
    const map = textWithPositions(Node.fromJSON(schema, DOC));
    expect(toDocRange(map, 5, 5).from).toBe(toDocRange(map, 5, 5).to);
    expect(toDocRange(map, -10, 1e9)).toEqual({ from: map.positions[0], to: (map.positions[map.text.length - 1] ?? 0) + 1 });
    const caret = map.positions[3] ?? 0;
    expect(fromDocRange(map, caret, caret)).toEqual({ start: 3, end: 3 });
    expect(fromDocRange(map, 0, 1e9)).toEqual({ start: 0, end: map.text.length });
    const empty = textWithPositions(Node.fromJSON(schema, { type: 'doc', content: [{ type: 'paragraph' }] }));
    expect(toDocRange(empty, 0, 3)).toEqual({ from: 0, to: 0 });
    expect(fromDocRange(empty, 0, 2)).toEqual({ start: 0, end: 0 });
  });
});
