import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '@/test/db-server';
import { migrateDatabase } from './migrate';

const EXPECTED_TABLES = [
  'audit_log', 'authors', 'corrections', 'front_page_slots', 'media', 'notifications', 'published_stories', 'review_comments', 'search_rate_limits', 'sections',
  'settings', 'share_links', 'sign_in_throttles', 'slug_history', 'stories', 'story_authors', 'story_presence', 'story_revisions', 'story_tags', 'tags', 'user_tokens', 'users', 'workflow_events',
];

const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropDatabase(inject('adminUrl'), name);
});

async function freshDatabase() {
  const name = uniqueDatabaseName('sahifa_mig');
  created.push(name);
  return createDatabase(inject('adminUrl'), name);
}

async function tablesOf(url: string): Promise<string[]> {
  const client = postgres(url, { max: 1 });
  try {
    const rows = await client<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`;
    return rows.map((row) => row.table_name);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('apply from an empty database and create the whole data model', async () => {
    const url = await freshDatabase();
    expect(await tablesOf(url)).toEqual([]);
    await migrateDatabase(url);
    expect(await tablesOf(url)).toEqual(EXPECTED_TABLES);
  });

  it('create the search functions, the generated search vector and its indexes', async () => {
    const url = await freshDatabase();
    await migrateDatabase(url);
    const client = postgres(url, { max: 1 });
    try {
      const functions = await client<{ proname: string; provolatile: string }[]>`
        select proname, provolatile from pg_proc where proname like 'sahifa\_%' order by proname`;
      expect(functions.map((f) => f.proname)).toEqual([
        'sahifa_field_vector', 'sahifa_normalize', 'sahifa_query_term', 'sahifa_search_vector', 'sahifa_stem_text', 'sahifa_strip_clitics', 'sahifa_strip_definite',
      ]);
      expect(functions.every((f) => f.provolatile === 'i')).toBe(true);
      const [column] = await client<{ generated: string }[]>`
        select attgenerated as generated from pg_attribute where attrelid = 'published_stories'::regclass and attname = 'search_vector'`;
      expect(column?.generated).toBe('s');
      const indexes = await client<{ indexname: string }[]>`
        select indexname from pg_indexes where indexname in ('published_stories_search_idx', 'stories_search_idx') order by indexname`;
      expect(indexes.map((i) => i.indexname)).toEqual(['published_stories_search_idx', 'stories_search_idx']);
    } finally {
      await client.end();
    }
  });

  it('are idempotent, and safe when two processes start at once', async () => {
    const url = await freshDatabase();
    await Promise.all([migrateDatabase(url), migrateDatabase(url), migrateDatabase(url)]);
    await migrateDatabase(url);
    expect(await tablesOf(url)).toEqual(EXPECTED_TABLES);
    const client = postgres(url, { max: 1 });
    const [journal] = await client<{ count: string }[]>`select count(*)::text as count from drizzle.__drizzle_migrations`;
    await client.end();
    const { readdirSync } = await import('node:fs');
    expect(Number(journal?.count)).toBe(readdirSync('drizzle').filter((file) => file.endsWith('.sql')).length);
  });
});
