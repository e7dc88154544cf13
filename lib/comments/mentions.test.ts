import { describe, expect, it } from 'vitest';
import { commentBodyError, findMentions, looseName, mentionSegments } from './mentions';

const staff = [
  { id: 'a', name: 'عمر' },
  { id: 'b', name: 'عمر الفاروق' },
  { id: 'c', name: 'ليلى حداد' },
  { id: 'd', name: 'Sam Lee' },
];

describe('findMentions', () => {
  it('finds names with spaces, in either script, each once', () => {
    const found = findMentions('@ليلى حداد راجعي هذا، و@Sam Lee أيضًا. @ليلى حداد؟', staff);
    expect(found.map((m) => m.id).sort()).toEqual(['c', 'd']);
  });

  it('prefers the longest name, so «@عمر الفاروق» is not also «@عمر»', () => {
    expect(findMentions('شكرًا @عمر الفاروق', staff).map((m) => m.id)).toEqual(['b']);
    expect(findMentions('شكرًا @عمر والبقية', staff).map((m) => m.id)).toEqual(['a']);
    expect(findMentions('@عمر، و@عمر الفاروق', staff).map((m) => m.id).sort()).toEqual(['a', 'b']);
  });

  it('needs the @ and a word boundary after the name', () => {
    expect(findMentions('ليلى حداد كتبت', staff)).toEqual([]);
    expect(findMentions('@ليلى حدادين', staff)).toEqual([]);
  });
});

describe('mentionSegments', () => {
  it('cuts the body into text and mentions, keeping every character', () => {
    const body = 'انظري @ليلى حداد <script>x</script>';
    const segments = mentionSegments(body, [{ id: 'c', name: 'ليلى حداد' }]);
    expect(segments).toEqual([
      { text: 'انظري ', mention: false },
      { text: '@ليلى حداد', mention: true },
      { text: ' <script>x</script>', mention: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(body);
  });
});

describe('looseName', () => {
  it('ignores hamza forms, harakat and case', () => {
    expect(looseName('إِسْلام')).toBe(looseName('اسلام'));
    expect(looseName('Sam')).toBe('sam');
  });
});

describe('commentBodyError', () => {
  it('refuses empty, oversized and control-character bodies, and accepts line breaks', () => {
    expect(commentBodyError('   ')).toBe('errors.required');
    expect(commentBodyError('ا'.repeat(2001))).toBe('errors.comments.tooLong');
    expect(commentBodyError('a\u0000b')).toBe('errors.comments.controlChars');
    expect(commentBodyError('a\u202Eb')).toBe('errors.comments.controlChars');
    expect(commentBodyError('سطر\nوسطر\tآخر')).toBeNull();
  });
});
