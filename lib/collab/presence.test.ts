import { describe, expect, it } from 'vitest';
import { colourOf, initialsOf, PRESENCE_COLOURS } from './presence';

describe('presence', () => {
  it('gives each person one colour, the same wherever it is computed, from the palette', () => {
    const id = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
    expect(colourOf(id)).toBe(colourOf(id));
    expect(PRESENCE_COLOURS).toContain(colourOf(id));
    const spread = new Set(Array.from({ length: 50 }, (_, index) => colourOf(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`)));
    expect(spread.size).toBeGreaterThan(5);
  });

  it('writes initials from the first and last words, in any script', () => {
    expect(initialsOf('سارة أحمد')).toBe('سأ');
    expect(initialsOf('Ada King Lovelace')).toBe('AL');
    expect(initialsOf('  محرر ')).toBe('م');
    expect(initialsOf('')).toBe('?');
  });
});
