import type { SearchHit } from '@/lib/search/highlight';
import { formatDate, type DateSettings } from '@/lib/reader/format';
import { sectionPath, storyPath } from '@/lib/reader/paths';
import { MarkedText } from './marked-text';

// Search results: headline, a snippet of the body around the matches, the
// section and the date. Server-rendered, no client code.
export function SearchResults({ hits, settings, start }: { hits: SearchHit[]; settings: DateSettings; start: number }) {
  return (
    <ol start={start} className="divide-y divide-rule">
      {hits.map((hit) => (
        <li key={hit.storyId} className="py-5">
          <article>
            {hit.kicker && <p className="text-sm font-bold text-accent">{hit.kicker}</p>}
            <h2 className="font-display text-xl font-bold leading-relaxed">
              <a href={storyPath(hit.sectionSlug, hit.slug)} className="no-underline hover:underline">
                <MarkedText segments={hit.headline} />
              </a>
            </h2>
            {hit.standfirst.length > 0 && (
              <p className="mt-1 text-muted">
                <MarkedText segments={hit.standfirst} />
              </p>
            )}
            {hit.snippet.length > 0 && (
              <p className="mt-2 leading-loose">
                <MarkedText segments={hit.snippet} />
              </p>
            )}
            <p className="mt-1 text-sm text-muted">
              <a href={sectionPath(hit.sectionSlug)} className="no-underline hover:underline">
                {hit.sectionName}
              </a>
              {' · '}
              <time dateTime={hit.publishedAt.toISOString()}>{formatDate(hit.publishedAt, settings)}</time>
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
