import { assertServerEnv } from '@/lib/env';
import { fail, prepareDatabase } from './prepare-db';

// Usage: tsx scripts/with-db.ts (dev | start) [--demo]
// Prepares the database (embedded unless DATABASE_URL is set: checked,
// migrated, seeded), then serves the app in this same process, and stops the
// embedded server when the app stops.

const [mode, ...flags] = process.argv.slice(2);
if (mode !== 'dev' && mode !== 'start') fail('usage: with-db (dev | start) [--demo]');
if (flags.includes('--demo')) process.env.SEED_DEMO ??= 'true';
Object.assign(process.env, { NODE_ENV: mode === 'dev' ? 'development' : 'production' });
const problem = assertServerEnv();
if (problem) fail(problem);

const started = Date.now();
const prepared = await prepareDatabase();
process.env.DATABASE_URL = prepared.url;
console.error(
  `sahifa: database ready in ${Date.now() - started} ms (${prepared.embedded ? `embedded, ${prepared.embedded.dataDir}` : 'DATABASE_URL'})` +
    `${prepared.seed.story ? ', seed story published' : ''}${prepared.seed.demoAccounts ? `, ${prepared.seed.demoAccounts} demo accounts` : ''}`,
);

// Imported only now: Next reads NODE_ENV when it loads.
const { startServer } = await import('./server');
const server = await startServer({ dev: mode === 'dev', port: Number(process.env.PORT ?? 3000), hostname: process.env.HOSTNAME });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close().catch(() => {});
  await prepared.embedded?.stop().catch(() => {});
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
