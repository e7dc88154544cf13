import { describe, expect, it } from 'vitest';
import { choosePlan } from './plan';

describe('choosePlan', () => {
  it('walks the date index for a word in most stories, whatever the size', () => {
    expect(choosePlan({ needed: 20, matches: 770_000, stories: 1_000_000 })).toBe('date-index');
    expect(choosePlan({ needed: 1000, matches: 770_000, stories: 1_000_000 })).toBe('date-index');
    expect(choosePlan({ needed: 20, matches: 77_000, stories: 100_000 })).toBe('date-index');
  });

  it('takes the bitmap for a rare word, and for small or unanalysed tables', () => {
    expect(choosePlan({ needed: 20, matches: 240, stories: 1_000_000 })).toBe('bitmap');
    expect(choosePlan({ needed: 20, matches: 30, stories: 40 })).toBe('bitmap');
    expect(choosePlan({ needed: 20, matches: 0, stories: 0 })).toBe('bitmap');
  });

  it('weighs how many matches the query needs: ranking needs a thousand, a first page twenty', () => {
    // A word in 3.5 % of a million stories: 571 vector reads for a page, 28,571 for the candidates.
    expect(choosePlan({ needed: 20, matches: 35_000, stories: 1_000_000 })).toBe('date-index');
    expect(choosePlan({ needed: 1000, matches: 35_000, stories: 1_000_000 })).toBe('bitmap');
  });
});
