import { createFormatter, createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import ar from '../messages/ar.json';
import en from '../messages/en.json';
import { staffFormats, type Digits } from './format';

// Counts and dates in the staff UI follow the site's digits setting: messages
// format every number through the `count` format, and the formatter's named
// formats carry the numbering system. Reader messages get preformatted numbers.

const at = new Date('2026-12-06T09:05:00Z');
const translator = (locale: 'ar' | 'en', digits: Digits) => createTranslator({ locale, messages: locale === 'ar' ? ar : en, formats: staffFormats(locale, digits), timeZone: 'Asia/Riyadh' });
const formatter = (locale: 'ar' | 'en', digits: Digits) => createFormatter({ locale, formats: staffFormats(locale, digits), timeZone: 'Asia/Riyadh' });

describe('staff counts follow the digits setting', () => {
  it('writes queue, list, bell and search counts in Arabic-Indic digits when the site says so', () => {
    const t = translator('ar', 'arab');
    expect(t('desk.count', { count: 12 })).toBe('١٢ قصة');
    expect(t('desk.seeAll', { count: 1234 })).toBe('عرضها كلها في قائمة القصص (١٬٢٣٤)');
    expect(t('structure.storyCount', { count: 3 })).toBe('٣ قصص');
    expect(t('stories.count', { count: 11 })).toBe('١١ قصة');
    expect(t('notifications.bell', { count: 5 })).toBe('الإشعارات، ٥ غير مقروءة');
    expect(t('stories.page', { page: 2, pages: 7 })).toBe('صفحة ٢ من ٧');
    expect(t('editor.headlineCount', { count: 40, max: 250 })).toBe('٤٠ / ٢٥٠ حرفًا');
    expect(formatter('ar', 'arab').number(99, 'count')).toBe('٩٩');
    expect(formatter('ar', 'arab').dateTime(at, 'time')).toBe('١٢:٠٥ م');
  });

  it('writes Western digits when the site says so, and always in the English UI', () => {
    expect(translator('ar', 'latn')('desk.count', { count: 12 })).toBe('12 قصة');
    expect(formatter('ar', 'latn').dateTime(at, 'time')).toBe('12:05 م');
    expect(translator('en', 'arab')('desk.count', { count: 12 })).toBe('12 stories');
  });

  it('leaves no number in a staff message to the locale default', () => {
    const flat = (tree: object, prefix = ''): [string, string][] =>
      Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flat(value as object, `${prefix}${key}.`)));
    // Reader pages pass their numbers already formatted (lib/reader/format.ts).
    const reader = /^(site|pagination|search)\./;
    for (const [key, text] of [...flat(ar), ...flat(en)].filter(([key]) => !reader.test(key))) {
      expect(text.includes('#'), key).toBe(false);
      expect(/\{\w+, number\}/.test(text), key).toBe(false);
      expect(/\{(count|max|min|page|pages|days|minutes|version)\}/.test(text), key).toBe(false);
    }
  });
});
