import { inject } from 'vitest';
import { createDb } from '@/db/index';

/** A connection to this run's fresh, migrated database. Close it in afterAll. */
export function connectTestDb() {
  return createDb(inject('databaseUrl'), { max: 4 });
}
