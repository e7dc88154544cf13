import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { getEnv } from '@/lib/env';
import * as schema from './schema';

export type Database = ReturnType<typeof createDb>['db'];
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A database handle or an open transaction: what lower-level writers accept. */
export type Executor = Database | Transaction;

export function createDb(url: string, options: { max?: number } = {}) {
  const client = postgres(url, {
    max: options.max ?? 10,
    // Quiet the "relation already exists, skipping" notices of idempotent DDL.
    onnotice: () => {},
    connection: { application_name: 'sahifa' },
  });
  return { db: drizzle(client, { schema, casing: 'snake_case' }), client };
}

// One pool per process, kept on globalThis so dev-mode module reloads reuse it.
const globalForDb = globalThis as unknown as { sahifaDb?: ReturnType<typeof createDb> };

export function getDb(): Database {
  if (!globalForDb.sahifaDb) {
    const env = getEnv();
    if (!env.DATABASE_URL) {
      throw new Error('DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which provide one');
    }
    globalForDb.sahifaDb = createDb(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX });
  }
  return globalForDb.sahifaDb.db;
}
