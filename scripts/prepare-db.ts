import path from 'node:path';
import { checkDatabase } from '@/db/connect-check';
import { ensureDatabase, runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedServer } from '@/db/embedded';
import { createDb } from '@/db/index';
import { migrateDatabase } from '@/db/migrate';
import { installJobQueue } from '@/lib/jobs/runner';
import { seedDatabase, type SeedResult } from '@/db/seed';
import { getEnv } from '@/lib/env';

export type PreparedDb = { url: string; embedded: EmbeddedServer | null; seed: SeedResult };

/** One line on stderr, no stack, non-zero exit: what a misconfigured start should look like. */
export function fail(line: string): never {
  console.error(`sahifa: ${line}`);
  process.exit(1);
}

/**
 * Gives the app a database: DATABASE_URL when set (checked first), otherwise
 * an embedded PostgreSQL under .data/. Then migrates and seeds, both idempotent.
 */
export async function prepareDatabase(options: { seed?: boolean } = {}): Promise<PreparedDb> {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  let url = env.DATABASE_URL;
  let embedded: EmbeddedServer | null = null;
  if (url) {
    let problem = await checkDatabase(url);
    if (problem?.includes('does not exist')) {
      // The server answers but the database is missing: create it, as the embedded mode does.
      const admin = new URL(url);
      const name = decodeURIComponent(admin.pathname.slice(1));
      admin.pathname = '/postgres';
      problem = await ensureDatabase(admin.toString(), name).then(
        () => checkDatabase(url as string),
        (error: unknown) => `${problem}, and it could not be created: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (problem) fail(problem);
  } else {
    const dataDir = path.resolve(env.DATA_DIR ?? '.data', 'postgres');
    embedded = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_PG_PORT }).catch((error: unknown) =>
      fail(`could not start the embedded PostgreSQL on port ${env.EMBEDDED_PG_PORT}: ${error instanceof Error ? error.message : String(error)}`),
    );
    url = await ensureDatabase(embedded.adminUrl, 'sahifa');
  }
  await migrateDatabase(url);
  await installJobQueue(url);
  // A restore needs the schema and nothing in it.
  if (options.seed === false) return { url, embedded, seed: { story: false, demoAccounts: 0, demoSections: 0 } };
  const { db, client } = createDb(url, { max: 1 });
  try {
    const seed = await seedDatabase(db, { demo: env.SEED_DEMO !== 'none', demoNewsroom: env.SEED_DEMO === 'newsroom' });
    return { url, embedded, seed };
  } finally {
    await client.end();
  }
}

/**
 * The app's database as it is, neither migrated nor seeded: DATABASE_URL, or
 * the embedded server, joined when the app is running on it, else started.
 */
export async function connectDatabase(): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    const problem = await checkDatabase(env.DATABASE_URL);
    if (problem) fail(problem);
    return { url: env.DATABASE_URL, embedded: null };
  }
  const dataDir = path.resolve(env.DATA_DIR ?? '.data', 'postgres');
  const running = runningEmbeddedUrl(dataDir);
  if (running) return { url: await ensureDatabase(running, 'sahifa'), embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_PG_PORT }).catch((error: unknown) =>
    fail(`could not start the embedded PostgreSQL on port ${env.EMBEDDED_PG_PORT}: ${error instanceof Error ? error.message : String(error)}`),
  );
  return { url: await ensureDatabase(embedded.adminUrl, 'sahifa'), embedded };
}

/** Where local media lives, or null when it is in S3 (lib/media/storage.ts decides the same way). */
export function localMediaDir(): string | null {
  const env = getEnv();
  return env.MEDIA_STORAGE === 'local' ? path.resolve(env.DATA_DIR ?? '.data', 'media') : null;
}
