// Which way to find a page of matches. Pure: no I/O.
//
// A search orders matches by date (newest first, or the most recent
// candidates that ranking then orders). Postgres can find them two ways:
// - date-index: walk published_at from the newest story and test each
//   story's vector until enough match. Each test reads the vector out of
//   TOAST, a few microseconds, but it stops early when the word is common.
// - bitmap: take every match from the search index, then sort them by date.
//   Each match costs a heap visit and no vector read, but every match is
//   visited, which is slow when the word is in most stories.
// The planner does not know that testing a toasted vector costs more than a
// comparison, and at 100,000 stories it chose a full scan for a common word
// (1.6 s). So the search estimates (from the planner's statistics) how many
// stories match, picks the cheaper way here, and holds the planner to it.

export type SearchPlan = 'date-index' | 'bitmap';

/** A vector read costs about this many bitmap heap visits (measured: ~8 µs against ~0.5–1 µs). */
export const VECTOR_READ_COST = 10;

/**
 * needed: how many matches, in date order, the query must find (offset plus a
 * page, or the ranking candidates); matches and stories: the planner's estimates.
 */
export function choosePlan({ needed, matches, stories }: { needed: number; matches: number; stories: number }): SearchPlan {
  if (matches <= 0 || stories <= 0) return 'bitmap';
  // Walking the date index tests about needed × stories / matches vectors before it has enough.
  const walk = Math.min(stories, (needed * stories) / matches) * VECTOR_READ_COST;
  return walk < matches ? 'date-index' : 'bitmap';
}
