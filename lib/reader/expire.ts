import 'server-only';
import { revalidateTag } from 'next/cache';
import { registeredPageCache } from '@/lib/page-cache/registry';
import { dataCacheTag } from './cache-tags';

// The one way reader caches are expired: Next's data cache (unstable_cache)
// and the response cache of reader pages, by the same tags
// (lib/reader/cache-tags.ts). Publish, update, take-down, retraction, front
// page, settings and profile changes all come through here.

/**
 * `everywhere` (a change made on this instance): this instance's caches, then
 * every other instance (Redis pub/sub) and the CDN. `here`: this instance
 * only, when another instance told us about its change.
 */
export async function expireReaderTags(tags: readonly string[], scope: 'everywhere' | 'here' = 'everywhere'): Promise<void> {
  const unique = [...new Set(tags)];
  // Data first, pages second: a page rendered in between reads fresh data, and one that began before is never stored.
  for (const tag of unique) revalidateTag(dataCacheTag(tag), { expire: 0 });
  const pages = registeredPageCache();
  if (scope === 'here') pages?.expireHere(unique);
  else await pages?.expireEverywhere(unique);
}
