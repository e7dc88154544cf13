import { describe, expect, it } from 'vitest';
import { blockersOf, checklistRefusal, evaluateChecklist, warningsOf, type ChecklistFacts } from './evaluate';
import { CHECKLIST_ITEMS, DEFAULT_POLICY, type ChecklistItem, type ChecklistPolicy, type Severity } from './rules';

// A story that passes every item at publish.
const good: ChecklistFacts = {
  headline: 'سوفت بنك تخطط لاستثمار ضخم في OpenAI',
  standfirst: 'تعتزم المجموعة اليابانية ضخ مليارات إضافية في الشركة المطوّرة لتشات جي بي تي.',
  seoDescription: null,
  hasSection: true,
  tagCount: 2,
  openInlineComments: 0,
  imageAlts: ['صورة الغلاف'],
  slugChange: { slug: 'سوفت-بنك', liveSlug: null },
};

const all = (severity: Severity): ChecklistPolicy => ({ ...Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, severity])), section: 'blocker' }) as ChecklistPolicy;
const resultOf = (facts: Partial<ChecklistFacts>, item: ChecklistItem, policy: ChecklistPolicy = DEFAULT_POLICY) =>
  evaluateChecklist({ ...good, ...facts }, policy).find((r) => r.item === item);
const outcome = (facts: Partial<ChecklistFacts>, item: ChecklistItem) => {
  const result = resultOf(facts, item);
  return result && [result.passed, result.message.split('.').at(-1)];
};
const chars = (n: number) => 'ب'.repeat(n);

