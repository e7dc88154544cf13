import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db';
import { positiveWords, type ParsedQuery, type SearchTerm } from './query-syntax';

// Turns a parsed query into a tsquery, in SQL: each term goes through
// public.sahifa_query_term (normalization, proclitics, stemming) as a bound
// parameter, and the terms are joined with tsquery's own operators. Nothing
// the reader typed is ever spliced into SQL text.

const termSql = (text: string): SQL => sql`public.sahifa_query_term(${text})`;

function groupSql(group: SearchTerm[]): SQL {
  return sql.join(
    group.map((term) => (term.negated ? sql`(!! ${termSql(term.text)})` : termSql(term.text))),
    sql` && `,
  );
}

export function tsquerySql(query: ParsedQuery): SQL {
  return sql.join(
    query.groups.map((group) => sql`(${groupSql(group)})`),
    sql` || `,
  );
}

/**
 * tsquery: the whole query, as text, for the search itself.
 * highlight: every positive word on its own (phrases split), for marking words in snippets.
 */
export type PreparedQuery = { tsquery: string; highlight: string };

/**
 * Builds both tsqueries once, in one round trip. Null when nothing is left to
 * search for: no words with letters or digits, or only exclusions (querytree
 * answers T when no index could narrow the query down).
 */
export async function prepareQuery(db: Executor, query: ParsedQuery): Promise<PreparedQuery | null> {
  if (query.groups.length === 0) return null;
  const highlight = sql.join(positiveWords(query).map(termSql), sql` || `);
  const [row] = await db.execute<{ query: string; tree: string; highlight: string }>(sql`
    select q::text as query, querytree(q) as tree, h::text as highlight
    from (select ${tsquerySql(query)} as q, ${highlight} as h) as prepared`);
  if (!row || row.query === '' || row.tree === '' || row.tree === 'T') return null;
  return { tsquery: row.query, highlight: row.highlight };
}
