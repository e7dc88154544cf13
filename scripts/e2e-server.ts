import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { acquireTestServer, createDatabase, dropDatabase } from '@/test/db-server';
import { e2eHandoffFile } from '@/test/e2e-handoff';
import { fail, prepareDatabase } from './prepare-db';
import { spawnForwarding } from './spawn-next';

// The e2e suite's web server: a fresh database named by E2E_DB_NAME (set in
// playwright.config.ts), migrated and seeded with the demo accounts, served by
// one production build. Specs find the database URL in the handoff file so they
// can create their own data. The database is dropped when Playwright stops us.

const name = process.env.E2E_DB_NAME;
const port = process.env.E2E_PORT ?? '3100';
if (!name) fail('E2E_DB_NAME is not set: run this through `playwright test`');

const server = await acquireTestServer();
const url = await createDatabase(server.adminUrl, name);
const handoff = e2eHandoffFile(name);
mkdirSync(path.dirname(handoff), { recursive: true });
writeFileSync(handoff, JSON.stringify({ url }));

Object.assign(process.env, { DATABASE_URL: url, SEED_DEMO: 'true', NODE_ENV: 'production' });
const prepared = await prepareDatabase();
console.error(`e2e: database ${name} on the ${server.kind} server; seed story ${prepared.seed.story ? 'published' : 'present'}`);

spawnForwarding(['next', 'start', '--port', port, '--hostname', '127.0.0.1'], { ...process.env }, async () => {
  await dropDatabase(server.adminUrl, name);
  await server.release();
  rmSync(handoff, { force: true });
});
