import { existsSync } from 'node:fs';
import { createDb, type Database, type DbOptions } from '@/db/index';
import { getEnv } from '@/lib/env';
import { acquireTestServer, createDatabase, dropDatabase, uniqueDatabaseName } from '@/test/db-server';
import { prepareDatabase } from './prepare-db';

// What the benchmark scripts share: the production build served on a fresh,
// seeded database of its own, dropped afterwards.

export type BenchApp = { base: string; db: Database; close: () => Promise<void> };

/** `debug` sees every statement the app's pool sends (the app's pool is made here, with it, before the server starts). */
export async function startBenchApp(port: number, options: { debug?: DbOptions['debug'] } = {}): Promise<BenchApp> {
  if (!existsSync('.next/BUILD_ID')) {
    console.error('benchmarks need a production build: run `npm run build` first');
    process.exit(1);
  }
  const server = await acquireTestServer();
  const name = uniqueDatabaseName('sahifa_bench');
  const url = await createDatabase(server.adminUrl, name);
  Object.assign(process.env, {
    DATABASE_URL: url,
    SEED_DEMO: 'true',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-secret-that-is-at-least-32-characters',
  });
  await prepareDatabase();
  if (options.debug) {
    const env = getEnv();
    // db/index.ts keeps the app's one pool on globalThis: this one, with its hook, takes its place.
    (globalThis as unknown as { sahifaDb: unknown }).sahifaDb = createDb(url, { max: env.DATABASE_POOL_MAX, statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS, debug: options.debug });
  }
  const { db, client } = createDb(url, { max: 2 });
  const { startServer } = await import('./server');
  const app = await startServer({ dev: false, port, hostname: '127.0.0.1' });
  return {
    base: `http://127.0.0.1:${port}`,
    db,
    close: async () => {
      await app.close();
      await client.end();
      await dropDatabase(server.adminUrl, name);
      await server.release();
    },
  };
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
