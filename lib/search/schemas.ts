import { z } from 'zod';
import { stripControlChars } from '@/lib/text/control-chars';
import { MAX_SEARCH_PAGE } from './search-stories';

// The search page's URL: /search?q=…&page=…&sort=newest. Anything malformed
// falls back to a default rather than failing: a URL is typed by anyone.

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const searchParamsSchema = z.object({
  // Long input is accepted here and cut by the query parser, which says so.
  // Control characters (a NUL would make Postgres refuse the query) are dropped: a query is read, never stored.
  q: z.preprocess(firstValue, z.string().catch('')).default('').transform((value) => stripControlChars(value).trim()),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE).catch(1)).default(1),
  sort: z.preprocess(firstValue, z.enum(['relevance', 'newest']).catch('relevance')).default('relevance'),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;
