import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import { recordTags } from '@/lib/page-cache/render-notes';
import { dataCacheTag } from './cache-tags';

/**
 * The reads of one render, by key. unstable_cache does not share a miss: the
 * layout, the page and both their generateMetadata ask for the settings (the
 * article page asks for its story twice), and after an expiry each of them ran
 * its own query. React's cache() scopes this map to one request's render;
 * outside a render (route handlers) every call gets a new one.
 */
const readsOfThisRender = cache(() => new Map<string, Promise<unknown>>());

/**
 * unstable_cache that also tells the response cache which tags the current
 * page read (lib/page-cache/render-notes.ts): one list of tags per read expires
 * both the data and every stored page built from it. `keyParts` name the read:
 * two reads with the same key parts are the same read.
 */
export function taggedCache<T>(fn: () => Promise<T>, keyParts: string[], options: { tags: string[] }): () => Promise<T> {
  const read = unstable_cache(fn, keyParts, { tags: options.tags.map(dataCacheTag) });
  const key = keyParts.join('\u0000');
  return () => {
    recordTags(options.tags);
    const reads = readsOfThisRender();
    const pending = (reads.get(key) as Promise<T> | undefined) ?? read();
    reads.set(key, pending);
    return pending;
  };
}
