import { describe, expect, it } from 'vitest';
import { slugFromParam } from './params';

describe('slugFromParam', () => {
  it('accepts decoded and percent-encoded slugs', () => {
    expect(slugFromParam('technology')).toBe('technology');
    expect(slugFromParam('سوفت-بنك')).toBe('سوفت-بنك');
    expect(slugFromParam(encodeURIComponent('سوفت-بنك'))).toBe('سوفت-بنك');
  });

  it.each([
    ['..'],
    ['%2E%2E'],
    ['%E0%A4%A'],
    ['%C3%28'],
    ['a'.repeat(2000)],
    ['Upper-Case'],
    ['with space'],
    ['-leading'],
    [''],
  ])('refuses %s', (raw) => {
    expect(slugFromParam(raw)).toBeNull();
  });
});
