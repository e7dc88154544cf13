import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS, isConfigurable } from '@/lib/checklist/rules';
import { checklistSettingsSchema } from './schemas';

describe('checklist settings form', () => {
  it('has a field for exactly the items the admin may set', () => {
    expect(Object.keys(checklistSettingsSchema.shape).sort()).toEqual(CHECKLIST_ITEMS.filter(isConfigurable).sort());
  });

  it('accepts the three severities and nothing else', () => {
    const valid = { headline: 'off', standfirst: 'warning', tags: 'blocker', comments: 'blocker', seoDescription: 'warning', slugChange: 'warning', imageAlt: 'blocker' };
    expect(checklistSettingsSchema.safeParse(valid).success).toBe(true);
    const wrong = checklistSettingsSchema.safeParse({ ...valid, tags: 'fatal' });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]).toMatchObject({ path: ['tags'], message: 'errors.invalidChoice' });
    expect(checklistSettingsSchema.safeParse({ ...valid, tags: undefined }).success).toBe(false);
  });
});
