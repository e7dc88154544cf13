import { unstable_cache } from 'next/cache';
import { recordTags } from '@/lib/page-cache/render-notes';

/**
 * unstable_cache that also tells the response cache which tags the current
 * page read (lib/page-cache/render-notes.ts): one list of tags per read expires
 * both the data and every stored page built from it.
 */
export function taggedCache<T>(fn: () => Promise<T>, keyParts: string[], options: { tags: string[] }): () => Promise<T> {
  const read = unstable_cache(fn, keyParts, options);
  return () => {
    recordTags(options.tags);
    return read();
  };
}
