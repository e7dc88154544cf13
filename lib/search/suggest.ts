import { sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { positiveWords, type ParsedQuery } from './query-syntax';

// «هل تقصد: …» for a query that found nothing: each word the live stories
// never use is swapped for the nearest word they do use, by trigram
// similarity over the vocabulary table (search_words, kept by triggers on
// published_stories; the search-vocabulary migration). Words are compared without an ال
// cluster, which goes back on the suggestion: «الاستثمر» → «الاستثمار».
// One indexed query for the whole query (a GiST nearest-neighbour lookup per
// word), so it costs about what a search does.

type Correction = { input: string; suggestion: string | null };

/** A query with its misspelt words corrected, or null when there is nothing to offer. */
export async function suggestQuery(db: Executor, raw: string, query: ParsedQuery): Promise<string | null> {
  const words = positiveWords(query).filter((word) => /\p{L}/u.test(word));
  if (words.length === 0) return null;
  const rows = await db.execute<Correction>(sql`
    select w.input,
           case when known.hit then null else substr(n.norm, 1, length(n.norm) - length(n.base)) || near.word end as suggestion
      from jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) as w(input)
      cross join lateral (select public.sahifa_normalize(w.input) as norm) as normalized
      cross join lateral (select normalized.norm, public.sahifa_strip_definite(normalized.norm) as base) as n
      cross join lateral (select exists (select 1 from search_words where word in (n.norm, n.base)) as hit) as known
      left join lateral (
        select word from search_words
         where not known.hit and word % n.base
         order by word <-> n.base, stories desc
         limit 1
      ) as near on true`);
  let suggestion = raw;
  let changed = false;
  for (const row of rows) {
    if (!row.suggestion) continue;
    suggestion = suggestion.replaceAll(row.input, row.suggestion);
    changed = true;
  }
  return changed && suggestion !== raw ? suggestion : null;
}
