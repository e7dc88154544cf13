import { sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import type { SearchRow } from './search-stories';
import { markSegments, mightMatch, snippetOf, tsqueryLexemes, wordRuns, type Segment, type WordRun } from './snippets';

// Marks the words that matched, on the original text. Candidates come from a
// cheap test in TypeScript; the SQL functions of the index then decide, in one
// round trip, so a word is marked exactly when the search would match it.

export type SearchHit = Omit<SearchRow, 'headline' | 'standfirst' | 'plainText'> & {
  headline: Segment[];
  standfirst: Segment[];
  snippet: Segment[];
};

// Bounds the confirming query when a very short word is a candidate almost everywhere.
const MAX_CANDIDATES = 400;

async function confirmMatches(db: Executor, words: string[], highlight: string): Promise<Set<string>> {
  if (words.length === 0) return new Set();
  const rows = await db.execute<{ word: string }>(sql`
    select word from jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) as word
    where public.sahifa_field_vector(word) @@ ${highlight}::tsquery`);
  return new Set(rows.map((row) => row.word));
}

export async function highlightRows(db: Executor, rows: SearchRow[], highlight: string): Promise<SearchHit[]> {
  const lexemes = tsqueryLexemes(highlight);
  const texts = rows.map((row) => ({ row, headline: wordRuns(row.headline), standfirst: wordRuns(row.standfirst), body: wordRuns(row.plainText) }));
  // Each distinct word is tested once: news text repeats its words.
  const seen = new Set<string>();
  const candidates: string[] = [];
  for (const text of texts) {
    for (const run of [...text.headline, ...text.standfirst, ...text.body]) {
      if (seen.has(run.text) || candidates.length === MAX_CANDIDATES) continue;
      seen.add(run.text);
      if (mightMatch(run.text, lexemes)) candidates.push(run.text);
    }
  }
  const matched = await confirmMatches(db, candidates, highlight);
  const marked = (run: WordRun) => matched.has(run.text);
  return texts.map(({ row, headline, standfirst, body }) => {
    const { headline: headlineText, standfirst: standfirstText, plainText, ...rest } = row;
    return {
      ...rest,
      headline: markSegments(headlineText, headline, marked),
      standfirst: markSegments(standfirstText, standfirst, marked),
      snippet: snippetOf(plainText, body, marked),
    };
  });
}
