import { describe, expect, it } from 'vitest';
import ar from '../../messages/ar.json';
import en from '../../messages/en.json';
import { evaluateChecklist, type ChecklistFacts, type ChecklistStep } from './evaluate';
import { CHECKLIST_ITEMS, SEVERITIES, type ChecklistPolicy } from './rules';

// Every key the checklist can hand to the UI exists in the catalogue, so no
// result or refusal ever shows a raw key.

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), tree);

const everyItem: ChecklistPolicy = { headline: 'warning', standfirst: 'warning', section: 'blocker', tags: 'warning', comments: 'warning', seoDescription: 'warning', slugChange: 'warning', imageAlt: 'warning' };
const b = (n: number) => 'ب'.repeat(n);
const variants: ChecklistFacts[] = [
  { headline: b(20), standfirst: b(80), seoDescription: null, hasSection: true, tagCount: 1, openInlineComments: 0, imageAlts: [], slugChange: { slug: 'أ', liveSlug: null } },
  { headline: b(5), standfirst: '', seoDescription: null, hasSection: false, tagCount: 0, openInlineComments: 2, imageAlts: ['', 'نص'], slugChange: { slug: 'ب', liveSlug: 'أ' } },
  { headline: b(200), standfirst: b(10), seoDescription: '', hasSection: true, tagCount: 1, openInlineComments: 0, imageAlts: ['نص'], slugChange: { slug: 'أ', liveSlug: 'أ' } },
  { headline: b(20), standfirst: b(300), seoDescription: null, hasSection: true, tagCount: 1, openInlineComments: 0, imageAlts: ['نص'], slugChange: null },
  { headline: b(20), standfirst: '', seoDescription: b(10), hasSection: true, tagCount: 1, openInlineComments: 0, imageAlts: ['نص'], slugChange: null },
  { headline: b(20), standfirst: '', seoDescription: b(200), hasSection: true, tagCount: 1, openInlineComments: 0, imageAlts: ['نص'], slugChange: null },
  { headline: b(20), standfirst: '', seoDescription: b(100), hasSection: true, tagCount: 1, openInlineComments: 0, imageAlts: ['نص'], slugChange: null },
];

describe('checklist messages', () => {
  const keys = new Set<string>();
  for (const facts of variants) {
    for (const result of evaluateChecklist(facts, everyItem)) {
      keys.add(result.message);
      if (result.detail) keys.add(result.detail.key);
    }
  }
  for (const step of ['approve', 'publish', 'schedule'] as ChecklistStep[]) keys.add(`errors.checklist.blocked.${step}`).add(`errors.checklist.unacknowledged.${step}`);
  for (const item of CHECKLIST_ITEMS) keys.add(`checklist.items.${item}.label`).add(`checklist.items.${item}.hint`);
  for (const severity of SEVERITIES) keys.add(`settings.checklist.severities.${severity}`);

  it('reaches every result message of the catalogue, so none is left unused or untested', () => {
    const results = lookup(ar, 'checklist.results') as Record<string, Record<string, string>>;
    const catalogue = Object.entries(results).flatMap(([item, outcomes]) => Object.keys(outcomes).map((outcome) => `checklist.results.${item}.${outcome}`));
    expect([...keys].filter((key) => key.startsWith('checklist.results.')).sort()).toEqual(catalogue.sort());
  });

  it('has every key in both languages', () => {
    for (const key of keys) {
      expect(typeof lookup(ar, key), `ar ${key}`).toBe('string');
      expect(typeof lookup(en, key), `en ${key}`).toBe('string');
    }
  });
});
