import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { acquireTestServer, createDatabase, dropDatabase } from '@/test/db-server';
import { e2eHandoffFile } from '@/test/e2e-handoff';
import { fail, prepareDatabase } from './prepare-db';

// The e2e suite's web server: a fresh database named by E2E_DB_NAME (set in
// playwright.config.ts), migrated and seeded with the demo accounts, served by
// one production build. Specs find the database URL in the handoff file so they
// can create their own data. The database is dropped when Playwright stops us.

const name = process.env.E2E_DB_NAME;
if (!name) fail('E2E_DB_NAME is not set: run this through `playwright test`');

const dbServer = await acquireTestServer();
const url = await createDatabase(dbServer.adminUrl, name);
const handoff = e2eHandoffFile(name);
mkdirSync(path.dirname(handoff), { recursive: true });
writeFileSync(handoff, JSON.stringify({ url }));

Object.assign(process.env, { DATABASE_URL: url, SEED_DEMO: 'accounts', NODE_ENV: 'production' });
const prepared = await prepareDatabase();
console.error(`e2e: database ${name} on the ${dbServer.kind} server; seed story ${prepared.seed.story ? 'published' : 'present'}`);

const { startServer } = await import('./server');
const server = await startServer({ dev: false, port: Number(process.env.E2E_PORT ?? 3100), hostname: '127.0.0.1' });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close().catch(() => {});
  await dropDatabase(dbServer.adminUrl, name as string).catch((error: unknown) => console.error('e2e: could not drop the database', error));
  await dbServer.release().catch(() => {});
  rmSync(handoff, { force: true });
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
