// What a CDN in front needs: cache headers for shared caches, the page's tags
// in the header each CDN reads, and a purge call with the same tags on every
// expiry. README-level detail: docs/reader-performance.md.

import { createHash } from 'node:crypto';

export type CdnConfig = { sMaxAge: number; staleWhileRevalidate: number; purgeUrl?: string; purgeToken?: string };

/** Browsers revalidate every time (cheap: ETag and 304); shared caches keep the page and are purged by tag. */
export const publicCacheControl = (config: CdnConfig) => `public, max-age=0, s-maxage=${config.sMaxAge}, stale-while-revalidate=${config.staleWhileRevalidate}`;

export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/** Longer tags travel hashed: a CDN caps a tag's length, and a reader's absurd path must not overflow the response's headers. */
export const MAX_CDN_TAG_LENGTH = 128;

/**
 * Header values are ASCII: Arabic slugs travel percent-encoded, the way they do in URLs. A tag that
 * would still be too long becomes its kind and a hash (`legacy:#3f…`); the purge call names it the same way.
 */
export function cdnTag(tag: string): string {
  const encoded = encodeURI(tag);
  if (encoded.length <= MAX_CDN_TAG_LENGTH) return encoded;
  const kind = tag.slice(0, Math.max(0, tag.indexOf(':')));
  return `${encodeURI(kind).slice(0, 32)}:#${createHash('sha256').update(tag).digest('hex').slice(0, 40)}`;
}

/** Cloudflare reads Cache-Tag (comma-separated); Fastly and Varnish read Surrogate-Key (space-separated). */
export function tagHeaders(tags: readonly string[]): Record<string, string> {
  const encoded = tags.map(cdnTag);
  return { 'cache-tag': encoded.join(','), 'surrogate-key': encoded.join(' ') };
}

/**
 * Posts the expired tags to the purge hook: `{"tags": [...]}` with a bearer
 * token, the shape of Cloudflare's purge-by-tag API, and the keys in a
 * Surrogate-Key header too. A failure is reported, never thrown: a publish
 * must not wait on, or fail because of, a CDN.
 */
export async function purgeCdn(config: CdnConfig, tags: readonly string[], report: (error: unknown) => void): Promise<void> {
  if (!config.purgeUrl || tags.length === 0) return;
  try {
    const encoded = tags.map(cdnTag);
    const response = await fetch(config.purgeUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'surrogate-key': encoded.join(' '),
        ...(config.purgeToken ? { authorization: `Bearer ${config.purgeToken}` } : {}),
      },
      body: JSON.stringify({ tags: encoded }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) report(new Error(`CDN purge answered ${response.status}`));
  } catch (error) {
    report(error);
  }
}
