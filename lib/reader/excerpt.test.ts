import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt';

describe('excerpt', () => {
  it('takes the first paragraph whole when it is short', () => {
    expect(excerpt('\n\nأعلنت الشركة نتائجها.\n\nوفي تفاصيل أخرى')).toBe('أعلنت الشركة نتائجها.');
  });

  it('cuts a long paragraph between words, never inside one', () => {
    const words = Array.from({ length: 60 }, (_, i) => `كلمة${i}`).join(' ');
    const cut = excerpt(words);
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut.endsWith('…')).toBe(true);
    expect(words.startsWith(cut.slice(0, -1))).toBe(true);
    expect(words[cut.length - 1]).toBe(' ');
  });
});
