import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, queryProblem, slugPageQuery, storiesQuery } from './params';

const ID = '0b7c4b52-6c6a-4c2e-9d0e-2f1f2a3b4c5d';

describe('content API parameters', () => {
  it('round-trips a cursor, and refuses forged or foreign ones', () => {
    const cursor = { order: 'newest', value: '2026-12-06 10:00:00.123456+00', id: ID } as const;
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor('not base64 json')).toBeNull();
    // Whatever goes back into SQL is checked: a timestamp and a uuid for a story cursor.
    expect(decodeCursor(encodeCursor({ order: 'newest', value: "1'; drop table stories; --", id: ID }))).toBeNull();
    expect(decodeCursor(encodeCursor({ order: 'updated', value: '2026-12-06T10:00:00Z', id: 'x' }))).toBeNull();
  });

  it('reads the stories query with defaults', () => {
    expect(storiesQuery.parse({})).toEqual({ limit: 20, order: 'newest', cursor: null });
    const parsed = storiesQuery.parse({ limit: '5', order: 'updated', updated_since: '2026-12-01T00:00:00+03:00', tag: 'ذكاء-اصطناعي' });
    expect(parsed).toMatchObject({ limit: 5, order: 'updated', tag: 'ذكاء-اصطناعي', updated_since: new Date('2026-11-30T21:00:00Z') });
  });

  it('names the parameter it refuses', () => {
    const problem = (input: Record<string, string>) => {
      const result = storiesQuery.safeParse(input);
      return result.success ? null : queryProblem(result.error).parameter;
    };
    expect(problem({ limit: '0' })).toBe('limit');
    expect(problem({ limit: '101' })).toBe('limit');
    expect(problem({ updated_since: 'yesterday' })).toBe('updated_since');
    expect(problem({ section: 'Not A Slug!' })).toBe('section');
    expect(problem({ sort: 'asc' })).toBe('sort');
    // A cursor from the other order would skip or repeat stories.
    expect(problem({ order: 'updated', cursor: encodeCursor({ order: 'newest', value: '2026-12-06 10:00:00+00', id: ID }) })).toBe('cursor');
    expect(slugPageQuery.safeParse({ cursor: encodeCursor({ order: 'newest', value: '2026-12-06 10:00:00+00', id: ID }) }).success).toBe(false);
  });
});
