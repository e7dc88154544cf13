import { describe, expect, it } from 'vitest';
import { searchParamsSchema } from './schemas';

describe('searchParamsSchema', () => {
  it('reads q, page and sort from the URL', () => {
    expect(searchParamsSchema.parse({ q: ' استثمار ', page: '3', sort: 'newest' })).toEqual({ q: 'استثمار', page: 3, sort: 'newest' });
  });

  it('falls back to defaults on anything malformed, never throwing', () => {
    expect(searchParamsSchema.parse({})).toEqual({ q: '', page: 1, sort: 'relevance' });
    expect(searchParamsSchema.parse({ q: ['أول', 'ثان'], page: ['2', '9'], sort: 'bogus' })).toEqual({ q: 'أول', page: 2, sort: 'relevance' });
    for (const page of ['0', '-1', 'abc', '1.5', '51', '1e9']) expect(searchParamsSchema.parse({ q: 'x', page }).page, page).toBe(1);
  });
});

describe('control characters in q', () => {
  it('drops NUL and the other controls instead of passing them to Postgres', () => {
    expect(searchParamsSchema.parse({ q: 'a\u0000' }).q).toBe('a');
    expect(searchParamsSchema.parse({ q: 'اس\u0007تثمار\u202E' }).q).toBe('استثمار');
    expect(searchParamsSchema.parse({ q: '\u0000\u0001' }).q).toBe('');
  });
});
