import os from 'node:os';
import { sql } from 'drizzle-orm';
import { createDb, type Database } from '@/db/index';
import { migrateDatabase } from '@/db/migrate';
import { highlightRows } from '@/lib/search/highlight';
import { searchStories, type SearchSort } from '@/lib/search/search-stories';
import { acquireTestServer, createDatabase, dropDatabase, uniqueDatabaseName } from '@/test/db-server';
import { percentile } from './bench-app';
import { fillStories, wordOfRank } from './bench-search-corpus';

// npm run bench:search [-- --stories 1000000] [--parallel 2] [--runs 6] [--keep] [--reuse URL]
// Fills a throwaway database with generated stories (bench-search-corpus.ts),
// builds the search index, then times the reader search, the app's own code,
// for common, medium and rare words: ranked and newest first, top 20. The
// database is created on the test server (127.0.0.1:5432 when it answers,
// else an embedded one) and dropped at the end, unless --keep; --reuse times
// a kept one again.

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const STORIES = Number(arg('stories') ?? 100_000);
const PARALLEL = Number(arg('parallel') ?? 2);
const RUNS = Number(arg('runs') ?? 6);
const KEEP = process.argv.includes('--keep');
const REUSE = arg('reuse');

const log = (line: string) => console.log(line);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const load = () => os.loadavg().map((n) => n.toFixed(1)).join(' ');

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

async function build(db: Database): Promise<void> {
  // A throwaway database: the projection's rows need no stories or revisions behind them here,
  // and the index is built once, after the load, as a bulk import would.
  await db.execute(sql`alter table published_stories drop constraint published_stories_story_id_stories_id_fk, drop constraint published_stories_revision_id_story_revisions_id_fk`);
  await db.execute(sql`drop index published_stories_search_idx`);
  const [, loadMs] = await timed(() => fillStories(db, STORIES, PARALLEL));
  log(`load: ${seconds(loadMs)} for text generation and search vectors (${PARALLEL} statements in parallel; ${((loadMs / STORIES) * PARALLEL).toFixed(2)} ms per story per core)`);
  await db.execute(sql`set maintenance_work_mem = '256MB'`);
  const [, indexMs] = await timed(() => db.execute(sql`create index published_stories_search_idx on published_stories using gin (search_vector)`));
  const [, analyzeMs] = await timed(() => db.execute(sql`vacuum analyze published_stories`));
  log(`GIN index build: ${seconds(indexMs)}; vacuum analyze: ${seconds(analyzeMs)}`);
}

async function reportSizes(db: Database): Promise<void> {
  const [sizes] = await db.execute<{ heap: string; toast: string; gin: string; total: string; stories: string; compression: string | null }>(sql`
    select pg_relation_size('published_stories')::text as heap, pg_relation_size(reltoastrelid)::text as toast,
           pg_relation_size('published_stories_search_idx')::text as gin, pg_total_relation_size('published_stories')::text as total,
           (select count(*) from published_stories)::text as stories,
           (select pg_column_compression(search_vector) from published_stories limit 1) as compression
    from pg_class where relname = 'published_stories'`);
  log(
    `${Number(sizes!.stories).toLocaleString('en')} stories; GIN index ${megabytes(Number(sizes!.gin))}; table ${megabytes(Number(sizes!.heap))} + TOAST ${megabytes(Number(sizes!.toast))} ` +
      `(vectors ${sizes!.compression ?? 'uncompressed'}); with all indexes ${megabytes(Number(sizes!.total))}`,
  );
}

// Words by rank in the Zipf vocabulary: common (in most stories), medium (a few per cent), rare (a few in ten thousand).
const classes = {
  common: [24, 25, 26, 29, 32].map(wordOfRank),
  medium: [1000, 1500, 2000, 2500, 3000].map(wordOfRank),
  rare: [100_000, 120_000, 140_000, 160_000, 180_000].map(wordOfRank),
};

async function reportFrequencies(db: Database): Promise<void> {
  for (const [label, words] of Object.entries(classes)) {
    const counts = [];
    for (const word of words) {
      const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from published_stories where search_vector @@ public.sahifa_query_term(${word})`);
      counts.push(`${word} ${row!.n.toLocaleString('en')}`);
    }
    log(`${label} words (stories matching): ${counts.join(', ')}`);
  }
}

async function measure(db: Database): Promise<void> {
  log(`timings: ${RUNS} runs of each of 5 words, warm (one untimed run first); search = parse, build the tsquery, estimate, top 20, capped count`);
  for (const [label, words] of Object.entries(classes)) {
    for (const sort of ['relevance', 'newest'] as SearchSort[]) {
      const searches: number[] = [];
      const snippets: number[] = [];
      const plans = new Set<string>();
      for (const word of words) {
        await searchStories(db, { q: word, page: 1, sort });
        for (let run = 0; run < RUNS; run++) {
          const [outcome, ms] = await timed(() => searchStories(db, { q: word, page: 1, sort }));
          searches.push(ms);
          if (outcome.kind !== 'results') continue;
          plans.add(outcome.plan);
          snippets.push((await timed(() => highlightRows(db, outcome.rows, outcome.prepared.highlight)))[1]);
        }
      }
      searches.sort((a, b) => a - b);
      snippets.sort((a, b) => a - b);
      log(
        `${label.padEnd(6)} ${sort === 'relevance' ? 'ranked' : 'newest'} top-20: p50 ${percentile(searches, 50).toFixed(1)} ms, p95 ${percentile(searches, 95).toFixed(1)} ms ` +
          `(plan: ${[...plans].join(', ')}); snippets for the 20: p50 ${percentile(snippets, 50).toFixed(1)} ms, p95 ${percentile(snippets, 95).toFixed(1)} ms`,
      );
    }
  }
}

const server = await acquireTestServer();
const name = uniqueDatabaseName('sahifa_bench_search');
const url = REUSE ?? (await createDatabase(server.adminUrl, name));
const { db, client } = createDb(url, { max: PARALLEL + 2 });
try {
  const [{ version } = { version: '?' }] = await db.execute<{ version: string }>(sql`select current_setting('server_version') as version`);
  log(`bench:search: PostgreSQL ${version}, ${os.cpus().length} cores, load average ${load()} at start`);
  if (!REUSE) {
    await migrateDatabase(url);
    await build(db);
  }
  await reportSizes(db);
  await reportFrequencies(db);
  await measure(db);
  log(`load average ${load()} at the end`);
} finally {
  await client.end();
  if (KEEP || REUSE) log(`kept database ${url}`);
  else await dropDatabase(server.adminUrl, name);
  await server.release();
}
process.exit(0);
