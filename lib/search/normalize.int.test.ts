import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { connectTestDb } from '@/test/db';
import { normalizeArabic } from './normalize';
import { TRICKY_STRINGS } from './normalize-fixtures';

// The two normalizers must agree exactly: the SQL one builds the index and
// the query, the TypeScript one picks snippet candidates.
const { db, client } = connectTestDb();
afterAll(() => client.end());

describe('normalization in SQL and in TypeScript', () => {
  it('agree on every tricky string and on the seed story', async () => {
    const inputs = [...TRICKY_STRINGS, readFileSync('db/seed-story.ar.txt', 'utf8')];
    const rows = await db.execute<{ input: string; normalized: string }>(sql`
      select input, public.sahifa_normalize(input) as normalized from jsonb_array_elements_text(${JSON.stringify(inputs)}::jsonb) as input`);
    expect(rows.map((row) => row.input)).toEqual(inputs);
    for (const row of rows) expect(normalizeArabic(row.input), JSON.stringify(row.input)).toBe(row.normalized);
  });

  it('is null for null in SQL, as a STRICT function', async () => {
    const [row] = await db.execute<{ normalized: string | null }>(sql`select public.sahifa_normalize(null) as normalized`);
    expect(row?.normalized).toBeNull();
  });
});
