import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS, isConfigurable } from '@/lib/checklist/rules';
import { checklistSettingsSchema, siteSettingsSchema } from './schemas';

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

describe('siteSettingsSchema', () => {
  const valid = { siteName: ' صحيفة ', siteDescription: '', digits: 'arab', timeZone: 'Asia/Riyadh' };

  it('accepts a site, trimming its name, with the Hijri line off unless ticked', () => {
    expect(siteSettingsSchema.parse(valid)).toEqual({ siteName: 'صحيفة', siteDescription: '', digits: 'arab', showHijri: false, timeZone: 'Asia/Riyadh', logoMediaId: null, shareImageMediaId: null });
    expect(siteSettingsSchema.parse({ ...valid, showHijri: 'on' }).showHijri).toBe(true);
  });

  it('takes a library image id, or none, for the logo and the share image', () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect(siteSettingsSchema.parse({ ...valid, logoMediaId: id, shareImageMediaId: '' })).toMatchObject({ logoMediaId: id, shareImageMediaId: null });
    expect(siteSettingsSchema.safeParse({ ...valid, logoMediaId: 'https://evil.example/logo.png' }).error?.issues[0]).toMatchObject({ path: ['logoMediaId'], message: 'errors.invalidChoice' });
  });

  it('refuses an unknown time zone, an empty name and other digits', () => {
    expect(siteSettingsSchema.safeParse({ ...valid, timeZone: 'Mars/Olympus' }).error?.issues[0]?.message).toBe('errors.settings.timeZone');
    expect(siteSettingsSchema.safeParse({ ...valid, siteName: '  ' }).success).toBe(false);
    expect(siteSettingsSchema.safeParse({ ...valid, digits: 'roman' }).success).toBe(false);
  });
});
