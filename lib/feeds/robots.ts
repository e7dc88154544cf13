// robots.txt. Pure: the caller passes the sitemap URLs.

/** Staff, API and private-copy paths: no crawler has any business there (pages also say noindex). */
export const DISALLOWED_PREFIXES = ['/newsroom', '/login', '/api', '/preview', '/share'] as const;

// "Disallow: /share" alone is a prefix rule that would also hide a section
// called /shareholders, so each path is blocked as itself, below its slash and
// with a query ($ anchors the end; Google, Bing and Lighthouse understand it).
const rulesFor = (path: string) => [`Disallow: ${path}$`, `Disallow: ${path}/`, `Disallow: ${path}?`];

export function buildRobots(sitemapUrls: string[]): string {
  return ['User-agent: *', 'Allow: /', ...DISALLOWED_PREFIXES.flatMap(rulesFor), '', ...sitemapUrls.map((url) => `Sitemap: ${url}`), ''].join('\n');
}
