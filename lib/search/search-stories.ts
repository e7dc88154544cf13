import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { prepareQuery, type PreparedQuery } from './compile';
import { choosePlan, type SearchPlan } from './plan';
import { parseSearchQuery, type ParsedQuery } from './query-syntax';
import type { StoryCard } from '@/lib/reader/queries';

// Reader search over the published projection, the only table reader pages
// read. Free of Next APIs, so the integration tests and the benchmark run it
// against a database directly; the page adds highlighting (highlight.ts).

export type SearchSort = 'relevance' | 'newest';

export const SEARCH_PAGE_SIZE = 20;
/**
 * Ranking reads every candidate's vector, which at a million stories is too
 * slow for a word in most of them. So the ranked order is over the most recent
 * RANK_CANDIDATES matches, and both orders show at most that many results: 50 pages.
 */
export const RANK_CANDIDATES = 1000;
export const MAX_SEARCH_PAGE = RANK_CANDIDATES / SEARCH_PAGE_SIZE;

/** A listing's story card, with the text its snippet is cut from. */
export type SearchRow = StoryCard & { plainText: string };

export type SearchOutcome =
  | { kind: 'empty'; query: ParsedQuery }
  | {
      kind: 'results';
      query: ParsedQuery;
      prepared: PreparedQuery;
      rows: SearchRow[];
      total: number;
      capped: boolean;
      page: number;
      pages: number;
      /** How the matches were found: walking the date index, or the search index's bitmap (plan.ts). */
      plan: SearchPlan;
    };

type RawRow = Omit<SearchRow, 'publishedAt'> & { publishedAt: Date | string };

// "desc nulls last" is the recency index's own order (published_stories_latest_idx):
// a plain "desc" (nulls first) cannot walk it, and the planner then scans everything.
const columns = sql`p.story_id as "storyId", p.slug, s.slug as "sectionSlug", s.name as "sectionName", p.kicker, p.headline,
  p.standfirst, p.plain_text as "plainText", p.published_at as "publishedAt"`;

/** Holds the planner to a plan for the rest of the transaction (see plan.ts for why it must be told). */
async function holdPlan(tx: Executor, plan: SearchPlan): Promise<void> {
  const byIndex = plan === 'date-index' ? 'on' : 'off';
  const byBitmap = plan === 'bitmap' ? 'on' : 'off';
  await tx.execute(sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', ${byIndex}, true), set_config('enable_bitmapscan', ${byBitmap}, true)`);
}

function pageOfRows(tx: Executor, tsquery: string, sort: SearchSort, offset: number) {
  const q = sql`${tsquery}::tsquery`;
  if (sort === 'newest') {
    return tx.execute<RawRow>(sql`
      select ${columns}
      from published_stories p join sections s on s.id = p.section_id
      where p.state = 'published' and p.search_vector @@ ${q}
      order by p.published_at desc nulls last, p.story_id
      limit ${SEARCH_PAGE_SIZE} offset ${offset}`);
  }
  // Relevance: ts_rank over the capped candidates; weights D, C, B, A (body is C, headline A);
  // normalization 1 divides by the log of the length, so a long story does not win by size alone.
  return tx.execute<RawRow>(sql`
    with candidates as materialized (
      select story_id, published_at, search_vector from published_stories
      where state = 'published' and search_vector @@ ${q}
      order by published_at desc nulls last
      limit ${RANK_CANDIDATES}
    ), ranked as (
      select story_id, published_at, ts_rank('{0.1, 0.2, 0.4, 1.0}', search_vector, ${q}, 1) as rank from candidates
      order by rank desc, published_at desc, story_id
      limit ${SEARCH_PAGE_SIZE} offset ${offset}
    )
    select ${columns}
    from ranked r join published_stories p on p.story_id = r.story_id join sections s on s.id = p.section_id
    order by r.rank desc, r.published_at desc, r.story_id`);
}

/** Matches, counted up to one past the cap, through the bitmap: an exact count of a common word would read every match. */
async function countMatches(tx: Executor, tsquery: string, estimate: number): Promise<number> {
  // Where the planner's statistics already know a word is in thousands of stories, counting adds nothing.
  if (estimate > 5 * RANK_CANDIDATES) return RANK_CANDIDATES + 1;
  await holdPlan(tx, 'bitmap');
  const [row] = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from (
      select 1 from published_stories where state = 'published' and search_vector @@ ${tsquery}::tsquery limit ${RANK_CANDIDATES + 1}
    ) as matches`);
  return row?.n ?? 0;
}

// EXPLAIN (FORMAT JSON) answers one row whose one column is the plan, as JSON.
const explainSchema = z.array(z.object({ Plan: z.object({ 'Plan Rows': z.number() }) }));

/** The planner's estimate of matching stories, and of all stories: statistics only, nothing is read. */
async function estimateMatches(tx: Executor, tsquery: string): Promise<{ matches: number; stories: number }> {
  const [explained] = await tx.execute<{ 'QUERY PLAN': unknown }>(
    sql`explain (format json) select 1 from published_stories where state = 'published' and search_vector @@ ${tsquery}::tsquery`,
  );
  const [size] = await tx.execute<{ stories: number }>(sql`select greatest(reltuples, 0)::float8 as stories from pg_class where oid = 'public.published_stories'::regclass`);
  const parsed = explainSchema.safeParse(explained?.['QUERY PLAN']);
  return { matches: parsed.success ? (parsed.data[0]?.Plan['Plan Rows'] ?? 0) : 0, stories: Number(size?.stories ?? 0) };
}

/** plan: only for tests and the benchmark, which compare both; the search picks its own. */
export async function searchStories(db: Executor, input: { q: string; page: number; sort: SearchSort; plan?: SearchPlan }): Promise<SearchOutcome> {
  const query = parseSearchQuery(input.q);
  const prepared = await prepareQuery(db, query);
  if (!prepared) return { kind: 'empty', query };
  const page = Math.min(Math.max(1, Math.trunc(input.page)), MAX_SEARCH_PAGE);
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  // One transaction, so the plan settings (set_config … local) end with it.
  return db.transaction(async (tx) => {
    const estimate = await estimateMatches(tx, prepared.tsquery);
    const plan = input.plan ?? choosePlan({ needed: input.sort === 'newest' ? offset + SEARCH_PAGE_SIZE : RANK_CANDIDATES, ...estimate });
    await holdPlan(tx, plan);
    const raw = await pageOfRows(tx, prepared.tsquery, input.sort, offset);
    const count = await countMatches(tx, prepared.tsquery, estimate.matches);
    const total = Math.min(count, RANK_CANDIDATES);
    const rows = raw.map((row) => ({ ...row, publishedAt: new Date(row.publishedAt) }));
    return { kind: 'results', query, prepared, rows, total, capped: count > RANK_CANDIDATES, page, pages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)), plan };
  });
}
