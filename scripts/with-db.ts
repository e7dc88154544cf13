import { assertServerEnv, adoptDatabaseUrl } from '@/lib/env';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fail, prepareDatabase } from './prepare-db';

function devSecret(): string {
  const file = path.join(process.env.DATA_DIR ?? '.data', 'dev-auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

// Usage: tsx scripts/with-db.ts (dev | start) [--demo]; `npm start` runs its
// compiled copy, .next/sahifa-server/with-db.mjs (scripts/build-server.ts).
// Prepares the database (embedded unless DATABASE_URL is set: checked,
// migrated, seeded), then serves the app in this same process, and stops the
// embedded server when the app stops.

const [mode, ...flags] = process.argv.slice(2);
if (mode !== 'dev' && mode !== 'start') fail('usage: with-db (dev | start) [--demo]');
if (flags.includes('--demo')) process.env.SEED_DEMO ??= 'true';
Object.assign(process.env, { NODE_ENV: mode === 'dev' ? 'development' : 'production' });
// Auth.js refuses to sign anyone in without a secret, in development too. A
// developer's first `npm run dev` gets one of its own, kept under the data
// folder so sessions survive restarts. Production still requires AUTH_SECRET.
if (mode === 'dev' && !process.env.AUTH_SECRET) process.env.AUTH_SECRET = devSecret();
const problem = assertServerEnv();
if (problem) fail(problem);

const started = Date.now();
const prepared = await prepareDatabase();
adoptDatabaseUrl(prepared.url);
console.error(
  `sahifa: database ready in ${Date.now() - started} ms (${prepared.embedded ? `embedded, ${prepared.embedded.dataDir}` : 'DATABASE_URL'})` +
    `${prepared.seed.story ? ', seed story published' : ''}${prepared.seed.demoAccounts ? `, ${prepared.seed.demoAccounts} demo accounts` : ''}`,
);

// Imported only now: Next reads NODE_ENV when it loads.
const { startServer } = await import('./server');
const server = await startServer({ dev: mode === 'dev', port: Number(process.env.PORT ?? 3000), hostname: process.env.HOSTNAME });

// The first signal drains (scripts/server.ts), then stops the embedded
// database, last, so requests in flight can still read it. A second signal
// exits at once; the database gets its fast-shutdown signal on the way out.
let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) {
    console.error(`sahifa: ${signal} again, exiting now`);
    prepared.embedded?.abandon();
    process.exit(1);
  }
  stopping = true;
  console.error(`sahifa: ${signal}, draining`);
  await server.close().catch((error: unknown) => console.error('sahifa: drain failed', error));
  await prepared.embedded?.stop().catch((error: unknown) => console.error('sahifa: could not stop the embedded PostgreSQL', error));
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
