// Which requests the response cache may answer, and under which key. Pure: no I/O.

import { postQueryOf } from '@/lib/imports/paths';

/**
 * - `pass`: not a reader page (staff area, API, framework files, media, feeds,
 *   previews and share links, Next's own flight requests): Next answers it untouched.
 * - `private`: a reader page for one visitor: a signed-in staff member (a session
 *   cookie), or a search with a query, which is counted against the client's IP
 *   (proxy.ts) on every request. Rendered fresh, never stored, `private, no-store`.
 * - `public`: the same bytes for everyone; served from and stored into the cache.
 */
export type RequestKind = 'pass' | 'private' | 'public';

export type RequestFacts = { method: string; url: URL; headers: Record<string, string | string[] | undefined> };

// Files the app serves beside its pages (robots.txt, sitemap.xml, feed.xml, icon.svg…) go to Next as they are.
const NOT_A_PAGE = /^\/(newsroom|login|api|_next|media|feeds|preview|share)(\/|$)|\.(xml|txt|svg|ico|png|jpe?g|webp|avif|json|js|css|woff2?|map)$/i;

// Auth.js session cookies, plain or __Secure- prefixed, possibly chunked (.0, .1, …).
const SESSION_COOKIE = /(^|;\s*)(__Secure-)?authjs\.session-token(\.\d+)?=/;

/** Next's client-navigation requests carry flight data, not HTML, under the same URL. */
const FLIGHT_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action'];

export function isReaderPage(pathname: string): boolean {
  return !NOT_A_PAGE.test(pathname);
}

export function classifyRequest({ method, url, headers }: RequestFacts): RequestKind {
  if ((method !== 'GET' && method !== 'HEAD') || !isReaderPage(url.pathname)) return 'pass';
  if (FLIGHT_HEADERS.some((name) => headers[name] !== undefined) || url.searchParams.has('_rsc')) return 'pass';
  const cookie = headers.cookie;
  if ((Array.isArray(cookie) ? cookie.join('; ') : (cookie ?? '')).match(SESSION_COOKIE) || headers.authorization !== undefined) return 'private';
  if (url.pathname === '/search' && url.searchParams.get('q')?.trim()) return 'private';
  return 'public';
}

/** The query parameters a reader route reads; anything else (utm_*, fbclid…) never makes a new entry. */
function keptParams(pathname: string): readonly string[] {
  if (pathname === '/search') return ['q', 'page', 'sort'];
  // An imported WordPress site's /?p=123 (app/(site)/page.tsx redirects it); only numbers, so junk never makes an entry.
  if (pathname === '/') return ['p'];
  const segments = pathname.split('/').filter(Boolean);
  // A section (/{section}) or a tag or author listing: paginated.
  if (segments.length === 1 || (segments.length === 2 && (segments[0] === 'tag' || segments[0] === 'author'))) return ['page'];
  return [];
}

/** The cache key: the path plus, in a fixed order, only the parameters its route reads. */
export function cacheKey(url: URL): string {
  const kept = keptParams(url.pathname).flatMap((name) =>
    url.searchParams
      .getAll(name)
      .filter((value) => name !== 'p' || postQueryOf(value) !== null)
      .map((value) => [name, value] as const),
  );
  return kept.length ? `${url.pathname}?${new URLSearchParams(kept.map(([name, value]) => [name, value])).toString()}` : url.pathname;
}
