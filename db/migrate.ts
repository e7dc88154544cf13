import path from 'node:path';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

// Any constant works; it only has to be the same for every process of the app.
const MIGRATION_LOCK_KEY = 727_001;

export const migrationsFolder = path.join(process.cwd(), 'drizzle');

/**
 * Applies pending migrations. Idempotent, and safe when two processes start
 * at once: a session-level advisory lock makes the second wait, then find
 * nothing left to do.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    await client.end();
  }
}
