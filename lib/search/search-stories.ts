import { sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { prepareQuery, type PreparedQuery } from './compile';
import { parseSearchQuery, type ParsedQuery } from './query-syntax';

// Reader search over the published projection, the only table reader pages
// read. Free of Next APIs, so the integration tests and the benchmark run it
// against a database directly; the page adds highlighting (snippets.ts).

export type SearchSort = 'relevance' | 'newest';

export const SEARCH_PAGE_SIZE = 20;
/**
 * Ranking reads every candidate's vector, which at a million stories is too
 * slow for a word in most of them. So the ranked order is over the most recent
 * RANK_CANDIDATES matches (taken from the recency index), and both orders show
 * at most that many results: 50 pages.
 */
export const RANK_CANDIDATES = 1000;
export const MAX_SEARCH_PAGE = RANK_CANDIDATES / SEARCH_PAGE_SIZE;

export type SearchRow = {
  storyId: string;
  slug: string;
  sectionSlug: string;
  sectionName: string;
  kicker: string;
  headline: string;
  standfirst: string;
  plainText: string;
  publishedAt: Date;
};

export type SearchOutcome =
  | { kind: 'empty'; query: ParsedQuery }
  | { kind: 'results'; query: ParsedQuery; prepared: PreparedQuery; rows: SearchRow[]; total: number; capped: boolean; page: number; pages: number };

type RawRow = Omit<SearchRow, 'publishedAt'> & { publishedAt: Date | string };

const columns = sql`p.story_id as "storyId", p.slug, s.slug as "sectionSlug", s.name as "sectionName", p.kicker, p.headline,
  p.standfirst, p.plain_text as "plainText", p.published_at as "publishedAt"`;

function pageOfRows(db: Executor, tsquery: string, sort: SearchSort, offset: number) {
  const q = sql`${tsquery}::tsquery`;
  if (sort === 'newest') {
    return db.execute<RawRow>(sql`
      select ${columns}
      from published_stories p join sections s on s.id = p.section_id
      where p.state = 'published' and p.search_vector @@ ${q}
      order by p.published_at desc, p.story_id
      limit ${SEARCH_PAGE_SIZE} offset ${offset}`);
  }
  // Relevance: ts_rank over the capped candidates; weights D, C, B, A (body is C, headline A);
  // normalization 1 divides by the log of the length, so a long story does not win by size alone.
  return db.execute<RawRow>(sql`
    with candidates as materialized (
      select story_id, published_at, search_vector from published_stories
      where state = 'published' and search_vector @@ ${q}
      order by published_at desc
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

/** Matches, counted up to one past the cap: an exact count of a common word would read every match. */
async function countMatches(db: Executor, tsquery: string): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from (
      select 1 from published_stories where state = 'published' and search_vector @@ ${tsquery}::tsquery limit ${RANK_CANDIDATES + 1}
    ) as matches`);
  return row?.n ?? 0;
}

export async function searchStories(db: Executor, input: { q: string; page: number; sort: SearchSort }): Promise<SearchOutcome> {
  const query = parseSearchQuery(input.q);
  const prepared = await prepareQuery(db, query);
  if (!prepared) return { kind: 'empty', query };
  const page = Math.min(Math.max(1, Math.trunc(input.page)), MAX_SEARCH_PAGE);
  const [raw, count] = await Promise.all([pageOfRows(db, prepared.tsquery, input.sort, (page - 1) * SEARCH_PAGE_SIZE), countMatches(db, prepared.tsquery)]);
  const total = Math.min(count, RANK_CANDIDATES);
  const rows = raw.map((row) => ({ ...row, publishedAt: new Date(row.publishedAt) }));
  return { kind: 'results', query, prepared, rows, total, capped: count > RANK_CANDIDATES, page, pages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)) };
}
