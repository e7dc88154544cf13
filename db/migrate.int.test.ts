import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '@/test/db-server';
import { migrateDatabase } from './migrate';
import * as schema from './schema';

// The tables the schema defines (db/schema/): the migrations must create exactly these.
const EXPECTED_TABLES = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableConfig(table).name)
  .sort();

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
      // The text functions are IMMUTABLE (indexes and the generated column use them); the vocabulary's upkeep (triggers) writes, so it cannot be.
      const immutable = ['sahifa_field_vector', 'sahifa_normalize', 'sahifa_query_term', 'sahifa_search_vector', 'sahifa_stem_text', 'sahifa_strip_clitics', 'sahifa_strip_definite', 'sahifa_vocabulary'];
      const upkeep = ['sahifa_vocabulary_apply', 'sahifa_vocabulary_delete', 'sahifa_vocabulary_insert', 'sahifa_vocabulary_update'];
      expect(functions.map((f) => f.proname)).toEqual([...immutable, ...upkeep].sort());
      expect(functions.filter((f) => immutable.includes(f.proname)).every((f) => f.provolatile === 'i')).toBe(true);
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
