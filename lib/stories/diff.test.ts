import { describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '@/lib/content/document';
import { blockTexts, diffDocuments, diffFields, diffText } from './diff';

describe('diffText on Arabic', () => {
  it('diffs whole words, clitics included, not letters', () => {
    const changes = diffText('سوفت بنك تخطط لاستثمار ضخم', 'سوفت بنك تخطط لاستثمارات كبيرة');
    expect(changes.filter((c) => c.removed).map((c) => c.value)).toEqual(['لاستثمار ضخم']);
    expect(changes.filter((c) => c.added).map((c) => c.value)).toEqual(['لاستثمارات كبيرة']);
    expect(changes.filter((c) => !c.added && !c.removed).map((c) => c.value)).toEqual(['سوفت بنك تخطط ']);
  });

  it('keeps Latin runs and figures whole inside Arabic', () => {
    const changes = diffText('ضخ 15 مليار دولار في OpenAI', 'ضخ 25 مليار دولار في OpenAL');
    expect(changes.filter((c) => c.removed).map((c) => c.value)).toEqual(['15', 'OpenAI']);
    expect(changes.filter((c) => c.added).map((c) => c.value)).toEqual(['25', 'OpenAL']);
  });

  it('gathers a rewritten phrase into one deletion and one insertion', () => {
    const changes = diffText('في OpenAI، بحسب فايننشال تايمز.', 'في OpenAI. وقد تتجاوز مايكروسوفت.');
    expect(changes.filter((c) => c.removed).map((c) => c.value)).toEqual(['، بحسب فايننشال تايمز']);
    expect(changes.filter((c) => c.added).map((c) => c.value)).toEqual(['. وقد تتجاوز مايكروسوفت']);
  });

  it('rebuilds both texts exactly from its parts', () => {
    const before = 'هذا التطور دفع كلًا من مايكروسوفت وOpenAI إلى فتح تحقيق';
    const after = 'هذا التطور دفع مايكروسوفت وOpenAI وجوجل إلى فتح تحقيق مشترك';
    const changes = diffText(before, after);
    expect(changes.filter((c) => !c.added).map((c) => c.value).join('')).toBe(before);
    expect(changes.filter((c) => !c.removed).map((c) => c.value).join('')).toBe(after);
  });
});

describe('diffDocuments', () => {
  it('aligns blocks: same, changed with word diff, added and removed', () => {
    const before = paragraphsToDoc(['الأولى كما هي', 'الثانية قبل التعديل', 'الثالثة ستحذف']);
    const after = paragraphsToDoc(['الأولى كما هي', 'الثانية بعد التعديل', 'فقرة جديدة', 'وأخرى']);
    const changes = diffDocuments(before, after);
    expect(changes.map((c) => c.kind)).toEqual(['same', 'changed', 'changed', 'added']);
    const first = changes[1];
    expect(first?.kind === 'changed' && first.words.some((w) => w.removed && w.value === 'قبل')).toBe(true);
  });

  it('reports a pure insertion as one added block', () => {
    const changes = diffDocuments(paragraphsToDoc(['أ', 'ج']), paragraphsToDoc(['أ', 'ب', 'ج']));
    expect(changes).toEqual([
      { kind: 'same', text: 'أ', dir: 'rtl' },
      { kind: 'added', text: 'ب', dir: 'rtl' },
      { kind: 'same', text: 'ج', dir: 'rtl' },
    ]);
  });

  it('shows a forced direction, and a change of it alone is a change', () => {
    const plain = paragraphsToDoc(['OpenAI ليست شركة ربحية', 'Apple unveiled it']);
    const forced = { ...plain, content: [{ ...plain.content![0]!, attrs: { dir: 'ltr' } }, plain.content![1]!] };
    const changes = diffDocuments(plain, forced);
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatchObject({ kind: 'changed', dir: 'ltr', forced: { before: null, after: 'ltr' } });
    expect(changes[1]).toEqual({ kind: 'same', text: 'Apple unveiled it', dir: 'ltr' });
    // Unforced, the block reads by its dominant script, not its first letter.
    expect(diffDocuments(forced, plain)[0]).toMatchObject({ dir: 'rtl', forced: { before: 'ltr', after: null } });
  });

  it('walks into lists and quotes', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'بند' }] }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'اقتباس' }] }] },
      ],
    };
    expect(blockTexts(doc)).toEqual(['بند', 'اقتباس']);
  });
});

describe('diffFields', () => {
  it('lists only the fields that changed', () => {
    expect(diffFields({ headline: 'أ', slug: 'a', tags: 'x، y' }, { headline: 'ب', slug: 'a', tags: 'x' })).toEqual([
      { field: 'headline', before: 'أ', after: 'ب' },
      { field: 'tags', before: 'x، y', after: 'x' },
    ]);
  });
});