describe('evaluateChecklist', () => {
  it('passes a complete story on every item, in the checklist order', () => {
    const results = evaluateChecklist(good, DEFAULT_POLICY);
    expect(results.map((r) => r.item)).toEqual(['headline', 'standfirst', 'section', 'tags', 'comments', 'seoDescription', 'slugChange', 'imageAlt']);
    expect(results.every((r) => r.passed)).toBe(true);
  });

  it('bounds the headline at 15 and 110 characters, inclusive', () => {
    expect(outcome({ headline: chars(14) }, 'headline')).toEqual([false, 'tooShort']);
    expect(outcome({ headline: chars(15) }, 'headline')).toEqual([true, 'ok']);
    expect(outcome({ headline: chars(110) }, 'headline')).toEqual([true, 'ok']);
    expect(outcome({ headline: chars(111) }, 'headline')).toEqual([false, 'tooLong']);
    expect(outcome({ headline: '' }, 'headline')).toEqual([false, 'tooShort']);
    expect(resultOf({ headline: chars(14) }, 'headline')?.detail).toEqual({ key: 'checklist.detail.length', values: { length: 14 } });
  });

  it('does not let tashkeel or padding push a headline over its bounds', () => {
    // 14 letters, each with a fatha: 28 code points, 14 characters.
    expect(outcome({ headline: 'بَ'.repeat(14) }, 'headline')).toEqual([false, 'tooShort']);
    expect(outcome({ headline: `   ${chars(110)}   ` }, 'headline')).toEqual([true, 'ok']);
  });

  it('wants a standfirst, a section and a tag', () => {
    expect(outcome({ standfirst: '  ', seoDescription: chars(60) }, 'standfirst')).toEqual([false, 'missing']);
    expect(outcome({ hasSection: false }, 'section')).toEqual([false, 'missing']);
    expect(outcome({ tagCount: 0 }, 'tags')).toEqual([false, 'missing']);
    expect(outcome({ tagCount: 1 }, 'tags')).toEqual([true, 'ok']);
  });

  it('counts open inline comments', () => {
    expect(outcome({ openInlineComments: 1 }, 'comments')).toEqual([false, 'open']);
    expect(resultOf({ openInlineComments: 3 }, 'comments')?.detail).toEqual({ key: 'checklist.detail.count', values: { count: 3 } });
  });

  it('bounds the SEO description at 50 and 160 characters, inclusive', () => {
    expect(outcome({ seoDescription: chars(49) }, 'seoDescription')).toEqual([false, 'tooShort']);
    expect(outcome({ seoDescription: chars(50) }, 'seoDescription')).toEqual([true, 'ok']);
    expect(outcome({ seoDescription: chars(160) }, 'seoDescription')).toEqual([true, 'ok']);
    expect(outcome({ seoDescription: chars(161) }, 'seoDescription')).toEqual([false, 'tooLong']);
  });

  it('judges an empty SEO description by the standfirst that stands in for it, as the reader page does', () => {
    expect(outcome({ seoDescription: '', standfirst: chars(80) }, 'seoDescription')).toEqual([true, 'okFromStandfirst']);
    expect(outcome({ seoDescription: null, standfirst: chars(49) }, 'seoDescription')).toEqual([false, 'tooShortFromStandfirst']);
    expect(outcome({ seoDescription: '  ', standfirst: chars(161) }, 'seoDescription')).toEqual([false, 'tooLongFromStandfirst']);
    // A description of its own wins over the standfirst, even a short one.
    expect(outcome({ seoDescription: chars(49), standfirst: chars(80) }, 'seoDescription')).toEqual([false, 'tooShort']);
    // Neither: the page falls back to the start of the body.
    expect(outcome({ seoDescription: null, standfirst: '' }, 'seoDescription')).toEqual([false, 'missing']);
  });

  it('asks for confirmation only when an update moves the slug readers have', () => {
    expect(outcome({ slugChange: { slug: 'جديد', liveSlug: null } }, 'slugChange')).toEqual([true, 'first']);
    expect(outcome({ slugChange: { slug: 'قديم', liveSlug: 'قديم' } }, 'slugChange')).toEqual([true, 'unchanged']);
    expect(outcome({ slugChange: { slug: 'جديد', liveSlug: 'قديم' } }, 'slugChange')).toEqual([false, 'changed']);
    expect(resultOf({ slugChange: { slug: 'جديد', liveSlug: 'قديم' } }, 'slugChange')?.detail).toEqual({ key: 'checklist.detail.slug', values: { from: 'قديم', to: 'جديد' } });
    // At approve the item does not apply.
    expect(resultOf({ slugChange: null }, 'slugChange')).toBeUndefined();
  });

  it('wants alt text on every image, and passes a story without images', () => {
    expect(resultOf({ imageAlts: [] }, 'imageAlt')).toMatchObject({ passed: true, message: 'checklist.results.imageAlt.none' });
    expect(resultOf({ imageAlts: ['غلاف', 'شجرة'] }, 'imageAlt')).toMatchObject({ passed: true, severity: 'blocker' });
    expect(resultOf({ imageAlts: ['غلاف', '  ', ''] }, 'imageAlt')).toMatchObject({ passed: false, severity: 'blocker', message: 'checklist.results.imageAlt.missing', detail: { key: 'checklist.detail.count', values: { count: 2 } } });
  });

  it('gives each item the severity the policy sets, and leaves out what it switches off', () => {
    const failing: ChecklistFacts = { headline: 'قصير', standfirst: '', seoDescription: null, hasSection: false, tagCount: 0, openInlineComments: 2, imageAlts: [''], slugChange: { slug: 'ب', liveSlug: 'أ' } };
    for (const severity of ['blocker', 'warning'] as const) {
      const results = evaluateChecklist(failing, all(severity));
      expect(results).toHaveLength(8);
      for (const result of results) expect([result.item, result.severity, result.passed]).toEqual([result.item, result.item === 'section' ? 'blocker' : severity, false]);
    }
    expect(evaluateChecklist(failing, all('off')).map((r) => r.item)).toEqual(['section']);
  });

  it('sorts failures into blockers and warnings; passes are neither', () => {
    const results = evaluateChecklist({ ...good, hasSection: false, tagCount: 0 }, DEFAULT_POLICY);
    expect(blockersOf(results).map((r) => r.item)).toEqual(['section']);
    expect(warningsOf(results).map((r) => r.item)).toEqual(['tags']);
  });
});

describe('checklistRefusal', () => {
  const blocked = evaluateChecklist({ ...good, hasSection: false, tagCount: 0 }, DEFAULT_POLICY);
  const warned = evaluateChecklist({ ...good, tagCount: 0, standfirst: '', seoDescription: chars(60) }, DEFAULT_POLICY);

  it('always refuses a blocker, naming each blocking item and nothing else', () => {
    for (const acknowledged of [false, true]) {
      expect(checklistRefusal(blocked, 'publish', acknowledged)).toEqual({ error: 'errors.checklist.blocked.publish', fieldErrors: { section: 'checklist.results.section.missing' } });
    }
  });

  it('refuses warnings until they are acknowledged, naming each', () => {
    expect(checklistRefusal(warned, 'schedule', false)).toEqual({
      error: 'errors.checklist.unacknowledged.schedule',
      fieldErrors: { standfirst: 'checklist.results.standfirst.missing', tags: 'checklist.results.tags.missing' },
    });
    expect(checklistRefusal(warned, 'schedule', true)).toBeNull();
  });

  it('lets a clean story through, acknowledged or not', () => {
    const clean = evaluateChecklist(good, DEFAULT_POLICY);
    expect(checklistRefusal(clean, 'approve', false)).toBeNull();
    expect(checklistRefusal(clean, 'approve', true)).toBeNull();
  });
});
