import { describe, expect, it } from 'vitest';
import { checkDimensions, checkFileName, checkSize, DEFAULT_LIMITS, pixelLimit } from './limits';

describe('upload limits', () => {
  it('refuses empty files and files past 20 MB, and takes exactly 20 MB', () => {
    expect(checkSize(0, DEFAULT_LIMITS)).toBe('empty');
    expect(checkSize(20 * 1024 * 1024, DEFAULT_LIMITS)).toBeNull();
    expect(checkSize(20 * 1024 * 1024 + 1, DEFAULT_LIMITS)).toBe('tooLarge');
    expect(checkSize(200 * 1024 * 1024, DEFAULT_LIMITS)).toBe('tooLarge');
  });

  it('refuses more than 12,000 px on either side', () => {
    expect(checkDimensions(12_000, 12_000, DEFAULT_LIMITS)).toBeNull();
    expect(checkDimensions(12_001, 10, DEFAULT_LIMITS)).toBe('tooManyPixels');
    expect(checkDimensions(10, 50_000, DEFAULT_LIMITS)).toBe('tooManyPixels');
    expect(checkDimensions(undefined, 10, DEFAULT_LIMITS)).toBe('damaged');
  });

  it('caps decoding at the square of the side limit', () => {
    expect(pixelLimit(DEFAULT_LIMITS)).toBe(144_000_000);
  });

  it('refuses names that try to be paths', () => {
    expect(checkFileName('صورة الغلاف.jpg')).toBeNull();
    expect(checkFileName('../../etc/passwd.jpg')).toBe('badName');
    expect(checkFileName('..\\boot.ini')).toBe('badName');
    expect(checkFileName('a/b.png')).toBe('badName');
    expect(checkFileName('a\u0000.png')).toBe('badName');
    expect(checkFileName('')).toBe('badName');
  });
});
