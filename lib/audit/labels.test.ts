import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_AUDIT_ACTIONS, AUDIT_AREAS } from './actions';
import { actionLabelKey, changedFields, fieldText, valueText, type Words } from './labels';

type Tree = { [key: string]: string | Tree };
const catalogue = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Tree;
const lookup = (tree: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
const arabic = catalogue('ar');
const words: Words = { label: (key) => { const text = lookup(arabic, key); return typeof text === 'string' ? text : null; }, date: (date) => `DATE(${date.toISOString()})` };

describe('audit labels', () => {
  it('has an Arabic and an English label for every action and area recorded (lib/audit/actions.ts)', () => {
    for (const locale of ['ar', 'en']) {
      const tree = catalogue(locale);
      for (const action of ALL_AUDIT_ACTIONS) expect(lookup(tree, `audit.${actionLabelKey(action)}`), `${locale} ${action}`).toBeTypeOf('string');
      for (const area of AUDIT_AREAS) expect(lookup(tree, `audit.areas.${area}`), `${locale} ${area}`).toBeTypeOf('string');
    }
    expect(lookup(arabic, `audit.${actionLabelKey('user.deactivate')}`)).toBe('تعطيل حساب');
    expect(lookup(arabic, `audit.${actionLabelKey('story.take_down')}`)).toBe('حجب قصة');
  });

  it('lists only the fields that changed', () => {
    expect(changedFields({ role: 'writer', status: 'active' }, { role: 'editor', status: 'active' })).toEqual([{ field: 'role', before: 'writer', after: 'editor' }]);
    expect(changedFields(null, { expiresAt: '2026-12-06T10:00:00Z' })).toEqual([{ field: 'expiresAt', before: undefined, after: '2026-12-06T10:00:00Z' }]);
    expect(changedFields({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual([{ field: 'tags', before: ['a'], after: ['a', 'b'] }]);
    expect(changedFields(undefined, undefined)).toEqual([]);
  });

  it('says each change in words: field names, state and role names, yes and no, dates, lists; never JSON', () => {
    const story = changedFields({ editorialState: 'approved', publicationState: 'published' }, { editorialState: 'approved', publicationState: 'taken_down', reason: 'خطأ في الاسم' });
    expect(story.map((c) => [fieldText(c.field, words), valueText(c.field, c.before, words), valueText(c.field, c.after, words)])).toEqual([
      ['حالة النشر', 'منشورة', 'مسحوبة'],
      ['السبب', '—', 'خطأ في الاسم'],
    ]);
    expect(valueText('role', 'editor', words)).toBe('محرر');
    expect(valueText('showHijri', true, words)).toBe('نعم');
    expect(valueText('expiresAt', '2026-12-06T10:00:00.000Z', words)).toBe('DATE(2026-12-06T10:00:00.000Z)');
    const front = valueText('after', [{ position: 1, storyId: 'x' }], words);
    expect(front).toBe('الترتيب: 1، القصة: x');
    expect(front).not.toMatch(/[{}"[\]]/);
  });
});
