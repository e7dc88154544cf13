import { describe, expect, it } from 'vitest';
import { commentBodyError } from '@/lib/comments/mentions';
import { paragraphsToDoc } from '@/lib/content/document';
import { mediaTextSchema } from '@/lib/media/schemas';
import { createSectionSchema } from '@/lib/sections/schemas';
import { siteSettingsSchema } from '@/lib/settings/schemas';
import { storySaveSchema } from '@/lib/stories/schemas';
import { createUserSchema, profileSchema } from '@/lib/users/schemas';
import { hasControlChars, stripControlChars } from './control-chars';

// Every staff text field refuses control characters with the field's own
// message, the one comments always used: the save answers 422, nothing
// reaches Postgres (which refuses NUL in text with a 500) or the error log.

const HOSTILE = ['\u0000', '\u0007', '\u001B[31m', '\u007F', '\u202E'];

const story = {
  baseVersion: 1,
  kicker: '',
  headline: 'عنوان',
  standfirst: '',
  body: paragraphsToDoc(['نص']),
  language: 'ar',
  slug: '',
  sectionId: null,
  seoTitle: '',
  seoDescription: '',
  tags: [],
  bylines: [],
};
const leadImage = { id: '00000000-0000-4000-8000-000000000000', alt: 'وصف', caption: null, credit: null };

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]);
}

describe('one definition of control characters', () => {
  it('allows tab and line breaks and direction marks, refuses the rest', () => {
    expect(hasControlChars('سطر\nسطر\tو\r\u200Fعلامة')).toBe(false);
    for (const bad of HOSTILE) expect(hasControlChars(`a${bad}b`), JSON.stringify(bad)).toBe(true);
    expect(stripControlChars('a\u0000b\u202Ec\n')).toBe('abc\n');
  });

  it('refuses tabs, line breaks and direction marks in a one-line label, as section and tag names', () => {
    for (const bad of ['\n', '\t', '\r', '\u200F', '\u200E', '\u061C', ...HOSTILE]) {
      expect(hasControlChars(`a${bad}b`, 'label'), JSON.stringify(bad)).toBe(true);
      expect(createSectionSchema.safeParse({ name: `قسم${bad}عام`, slug: '' }).error?.issues[0]?.message, JSON.stringify(bad)).toBe('errors.controlChars');
    }
    expect(hasControlChars('OpenAI للأخبار', 'label')).toBe(false);
    expect(createSectionSchema.safeParse({ name: 'قسم', slug: '', description: 'سطر\nسطر\u200F' }).success).toBe(true);
  });

  it('is the one comments use', () => {
    expect(commentBodyError('تعليق\u0000')).toBe('errors.comments.controlChars');
  });
});

describe('staff text fields refuse control characters with the field message', () => {
  it.each(['headline', 'kicker', 'standfirst', 'seoTitle', 'seoDescription'])('story %s', (field) => {
    for (const bad of HOSTILE) expect(issuesOf(storySaveSchema.safeParse({ ...story, [field]: `نص${bad}` }))).toEqual([[field, 'errors.controlChars']]);
  });

  it('story tags and lead image text', () => {
    expect(issuesOf(storySaveSchema.safeParse({ ...story, tags: ['وسم', 'x\u0000'] }))).toEqual([['tags.1', 'errors.controlChars']]);
    for (const field of ['alt', 'caption', 'credit'])
      expect(issuesOf(storySaveSchema.safeParse({ ...story, leadImage: { ...leadImage, [field]: 'a\u0000' } }))).toEqual([[`leadImage.${field}`, 'errors.controlChars']]);
  });

  it('story body: text, figure text and link titles', () => {
    expect(issuesOf(storySaveSchema.safeParse({ ...story, body: paragraphsToDoc(['نص\u0000']) }))).toEqual([['body', 'errors.bodyControlChars']]);
    const figure = { type: 'doc', content: [{ type: 'figure', attrs: { mediaId: leadImage.id, alt: 'a', caption: 'b\u202E', credit: '' } }] };
    expect(issuesOf(storySaveSchema.safeParse({ ...story, body: figure }))).toEqual([['body', 'errors.bodyControlChars']]);
  });

  it('profile, new user, site settings and media library', () => {
    expect(issuesOf(profileSchema.safeParse({ displayName: 'سارة', locale: 'ar', bio: 'نبذة\u0000' }))).toEqual([['bio', 'errors.controlChars']]);
    expect(issuesOf(profileSchema.safeParse({ displayName: 'سارة\u0000', locale: 'ar' }))).toEqual([['displayName', 'errors.controlChars']]);
    expect(issuesOf(createUserSchema.safeParse({ email: 'a@b.co', displayName: 'سارة', role: 'writer', jobTitle: 'محررة\u0007' }))).toEqual([['jobTitle', 'errors.controlChars']]);
    expect(issuesOf(siteSettingsSchema.safeParse({ siteName: 'صحيفة\u0000', siteDescription: '', digits: 'arab', timeZone: 'Asia/Riyadh' }))).toEqual([['siteName', 'errors.controlChars']]);
    expect(issuesOf(mediaTextSchema.safeParse({ id: leadImage.id, alt: 'a\u0000', caption: '', credit: '', source: '' }))).toEqual([['alt', 'errors.controlChars']]);
  });

  it('leaves clean text alone', () => {
    expect(storySaveSchema.safeParse({ ...story, headline: 'OpenAI تطلق\tنموذجًا', tags: ['تقنية'] }).success).toBe(true);
  });
});
