import { inject } from 'vitest';
import { createDb } from '@/db/index';
import { migrateDatabase } from '@/db/migrate';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './db-server';

/** A connection to this run's shared, migrated database. Close it in afterAll. */
export function connectTestDb() {
  return createDb(inject('databaseUrl'), { max: 4 });
}

/** A database of its own, for tests that count whole tables. `drop` closes and removes it. */
export async function isolatedTestDb() {
  const adminUrl = inject('adminUrl');
  const name = uniqueDatabaseName('sahifa_iso');
  const url = await createDatabase(adminUrl, name);
  await migrateDatabase(url);
  const { db, client } = createDb(url, { max: 4 });
  return {
    db,
    drop: async () => {
      await client.end();
      await dropDatabase(adminUrl, name);
    },
  };
}
