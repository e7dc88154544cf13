// The first path segments the app itself uses. A section's URL is /{slug}, so
// none of these may be a section slug; proxy.ts reads the same list to tell an
// article path (/{section}/{story}) from the app's own two-segment paths.
// reserved.test.ts fails when app/ gains a top-level route missing here.

export const RESERVED_SEGMENTS = [
  // Reader pages
  'tag',
  'author',
  'search',
  'preview',
  'share',
  // Feeds, crawlers and files
  'feeds',
  'feed.xml',
  'sitemap.xml',
  'news-sitemap.xml',
  'robots.txt',
  'icon.svg',
  'favicon.ico',
  'media',
  // The staff area and the API
  'newsroom',
  'login',
  'api',
  // Next's own
  '_next',
  '_',
] as const;

const reserved: ReadonlySet<string> = new Set(RESERVED_SEGMENTS);

/** True when a section slug would shadow one of the app's own paths. */
export function isReservedSegment(slug: string): boolean {
  return reserved.has(slug.toLowerCase());
}
